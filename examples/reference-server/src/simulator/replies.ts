/**
 * Sends one lead message as a signed webhook and waits for the bot's reply, which shows up as a `sendMessage` action
 * in the outbox (in the embedded dry-run mode nothing is sent to GHL; the outbox records it).
 */
import type { AdminClient, WebhookAnswer } from './admin-client';
import { buildInboundMessage, signWebhook } from './webhook';
import type { OutboxItem } from './views';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Options of {@link ReplyWatcher}. */
export interface ReplyWatcherOptions {
  client: AdminClient;
  tenantId?: string;
  /** Watch one contact (polls `?contactId=`) instead of the whole tenant. */
  contactId?: string;
  /** Pause between polls. @defaultValue 250 (one contact) / 1000 (whole tenant) */
  pollMs?: number;
}

interface Waiter {
  resolve: (items: OutboxItem[] | undefined) => void;
  collected: OutboxItem[];
  timer: NodeJS.Timeout;
}

/**
 * Polls the outbox and hands new entries to whoever waits for a contact's reply. One watcher serves many concurrent
 * conversations with one request per poll (the admin API allows 100 requests a minute per key).
 */
export class ReplyWatcher {
  readonly #options: ReplyWatcherOptions;
  readonly #seen = new Set<string>();
  readonly #waiters = new Map<string, Waiter>();
  #running = false;
  #loop: Promise<void> | undefined;

  constructor(options: ReplyWatcherOptions) {
    this.#options = options;
  }

  async #poll(): Promise<OutboxItem[]> {
    return this.#options.client.outbox({
      tenantId: this.#options.tenantId,
      contactId: this.#options.contactId,
      limit: 500,
    });
  }

  /** Marks what is already in the outbox as seen and starts polling. */
  async start(): Promise<void> {
    for (const item of await this.#poll()) this.#seen.add(item.id);
    this.#running = true;
    const pollMs = this.#options.pollMs ?? (this.#options.contactId ? 250 : 1000);
    this.#loop = (async () => {
      while (this.#running) {
        await sleep(pollMs);
        if (!this.#running || this.#waiters.size === 0) continue;
        try {
          this.#dispatch(await this.#poll());
        } catch (error) {
          for (const waiter of this.#waiters.values()) clearTimeout(waiter.timer);
          this.#running = false;
          const waiters = [...this.#waiters.values()];
          this.#waiters.clear();
          for (const waiter of waiters) waiter.resolve(undefined);
          this.failure = error;
        }
      }
    })();
  }

  /** The error that stopped polling, if any. */
  failure: unknown;

  #dispatch(items: OutboxItem[]): void {
    const fresh = items.filter((item) => !this.#seen.has(item.id));
    for (const item of fresh) this.#seen.add(item.id);
    for (const item of fresh) this.#waiters.get(item.contactId)?.collected.push(item);
    for (const [contactId, waiter] of this.#waiters) {
      if (waiter.collected.some((item) => item.type === 'sendMessage')) {
        clearTimeout(waiter.timer);
        this.#waiters.delete(contactId);
        waiter.resolve(waiter.collected.sort((a, b) => a.createdAt - b.createdAt));
      }
    }
  }

  /**
   * Waits for the contact's next outbox entries that include a message; `undefined` after `timeoutMs`.
   * Register before sending the webhook, then await the promise.
   */
  expectReply(contactId: string, timeoutMs: number): Promise<OutboxItem[] | undefined> {
    return new Promise((resolve) => {
      this.cancel(contactId);
      const timer = setTimeout(() => this.cancel(contactId), timeoutMs);
      this.#waiters.set(contactId, { resolve, collected: [], timer });
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
    await this.#loop;
  }
}

/** One message of a lead and what came back. */
export interface TurnResult {
  contactId: string;
  text: string;
  webhook: WebhookAnswer;
  sentAt: number;
  /** The bot's reply (a `sendMessage` outbox action), if it came in time. */
  reply?: OutboxItem;
  /** Every CRM action of the turn (the reply, tags, fields, opportunity moves …). */
  actions: OutboxItem[];
  /** Webhook sent → reply recorded (server timestamp when it has one). */
  latencyMs?: number;
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
  const signed = signWebhook(event, options.privateKeyPem);
  const waiting = watcher.expectReply(contactId, options.timeoutMs ?? 30_000);
  const sentAt = Date.now();
  const webhook = await client.postWebhook(signed);
  if (webhook.status !== 'accepted') {
    watcher.cancel(contactId);
    return { contactId, text, webhook, sentAt, actions: [] };
  }
  const actions = await waiting;
  if (!actions) {
    if (watcher.failure) {
      throw watcher.failure instanceof Error ? watcher.failure : new Error(String(watcher.failure));
    }
    return { contactId, text, webhook, sentAt, actions: [] };
  }
  const reply = actions.find((item) => item.type === 'sendMessage');
  const receivedAt = Date.now();
  const latencyMs =
    reply && reply.createdAt >= sentAt ? reply.createdAt - sentAt : receivedAt - sentAt;
  return { contactId, text, webhook, sentAt, actions, latencyMs, ...(reply ? { reply } : {}) };
}
