/**
 * Sends one lead message as a signed webhook and waits for the bot's reply. A reply is the bot's outbound message in
 * the conversation (read through the admin API): that works also when the compliance guard defers the actual send
 * (quiet hours), where the `sendMessage` action reaches the outbox only later.
 */
import type { AdminClient, WebhookAnswer } from './admin-client';
import { buildInboundMessage, signWebhook } from './webhook';
import { readConversation, toMillis, type ConversationMessage, type OutboxItem } from './views';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Options of {@link ReplyWatcher}. */
export interface ReplyWatcherOptions {
  client: AdminClient;
  tenantId?: string;
  /**
   * Watch one contact (polls `GET /conversations/:contactId`) instead of the whole tenant (polls the conversation
   * list, one request for every conversation in flight).
   */
  contactId?: string;
  /**
   * Pause between polls; it grows by a quarter per poll up to 1 s while a reply is awaited, so a slow reply does not
   * spend the key's rate limit. @defaultValue 250 (one contact) / 1000 (whole tenant)
   */
  pollMs?: number;
}

/** The bot's reply as seen in the conversation. */
export interface SeenReply {
  text: string;
  /** The message's timestamp (the bots stamp the start of the turn). */
  at: number;
  /** When the conversation holding the reply was stored (`updatedAt`): the end of the turn. */
  recordedAt: number;
  bot?: string;
}

interface Waiter {
  /** Inbound message id sent (one-contact mode). */
  messageId: string;
  /** Only a reply newer than this counts (list mode). */
  after: number;
  resolve: (reply: SeenReply | undefined) => void;
  timer: NodeJS.Timeout;
}

type Observation = {
  messages?: ConversationMessage[];
  ids?: string[];
  last?: ConversationMessage;
  updatedAt: number;
};

/**
 * Polls conversations and hands each new bot reply to whoever waits for it. One watcher serves many concurrent
 * conversations with one request per poll (the admin API allows 100 requests a minute per key).
 */
export class ReplyWatcher {
  readonly #options: ReplyWatcherOptions;
  readonly #waiters = new Map<string, Waiter>();
  readonly #lastReplyAt = new Map<string, number>();
  #running = false;
  #loop: Promise<void> | undefined;
  /** The error that stopped polling, if any. */
  failure: unknown;

  constructor(options: ReplyWatcherOptions) {
    this.#options = options;
  }

