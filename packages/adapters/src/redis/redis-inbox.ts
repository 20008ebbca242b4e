import {
  EnterpriseHubError,
  jsonValueSchema,
  type Inbox,
  type JsonValue,
  type Keyring,
  type TenantScoped,
} from '@enterprisehub/core';
import { adapterConnection, type RedisAdapterOptions } from './redis-adapter-options';
import type { RedisConnection } from './redis-connection';

/** Options for {@link createRedisInbox}. */
export interface RedisInboxOptions extends RedisAdapterOptions {
  /**
   * Encrypts stored payloads (webhook bodies carry PII) with the core keyring, bound to the tenant
   * and id. Without it payloads are stored as plain JSON.
   */
  keyring?: Keyring;
}

/** Identifies one inbox entry: the tenant and the event id. */
export type RedisInboxIdOptions = TenantScoped & { id: string };

/** What is stored under an inbox key: `{}` (no payload), `{"p": payload}` or `{"c": ciphertext}`. */
interface Envelope {
  p?: JsonValue;
  c?: string;
}

/**
 * {@link Inbox} on Redis: `SET <prefix>:{<tenant>}:inbox:<id> <payload> NX [PX ttl]`, so exactly one
 * of any number of concurrent callers (on any instance) sees an id first; the accepted payload is
 * kept as the value (encrypted when a keyring is given). An id without `ttlMs` never expires —
 * prefer a TTL (e.g. 7 days) so Redis memory stays bounded.
 *
 * Redis down: throws the retryable `REDIS_UNAVAILABLE`; the caller must not acknowledge the event
 * (the sender redelivers it, and nothing was recorded, so the redelivery is accepted once).
 */
export class RedisInbox implements Inbox {
  private readonly connection: RedisConnection;
  private readonly owned: boolean;
  private readonly keyring: Keyring | undefined;

  /** Creates the inbox; nothing connects until the first call. */
  constructor(options: RedisInboxOptions) {
    ({ connection: this.connection, owned: this.owned } = adapterConnection(options));
    this.keyring = options.keyring;
  }

  /** Records `id` as seen (with its payload); `true` the first time, `false` for a duplicate within the TTL. */
  async markSeen(
    options: RedisInboxIdOptions & { ttlMs?: number; payload?: JsonValue },
  ): Promise<boolean> {
    const envelope: Envelope = {};
    if (options.payload !== undefined) {
      const parsed = jsonValueSchema.safeParse(options.payload);
      if (!parsed.success) {
        throw new EnterpriseHubError({
          code: 'VALIDATION_FAILED',
          message: 'An inbox payload must be a JSON value.',
        });
      }
      const json = JSON.stringify(parsed.data);
      if (this.keyring === undefined) envelope.p = options.payload;
      else envelope.c = this.keyring.encrypt(json, { context: this.context(options) });
    }
    const args: (string | number)[] = [this.key(options), JSON.stringify(envelope), 'NX'];
    if (options.ttlMs !== undefined) args.push('PX', Math.max(1, Math.ceil(options.ttlMs)));
    const reply = await this.connection.command('inbox.markSeen', ['SET', ...args], options.signal);
    return reply === 'OK';
  }

  /** Whether `id` has been seen and not yet expired. */
  async has(options: RedisInboxIdOptions): Promise<boolean> {
    const reply = await this.connection.command(
      'inbox.has',
      ['EXISTS', this.key(options)],
      options.signal,
    );
    return Number(reply) === 1;
  }

  /** The payload stored with `id`, or `undefined` when unseen, expired or stored without payload. */
  async getPayload(options: RedisInboxIdOptions): Promise<JsonValue | undefined> {
    const stored = await this.connection.command(
      'inbox.getPayload',
      ['GET', this.key(options)],
      options.signal,
    );
    if (typeof stored !== 'string') return undefined;
    const envelope = this.parse(stored);
    if (envelope.c !== undefined) {
      if (this.keyring === undefined) {
        throw new EnterpriseHubError({
          code: 'PII_KEY_MISSING',
          message: 'An inbox payload is encrypted but the Redis inbox has no keyring.',
        });
      }
      return this.parseJson(this.keyring.decrypt(envelope.c, { context: this.context(options) }));
    }
    return envelope.p;
  }

  /** Closes the connection if this inbox created it. */
  async close(): Promise<void> {
    if (this.owned) await this.connection.close();
  }

  private key(options: RedisInboxIdOptions): string {
    return this.connection.key(options.tenantId, 'inbox', options.id);
  }

  private context(options: RedisInboxIdOptions): string {
    return `enterprisehub:redis-inbox:${options.tenantId}:${options.id}`;
  }

  private parse(stored: string): Envelope {
    const value = this.parseJson(stored);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const envelope: Envelope = {};
    if (value['p'] !== undefined) envelope.p = value['p'];
    if (typeof value['c'] === 'string') envelope.c = value['c'];
    return envelope;
  }

  private parseJson(text: string): JsonValue {
    try {
      return jsonValueSchema.parse(JSON.parse(text));
    } catch (error) {
      throw new EnterpriseHubError({
        code: 'STORE_CORRUPT',
        message: 'A stored inbox entry is not valid JSON.',
        cause: error,
      });
    }
  }
}

/**
 * Creates a Redis inbox (idempotency for inbound webhooks shared by every instance).
 *
 * @example
 * ```ts
 * const inbox = createRedisInbox({ connection, keyring });
 * if (await inbox.markSeen({ tenantId, id: webhookId, ttlMs: 7 * 86_400_000, payload: body })) await enqueue(body);
 * ```
 */
export function createRedisInbox(options: RedisInboxOptions): RedisInbox {
  return new RedisInbox(options);
}
