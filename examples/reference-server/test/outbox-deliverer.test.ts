/**
 * The outbox deliverer against the real embedded outbox (PGlite, the same SQL claim as PostgreSQL): bounded
 * concurrency, a deadline per delivery, re-claiming expired leases and pausing while the CRM's circuit is open.
 * Real timers with short leases keep it fast.
 */
import { Writable } from 'node:stream';
import { createPgliteStores, type PgliteStores } from '@enterprisehub/adapters/pglite';
import {
  createEventBus,
  createKeyring,
  EnterpriseHubError,
  systemClock,
  type CrmAction,
  type CrmExecuteResult,
  type CrmGateway,
  type OutboxEntry,
} from '@enterprisehub/core';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger';
import { createOutboxDeliverer, type OutboxDeliverer } from '../src/worker/outbox-deliverer';

const TENANT = 'tenant-outbox';
let stores: PgliteStores;
let sequence = 0;

beforeAll(async () => {
  stores = createPgliteStores({
    keyring: createKeyring({ keys: [{ id: 'k1', key: randomBytes(32).toString('base64') }] }),
  });
  await stores.migrate();
}, 60_000);

afterAll(async () => {
  await stores.close();
});

/** A tag action for `contactId` with a unique idempotency key. */
function tagAction(contactId: string): CrmAction {
  sequence += 1;
  return { type: 'addTags', idempotencyKey: `outbox-test-${sequence}`, contactId, tags: ['hot'] };
}

async function enqueue(contactIds: string[]): Promise<OutboxEntry[]> {
  return stores.outbox.enqueue({ tenantId: TENANT, actions: contactIds.map(tagAction) });
}

async function enqueueOne(contactId: string): Promise<OutboxEntry> {
  const [created] = await enqueue([contactId]);
  if (!created) throw new Error('enqueue returned nothing');
  return created;
}

async function entry(id: string): Promise<OutboxEntry> {
  const all = await stores.outbox.list({ tenantId: TENANT });
  const found = all.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`outbox entry ${id} not found`);
  return found;
}