  async #observe(): Promise<Map<string, Observation>> {
    const { client, tenantId, contactId } = this.#options;
    const observed = new Map<string, Observation>();
    if (contactId) {
      const body = await client.api(`/conversations/${encodeURIComponent(contactId)}`, {
        query: { tenantId },
      });
      if (body !== undefined) {
        const raw = (body as { messages?: { id?: unknown }[] }).messages ?? [];
        observed.set(contactId, {
          messages: readConversation(body).messages,
          ids: raw.map((message) => (typeof message.id === 'string' ? message.id : '')),
          updatedAt: toMillis((body as { updatedAt?: unknown }).updatedAt),
        });
      }
      return observed;
    }
    const body = (await client.api('/conversations', {
      query: { tenantId, limit: Math.min(500, Math.max(50, this.#waiters.size * 2)) },
    })) as
      | {
          items?: {
            contactId?: unknown;
            bot?: unknown;
            lastMessage?: unknown;
            updatedAt?: unknown;
          }[];
        }
      | undefined;
    for (const item of body?.items ?? []) {
      const last = item.lastMessage as { direction?: unknown; text?: unknown; at?: unknown } | null;
      if (typeof item.contactId !== 'string' || !last) continue;
      observed.set(item.contactId, {
        last: {
          direction: last.direction === 'outbound' ? 'outbound' : 'inbound',
          text: typeof last.text === 'string' ? last.text : '',
          at: toMillis(last.at),
          ...(typeof item.bot === 'string' ? { bot: item.bot } : {}),
        },
        updatedAt: toMillis(item.updatedAt),
      });
    }
    return observed;
  }

  #dispatch(observed: Map<string, Observation>): void {
    for (const [contactId, waiter] of this.#waiters) {
      const observation = observed.get(contactId);
      if (!observation) continue;
      let reply: ConversationMessage | undefined;
      if (observation.messages && observation.ids) {
        const index = observation.ids.indexOf(waiter.messageId);
        if (index >= 0) {
          reply = observation.messages.slice(index + 1).find((m) => m.direction === 'outbound');
        }
      } else if (observation.last?.direction === 'outbound' && observation.last.at > waiter.after) {
        reply = observation.last;
      }
      if (!reply) continue;
      clearTimeout(waiter.timer);
      this.#waiters.delete(contactId);
      this.#lastReplyAt.set(contactId, reply.at);
      waiter.resolve({
        text: reply.text,
        at: reply.at,
        recordedAt: Math.max(reply.at, observation.updatedAt),
        ...(reply.bot ? { bot: reply.bot } : {}),
      });
    }
  }

  /** Starts polling. */
  start(): void {
    this.#running = true;
    const pollMs = this.#options.pollMs ?? (this.#options.contactId ? 250 : 1000);
    let delay = pollMs;
    this.#loop = (async () => {
      while (this.#running) {
        await sleep(delay);
        if (!this.#running) break;
        if (this.#waiters.size === 0) {
          delay = pollMs;
          continue;
        }
        delay = Math.min(Math.max(pollMs, 1000), delay * 1.25);
        try {
          this.#dispatch(await this.#observe());
        } catch (error) {
          this.failure = error;
          this.#running = false;
          for (const contactId of [...this.#waiters.keys()]) this.cancel(contactId);
        }
      }
    })();
  }

  /**
   * Waits for the bot's reply to `messageId` from `contactId`; `undefined` after `timeoutMs`.
   * Register before sending the webhook, then await the promise.
   */
  expectReply(options: {
    contactId: string;
    messageId: string;
    timeoutMs: number;
  }): Promise<SeenReply | undefined> {
    const { contactId } = options;
    return new Promise((resolve) => {
      this.cancel(contactId);
      const timer = setTimeout(() => this.cancel(contactId), options.timeoutMs);
      const after = this.#lastReplyAt.get(contactId) ?? 0;
      this.#waiters.set(contactId, { messageId: options.messageId, after, resolve, timer });
    });
  }

  /** Stops waiting for a contact (its pending {@link expectReply} resolves `undefined`). */
  cancel(contactId: string): void {
    const waiter = this.#waiters.get(contactId);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.#waiters.delete(contactId);
    waiter.resolve(undefined);
  }

  /** Stops polling. */
  async stop(): Promise<void> {
    this.#running = false;
    for (const contactId of [...this.#waiters.keys()]) this.cancel(contactId);
    await this.#loop;
  }
}

/** One message of a lead and what came back. */
export interface TurnResult {
  contactId: string;
  messageId: string;
  text: string;
  webhook: WebhookAnswer;
  sentAt: number;
  /** The bot's reply, if it came in time. */
  reply?: SeenReply;
  /** Webhook sent → conversation with the reply stored (server timestamp; same machine in the embedded mode). */
  latencyMs?: number;
  /** CRM actions of the turn (filled by callers that read the outbox). */
  actions: OutboxItem[];
}

/** Options of {@link sendTurn}. */
export interface SendTurnOptions {
  client: AdminClient;
  watcher: ReplyWatcher;
  privateKeyPem: string;
  locationId: string;
  contactId: string;
  text: string;
  /** How long to wait for the reply. @defaultValue 30000 */
  timeoutMs?: number;
}

/** Sends one signed `InboundMessage` and waits for the bot's reply. */
export async function sendTurn(options: SendTurnOptions): Promise<TurnResult> {
  const { client, watcher, contactId, text } = options;
  const event = buildInboundMessage({ locationId: options.locationId, contactId, body: text });
  const messageId = String(event['messageId']);
  const signed = signWebhook(event, options.privateKeyPem);
  const waiting = watcher.expectReply({
    contactId,
    messageId,
    timeoutMs: options.timeoutMs ?? 30_000,
  });
  const sentAt = Date.now();
  const base = { contactId, messageId, text, sentAt, actions: [] };
  let webhook: WebhookAnswer;
  try {
    webhook = await client.postWebhook(signed);
  } catch (error) {
    watcher.cancel(contactId);
    throw error;
  }
  if (webhook.status !== 'accepted') {
    watcher.cancel(contactId);
    return { ...base, webhook };
  }
  const reply = await waiting;
  if (!reply) {
    if (watcher.failure) {
      throw watcher.failure instanceof Error
        ? watcher.failure
        : new Error('polling the admin API failed');
    }
    return { ...base, webhook };
  }
  // Server time (same machine in the embedded mode); the client's clock if the server's looks skewed.
  const latencyMs = reply.recordedAt >= sentAt ? reply.recordedAt - sentAt : Date.now() - sentAt;
  return { ...base, webhook, reply, latencyMs };
}
