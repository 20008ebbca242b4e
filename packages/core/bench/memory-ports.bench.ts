/**
 * In-memory port benchmarks (run with `pnpm bench memory-ports`): operations per second of the embedded defaults —
 * conversation load + save, a full unit of work (state + audit + outbox), outbox claim + ack, inbox marks,
 * lock acquire + release, rate-limit consumes and keyed jobs through the in-process queue.
 */
import { appendMessage, createMemoryPorts, systemClock } from '@enterprisehub/core';
import {
  buildAuditEvent,
  buildConversationState,
  buildCrmAction,
  buildMessage,
} from '@enterprisehub/core/testing';

interface Row {
  scenario: string;
  operations: number;
  seconds: number;
  perSecond: number;
}
const rows: Row[] = [];

async function measure(
  scenario: string,
  operations: number,
  run: (index: number) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  for (let index = 0; index < operations; index++) await run(index);
  const seconds = (performance.now() - started) / 1000;
  rows.push({
    scenario,
    operations,
    seconds: Number(seconds.toFixed(3)),
    perSecond: Math.round(operations / seconds),
  });
}

const tenantId = 'bench';
const ports = createMemoryPorts({ clock: systemClock });
const contacts = Array.from({ length: 200 }, (_, index) => `c${index}`);
for (const contactId of contacts) {
  await ports.conversations.compareAndSet({
    tenantId,
    state: buildConversationState({ tenantId, contactId }),
    expectedVersion: 0,
  });
}
const message = buildMessage();

await measure('conversation get + appendMessage + compareAndSet', 20_000, async (index) => {
  const contactId = contacts[index % contacts.length] ?? 'c0';
  const state = await ports.conversations.get({ tenantId, contactId });
  if (!state) throw new Error('missing state');
  await ports.conversations.compareAndSet({
    tenantId,
    state: appendMessage(state, { ...message, contactId }),
    expectedVersion: state.version,
  });
});

await measure('unit of work: state + audit + 2 outbox actions', 10_000, async (index) => {
  const contactId = contacts[index % contacts.length] ?? 'c0';
  await ports.unitOfWork.run(tenantId, async (tx) => {
    const state = await tx.conversations.get({ tenantId, contactId });
    if (!state) throw new Error('missing state');
    await tx.conversations.compareAndSet({
      tenantId,
      state: { ...state, turnCount: state.turnCount + 1 },
      expectedVersion: state.version,
    });
    await tx.audit.append({ tenantId, event: buildAuditEvent({ tenantId, contactId }) });
    await tx.outbox.enqueue({
      tenantId,
      actions: [
        buildCrmAction('sendMessage', { contactId }),
        buildCrmAction('addTags', { contactId }),
      ],
    });
  });
});

await measure('outbox claim (batch of 50) + 50 acks', 100, async () => {
  const claimed = await ports.outbox.claim({ limit: 50, leaseMs: 30_000 });
  for (const entry of claimed)
    await ports.outbox.ack({ tenantId, id: entry.id, leaseToken: entry.leaseToken ?? '' });
});

await measure('inbox markSeen (new ids, 24 h TTL)', 50_000, async (index) => {
  await ports.inbox.markSeen({ tenantId, id: `wh-${index}`, ttlMs: 86_400_000 });
});

await measure('lock acquire + release', 50_000, async (index) => {
  const lock = await ports.locks.acquire({
    tenantId,
    key: `contact:${index % 200}`,
    ttlMs: 30_000,
  });
  if (lock) await ports.locks.release({ tenantId, lock });
});

await measure('rate limiter consume (limit 100 / min, 200 keys)', 50_000, async (index) => {
  await ports.rateLimiter.consume({
    tenantId,
    key: `api:${index % 200}`,
    limit: 100,
    windowMs: 60_000,
  });
});

const jobs = 20_000;
let done = 0;
ports.jobs.registerHandler('bench', async () => {
  done += 1;
});
const started = performance.now();
for (let index = 0; index < jobs; index++) {
  await ports.jobs.enqueue({
    tenantId,
    name: 'bench',
    payload: index,
    orderingKey: contacts[index % contacts.length] ?? 'c0',
  });
}
await ports.jobs.drain();
const seconds = (performance.now() - started) / 1000;
rows.push({
  scenario: `job queue: ${jobs} jobs over ${contacts.length} keys (enqueue → done)`,
  operations: done,
  seconds: Number(seconds.toFixed(3)),
  perSecond: Math.round(done / seconds),
});
await ports.jobs.close();

console.table(rows);
