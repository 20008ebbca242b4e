/**
 * The inbox replay: every webhook answered 200 is stored in the inbox (with its payload) before the answer, and the
 * worker marks it processed once its job has finished. A job the queue lost (Redis restarted without persistence,
 * the embedded process killed between the 200 and the bot turn) leaves an accepted, unprocessed entry behind; this
 * sweeper finds such entries older than a grace period and enqueues them again.
 *
 * Several workers may sweep at once: the re-enqueue uses the ingest's deterministic job id (so a job still waiting or
 * running is not added twice) and the bots' orchestrator is idempotent by message id (a replay of a message that was
 * in fact answered produces no second reply).
 */
import type { Clock, Inbox, JobQueue, JsonValue } from '@enterprisehub/core';
import { parseWebhookEvent } from '@enterprisehub/ghl';
import type { Logger } from '../logger';
import { WEBHOOK_JOB, contactOf, type WebhookJobPayload } from '../routes/webhook-ingest';

/** Timing and batch limits of the inbox replay. */
export interface InboxReplaySettings {
  /** Replay only entries accepted at least this long ago (their job may simply still be queued). @defaultValue 60 s */
  graceMs?: number;
  /** Time between sweeps (the first runs at start). @defaultValue 30 s */
  intervalMs?: number;
  /** Entries read per query. @defaultValue 100 */
  batchSize?: number;
  /** Queries per tenant per sweep; the rest waits for the next sweep. @defaultValue 10 */
  maxBatches?: number;
  /** Entries accepted longer ago than this are left alone (bounded look-back). @defaultValue 24 h */
  maxAgeMs?: number;
}

/** Dependencies of {@link createInboxReplay}. */
export interface InboxReplayOptions extends InboxReplaySettings {
  inbox: Inbox;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
  /** The tenant ids to sweep (read at every sweep, so tenants added later are included). */
  tenantIds: () => readonly string[];
}

/** A started (or startable) inbox replay. */
export interface InboxReplay {
  /** Sweeps now, then every `intervalMs`. A no-op when the inbox cannot list unprocessed entries. */
  start(): void;
  /** Runs one sweep over every tenant; returns how many events were enqueued again. */
  sweep(): Promise<number>;
  /** Stops the timer and waits for a running sweep. */
  stop(): Promise<void>;
}

const DEFAULTS = {
  graceMs: 60_000,
  intervalMs: 30_000,
  batchSize: 100,
  maxBatches: 10,
  maxAgeMs: 24 * 60 * 60 * 1000,
} as const;

/** Creates the inbox replay sweeper (see the module comment). */
export function createInboxReplay(options: InboxReplayOptions): InboxReplay {
  const settings = {
    graceMs: options.graceMs ?? DEFAULTS.graceMs,
    intervalMs: options.intervalMs ?? DEFAULTS.intervalMs,
    batchSize: options.batchSize ?? DEFAULTS.batchSize,
    maxBatches: options.maxBatches ?? DEFAULTS.maxBatches,
    maxAgeMs: options.maxAgeMs ?? DEFAULTS.maxAgeMs,
  };
  const { inbox, queue, logger } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  async function replayEntry(
    tenantId: string,
    entry: { id: string; payload: JsonValue; seenAt: number },
  ): Promise<boolean> {
    const event = parseWebhookEvent(entry.payload);
    if (event.type === 'invalid' || event.type === 'unknown') {
      // Never accepted as a job (the ingest only stores parsed events); nothing to replay.
      await inbox.markProcessed?.({ tenantId, id: entry.id });
      return false;
    }
    const orderingKey = contactOf(event);
    const payload: WebhookJobPayload = {
      eventType: event.type,
      event: entry.payload,
      receivedAt: entry.seenAt,
    };
    const enqueued = await queue.enqueue({
      tenantId,
      name: WEBHOOK_JOB,
      payload,
      jobId: entry.id,
      ...(orderingKey ? { orderingKey } : {}),
    });
    return !enqueued.deduplicated;
  }

  async function sweepTenant(tenantId: string): Promise<number> {
    const list = inbox.listUnprocessed?.bind(inbox);
    if (!list) return 0;
    const now = options.clock.now();
    const seenBefore = now - settings.graceMs;
    let seenAfter = now - settings.maxAgeMs;
    let replayed = 0;
    for (let batch = 0; batch < settings.maxBatches && !stopped; batch += 1) {
      const entries = await list({
        tenantId,
        seenBefore,
        seenAfter,
        limit: settings.batchSize,
      });
      for (const entry of entries) {
        if (stopped) break;
        if (await replayEntry(tenantId, entry)) replayed += 1;
      }
      const last = entries.at(-1);
      if (!last || entries.length < settings.batchSize) break;
      // Entries sharing the last one's millisecond beyond this page are picked up by the next sweep.
      seenAfter = last.seenAt;
    }
    return replayed;
  }

  async function sweepAll(): Promise<number> {
    let total = 0;
    for (const tenantId of options.tenantIds()) {
      if (stopped) break;
      try {
        const replayed = await sweepTenant(tenantId);
        total += replayed;
        if (replayed > 0)
          logger.warn({ tenantId, replayed }, 'inbox replay: re-enqueued accepted events');
      } catch (error) {
        logger.warn(
          { tenantId, err: error instanceof Error ? error.message : String(error) },
          'inbox replay: sweep failed; retried at the next sweep',
        );
      }
    }
    return total;
  }

  function sweep(): Promise<number> {
    if (running) return running;
    running = sweepAll().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    start() {
      if (timer || !inbox.listUnprocessed) return;
      stopped = false;
      void sweep();
      timer = setInterval(() => void sweep(), settings.intervalMs);
      timer.unref();
    },
    sweep,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      if (running) await running;
    },
  };
}