async function waitFor(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 5_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A CRM gateway whose answer per contact the test decides; records calls, signals and peak concurrency. */
function scriptedCrm(
  answer: (contactId: string, signal: AbortSignal | undefined) => Promise<CrmExecuteResult>,
) {
  const calls: { contactId: string; at: number; signal: AbortSignal | undefined }[] = [];
  let active = 0;
  const stats = { peak: 0 };
  const gateway: CrmGateway = {
    execute: async ({ action, signal }) => {
      calls.push({ contactId: action.contactId, at: Date.now(), signal });
      active += 1;
      stats.peak = Math.max(stats.peak, active);
      try {
        return await answer(action.contactId, signal);
      } finally {
        active -= 1;
      }
    },
    getFreeSlots: () => Promise.resolve([]),
  };
  return { gateway, calls, stats };
}

function deliverer(
  gateway: CrmGateway,
  options: { concurrency?: number; leaseMs?: number; deliveryTimeoutMs?: number } = {},
): OutboxDeliverer {
  const logs: string[] = [];
  return createOutboxDeliverer({
    outbox: stores.outbox,
    crmFor: () => gateway,
    clock: systemClock,
    events: createEventBus(),
    logger: createLogger({
      level: 'warn',
      destination: new Writable({
        write(chunk: Buffer, _encoding, callback) {
          logs.push(chunk.toString('utf8'));
          callback();
        },
      }),
    }),
    idleMs: 20,
    ...options,
  });
}

const never = (): Promise<never> => new Promise<never>(() => undefined);

describe('outbox deliverer', () => {
  it('keeps delivering while one CRM call hangs, then times that one out and retries it', async () => {
    let hangs = true;
    const crm = scriptedCrm((contactId) =>
      contactId === 'hung' && hangs ? never() : Promise.resolve({ kind: 'done' }),
    );
    const worker = deliverer(crm.gateway, {
      concurrency: 4,
      leaseMs: 3_000,
      deliveryTimeoutMs: 800,
    });
    const hung = await enqueueOne('hung');
    worker.start();
    try {
      await waitFor(
        async () => (await entry(hung.id)).status === 'in_flight',
        'the hung delivery to start',
      );
      // Enqueued after the hung call started: a batch-wide await would never claim them.
      const later = await enqueue(['a', 'b', 'c', 'd', 'e']);
      await waitFor(
        async () =>
          (await Promise.all(later.map((item) => entry(item.id)))).every(
            (item) => item.status === 'delivered',
          ),
        'the other deliveries',
        700,
      );
      expect((await entry(hung.id)).status, 'still within its deadline').toBe('in_flight');

      // At the deadline the call's signal is aborted and the attempt is recorded as retryable, not dead.
      await waitFor(async () => (await entry(hung.id)).status === 'pending', 'the deadline', 2_000);
      const timedOut = await entry(hung.id);
      expect(timedOut.lastError?.code).toBe('TIMEOUT');
      expect(timedOut.attempts).toBe(1);
      expect(crm.calls.find((call) => call.contactId === 'hung')?.signal?.aborted).toBe(true);

      hangs = false;
      await waitFor(async () => (await entry(hung.id)).status === 'delivered', 'the retry', 4_000);
      expect((await entry(hung.id)).attempts).toBe(2);
    } finally {
      await worker.stop();
    }
  });

  it('never runs more deliveries at once than its concurrency', async () => {
    const crm = scriptedCrm(async () => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      return { kind: 'done' };
    });
    const entries = await enqueue(Array.from({ length: 9 }, (_, index) => `bounded-${index}`));
    const worker = deliverer(crm.gateway, { concurrency: 3 });
    expect(await worker.deliverDue()).toBe(9);
    expect(crm.stats.peak).toBe(3);
    const after = await Promise.all(entries.map((item) => entry(item.id)));
    expect(after.map((item) => item.status)).toEqual(Array.from({ length: 9 }, () => 'delivered'));
  });

  it('re-claims an entry whose lease expired (a crashed worker) and delivers it once', async () => {
    const crm = scriptedCrm(() => Promise.resolve({ kind: 'done', externalId: 'ghl-1' }));
    const orphan = await enqueueOne('orphan');
    // Another worker claims it with a short lease and dies without acking.
    const [claimed] = await stores.outbox.claim({ tenantIds: [TENANT], limit: 1, leaseMs: 300 });
    if (!claimed) throw new Error('nothing claimed');
    expect(claimed.id).toBe(orphan.id);
    const worker = deliverer(crm.gateway);
    worker.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(
        crm.calls.filter((call) => call.contactId === 'orphan'),
        'not before the lease ends',
      ).toHaveLength(0);
      await waitFor(
        async () => (await entry(orphan.id)).status === 'delivered',
        'the re-claim',
        3_000,
      );
    } finally {
      await worker.stop();
    }
    const delivered = await entry(orphan.id);
    expect(delivered.attempts).toBe(2);
    expect(delivered.externalId).toBe('ghl-1');
    expect(crm.calls.filter((call) => call.contactId === 'orphan')).toHaveLength(1);
    // The dead worker's lease no longer counts.
    expect(
      await stores.outbox.ack({
        tenantId: TENANT,
        id: orphan.id,
        leaseToken: claimed.leaseToken ?? '',
      }),
    ).toBe(false);
  });

  it('stops claiming while the circuit is open, then probes with one delivery before the rest', async () => {
    // The circuit opens when the deliverer starts (not before: enqueueing on a loaded machine can take a while).
    let openUntil = 0;
    let probeRunning = false;
    const overlaps: string[] = [];
    const crm = scriptedCrm(async (contactId) => {
      const left = openUntil - Date.now();
      if (left > 0)
        throw new EnterpriseHubError({
          code: 'CIRCUIT_OPEN',
          message: 'Circuit ghl is open; the call was skipped.',
          details: { circuit: 'ghl', retryAfterMs: left },
        });
      if (probeRunning) overlaps.push(contactId);
      const isProbe = openUntil !== 0;
      openUntil = 0;
      probeRunning = isProbe;
      await new Promise((resolve) => setTimeout(resolve, 30));
      if (isProbe) probeRunning = false;
      return { kind: 'done' };
    });
    const entries = await enqueue(['open-1', 'open-2', 'open-3', 'open-4']);
    const worker = deliverer(crm.gateway, { concurrency: 4 });
    const closesAt = Date.now() + 400;
    openUntil = closesAt;
    worker.start();
    try {
      await waitFor(
        async () =>
          (await Promise.all(entries.map((item) => entry(item.id)))).every(
            (item) => item.status === 'delivered',
          ),
        'delivery after the circuit closes',
      );
    } finally {
      await worker.stop();
    }
    // The first claim's calls meet the open circuit; after them, nothing may be tried until it may half-open.
    const firstAt = crm.calls[0]?.at ?? closesAt;
    const during = crm.calls.filter((call) => call.at > firstAt + 50 && call.at < closesAt - 20);
    expect(during, 'no CRM call while the circuit is open').toEqual([]);
    expect(overlaps, 'the probe ran alone').toEqual([]);
    const after = await Promise.all(entries.map((item) => entry(item.id)));
    // One attempt lost to the open circuit at most, none dead-lettered.
    expect(Math.max(...after.map((item) => item.attempts))).toBeLessThanOrEqual(2);
  });
});
