/**
 * Simulated leads for the end-to-end and memory benches: each lead sends a scripted conversation through signed
 * webhooks, one message at a time, waiting for the worker to handle the previous one (a person reads the reply
 * before answering). An optional pacer caps the global send rate.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchServer, HandledMessage } from './processes';
import { postWebhook, signedInbound } from './webhooks';

/** Six-message conversations (buyer, seller, buyer with handoff to seller talk). */
export const SCRIPTS: readonly (readonly string[])[] = [
  [
    'Hi, I want to buy a house in Cedar Park',
    'around 500k',
    'yes, pre-approved with Chase',
    '3 bedrooms',
    'a garage would be nice',
    'in the next 2 months',
  ],
  [
    "What's my house worth? Thinking of selling",
    '1803 Brushy Creek Rd, Cedar Park',
    '3 bed, about 1,800 sq ft',
    'needs some work',
    'within 3 months',
    'relocating for a job',
  ],
  [
    'Looking for a 3 bed in Round Rock under 450k',
    'we are pre-approved',
    'next month ideally',
    'good schools matter',
    'a big backyard',
    'can I see some listings?',
  ],
];

/** Waits for handled-message pushes from the workers. */
export class HandledTracker {
  private readonly waiters = new Map<string, () => void>();
  /** Handled pushes per message id (more than one means a message was processed twice). */
  readonly counts = new Map<string, number>();
  readonly handledAt = new Map<string, number>();
  readonly replyKinds = new Map<string, number>();

  listen(servers: readonly BenchServer[]): void {
    for (const server of servers) server.onHandled((handled) => this.record(handled));
  }

  private record(handled: HandledMessage): void {
    this.counts.set(handled.messageId, (this.counts.get(handled.messageId) ?? 0) + 1);
    if (!this.handledAt.has(handled.messageId)) this.handledAt.set(handled.messageId, handled.at);
    this.replyKinds.set(handled.reply, (this.replyKinds.get(handled.reply) ?? 0) + 1);
    const waiter = this.waiters.get(handled.messageId);
    this.waiters.delete(handled.messageId);
    waiter?.();
  }

  /** Resolves `true` once the message was handled, `false` after `timeoutMs`. */
  wait(messageId: string, timeoutMs: number): Promise<boolean> {
    if (this.counts.has(messageId)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(messageId);
        resolve(false);
      }, timeoutMs);
      this.waiters.set(messageId, () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** Releases sends at a fixed rate (messages per second). */
export class Pacer {
  private next = performance.now();
  private readonly intervalMs: number;

  constructor(perSecond: number) {
    this.intervalMs = 1000 / perSecond;
  }

  async take(): Promise<void> {
    const now = performance.now();
    const slot = Math.max(this.next, now);
    this.next = slot + this.intervalMs;
    if (slot > now) await sleep(slot - now);
  }
}

/** Options of {@link runLeads}. */
export interface RunLeadsOptions {
  /** Web servers; leads are spread round-robin. */
  web: readonly BenchServer[];
  tracker: HandledTracker;
  leads: number;
  /** Messages per lead (scripts are 6 long; longer runs repeat them). @defaultValue 6 */
  messages?: number;
  /** Run-unique id prefix. */
  prefix: string;
  pacer?: Pacer;
  /** How long a lead waits for its message to be handled. @defaultValue 60000 */
  timeoutMs?: number;
  /** Stop sending once this returns true (soak). */
  stopWhen?: () => boolean;
  /** First lead index (so several runs can address distinct or the same contacts). @defaultValue 0 */
  firstLead?: number;
}

/** What {@link runLeads} sent and saw. */
export interface LeadRun {
  /** Send time (epoch ms) per message id. */
  sentAt: Map<string, number>;
  rejected: number;
  timedOut: number;
  startedAt: number;
  endedAt: number;
}

/** Runs the leads to completion (or until `stopWhen`). */
export async function runLeads(options: RunLeadsOptions): Promise<LeadRun> {
  const sentAt = new Map<string, number>();
  let rejected = 0;
  let timedOut = 0;
  const messages = options.messages ?? 6;
  const startedAt = Date.now();
  const lead = async (index: number): Promise<void> => {
    const leadNumber = (options.firstLead ?? 0) + index;
    const script = SCRIPTS[leadNumber % SCRIPTS.length] ?? [];
    const server = options.web[index % options.web.length];
    if (!server) return;
    for (let turn = 0; turn < messages; turn += 1) {
      if (options.stopWhen?.()) return;
      await options.pacer?.take();
      const messageId = `m-${options.prefix}-${leadNumber}-${turn}-${Date.now().toString(36)}`;
      const signed = signedInbound({
        contactId: `lead-${options.prefix}-${leadNumber}`,
        messageId,
        body: script[turn % script.length] ?? 'ok',
        phone: `+1512555${String(leadNumber % 10_000).padStart(4, '0')}`,
      });
      sentAt.set(messageId, Date.now());
      // Like GHL, retry a delivery that failed at the connection or got a 5xx (same signed body: a duplicate if it
      // was in fact stored).
      let status = 0;
      for (let attempt = 0; attempt < 3; attempt += 1) {
        status = await postWebhook(server.url, signed).catch(() => 0);
        if (status !== 0 && status < 500) break;
        await sleep(200 * (attempt + 1));
      }
      if (status !== 200) {
        rejected += 1;
        sentAt.delete(messageId);
        continue;
      }
      if (!(await options.tracker.wait(messageId, options.timeoutMs ?? 60_000))) timedOut += 1;
    }
  };
  await Promise.all(Array.from({ length: options.leads }, (_, index) => lead(index)));
  return { sentAt, rejected, timedOut, startedAt, endedAt: Date.now() };
}
