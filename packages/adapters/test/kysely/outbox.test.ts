import { outboxBackoffMs } from '@enterprisehub/core';
import { ManualClock, buildCrmAction } from '@enterprisehub/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freshTenant, storeTargets } from '../support/store-targets';

const targets = await storeTargets();
afterAll(async () => {
  for (const target of targets) await target.dispose();
});

const failure = { code: 'GHL_UNAVAILABLE', message: 'GHL answered 503.', retryable: true };

describe.each(targets)('KyselyOutbox ($name)', (target) => {
  it.skipIf(!target.available)(
    'retries with backoff and dead-letters after maxAttempts, then retries a dead letter on request',
    async () => {
      const clock = new ManualClock();
      const stores = await target.open({ clock });
      const tenantId = freshTenant();
      const [entry] = await stores.outbox.enqueue({
        tenantId,
        maxAttempts: 3,
        actions: [buildCrmAction('addNote', { contactId: 'c1' })],
      });
      if (entry === undefined) throw new Error('not enqueued');
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        const [leased] = await stores.outbox.claim({
          tenantIds: [tenantId],
          limit: 10,
          leaseMs: 30_000,
        });
        expect(leased).toMatchObject({ id: entry.id, attempts: attempt, status: 'in_flight' });
        const failed = await stores.outbox.fail({
          tenantId,
          id: entry.id,
          leaseToken: leased?.leaseToken ?? '',
          error: failure,
        });
        if (attempt < 3) {
          expect(failed).toMatchObject({
            status: 'pending',
            nextAttemptAt: clock.now() + outboxBackoffMs(attempt),
          });
          expect(
            await stores.outbox.claim({ tenantIds: [tenantId], limit: 10, leaseMs: 30_000 }),
          ).toEqual([]);
          clock.advance(outboxBackoffMs(attempt));
        } else {
          expect(failed).toMatchObject({
            status: 'dead',
            lastError: { code: 'GHL_UNAVAILABLE', message: 'GHL answered 503.' },
          });
        }
      }
      expect(
        (await stores.outbox.list({ tenantId, status: 'dead' })).map((dead) => dead.id),
      ).toEqual([entry.id]);
      expect((await stores.outbox.countByStatus({ tenantId })).dead).toBe(1);
      expect(await stores.outbox.retryDeadLetter({ tenantId, id: entry.id })).toBe(true);
      const [again] = await stores.outbox.claim({
        tenantIds: [tenantId],
        limit: 10,
        leaseMs: 30_000,
      });
      expect(again).toMatchObject({ id: entry.id, attempts: 1 });
    },
  );

  it.skipIf(!target.available)(
    'reclaims an expired lease, refuses the stale token, and honours retryAfterMs',
    async () => {
      const clock = new ManualClock();
      const stores = await target.open({ clock });
      const tenantId = freshTenant();
      await stores.outbox.enqueue({
        tenantId,
        actions: [buildCrmAction('addTags', { contactId: 'c1' })],
      });
      const [first] = await stores.outbox.claim({ tenantIds: [tenantId], limit: 1, leaseMs: 1000 });
      clock.advance(1000);
      const [second] = await stores.outbox.claim({
        tenantIds: [tenantId],
        limit: 1,
        leaseMs: 1000,
      });
      expect(second).toMatchObject({ id: first?.id, attempts: 2 });
      expect(second?.leaseToken).not.toBe(first?.leaseToken);
      expect(
        await stores.outbox.ack({
          tenantId,
          id: first?.id ?? '',
          leaseToken: first?.leaseToken ?? '',
        }),
      ).toBe(false);
      const failed = await stores.outbox.fail({
        tenantId,
        id: second?.id ?? '',
        leaseToken: second?.leaseToken ?? '',
        error: { ...failure, code: 'GHL_RATE_LIMITED', retryAfterMs: 7000 },
      });
      expect(failed?.nextAttemptAt).toBe(clock.now() + 7000);
    },
  );

  it.skipIf(!target.available)(
    'dead-letters an entry whose lease expired on its last attempt instead of retrying it forever',
    async () => {
      const clock = new ManualClock();
      const stores = await target.open({ clock });
      const tenantId = freshTenant();
      await stores.outbox.enqueue({
        tenantId,
        maxAttempts: 1,
        actions: [buildCrmAction('addTags', { contactId: 'c1' })],
      });
      await stores.outbox.claim({ tenantIds: [tenantId], limit: 1, leaseMs: 1000 });
      clock.advance(1000);
      expect(await stores.outbox.claim({ tenantIds: [tenantId], limit: 1, leaseMs: 1000 })).toEqual(
        [],
      );
      const [dead] = await stores.outbox.list({ tenantId, status: 'dead' });
      expect(dead?.lastError?.code).toBe('OUTBOX_LEASE_LOST');
    },
  );

  it.skipIf(!target.available)(
    'acks as delivered or skipped and keeps the external id',
    async () => {
      const stores = await target.open();
      const tenantId = freshTenant();
      await stores.outbox.enqueue({
        tenantId,
        actions: [
          buildCrmAction('addTags', { contactId: 'c1' }),
          buildCrmAction('addNote', { contactId: 'c1' }),
        ],
      });
      const leased = await stores.outbox.claim({
        tenantIds: [tenantId],
        limit: 10,
        leaseMs: 10_000,
      });
      expect(leased).toHaveLength(2);
      const [tags, note] = leased;
      expect(
        await stores.outbox.ack({
          tenantId,
          id: tags?.id ?? '',
          leaseToken: tags?.leaseToken ?? '',
          externalId: 'ghl_1',
        }),
      ).toBe(true);
      expect(
        await stores.outbox.ack({
          tenantId,
          id: note?.id ?? '',
          leaseToken: note?.leaseToken ?? '',
          skipReason: 'dry_run',
        }),
      ).toBe(true);
      const listed = await stores.outbox.list({ tenantId });
      expect(
        listed.map((entry) => [entry.status, entry.externalId, entry.skipReason, entry.leaseToken]),
      ).toEqual([
        ['delivered', 'ghl_1', undefined, undefined],
        ['skipped', undefined, 'dry_run', undefined],
      ]);
    },
  );

  it.skipIf(!target.available)(
    'never hands the same entry to two concurrent claimers',
    async () => {
      const stores = await target.open();
      const others = await Promise.all([target.open(), target.open(), target.open()]);
      const tenantId = freshTenant();
      const actions = Array.from({ length: 60 }, (_, index) =>
        buildCrmAction('addTags', { contactId: `c${index % 7}` }),
      );
      await stores.outbox.enqueue({ tenantId, actions });
      const claimers = [stores, ...others];
      const claimed: string[] = [];
      for (let round = 0; round < 5; round += 1) {
        const batches = await Promise.all(
          claimers.map((claimer) =>
            claimer.outbox.claim({ tenantIds: [tenantId], limit: 4, leaseMs: 60_000 }),
          ),
        );
        claimed.push(...batches.flat().map((entry) => entry.id));
      }
      expect(claimed).toHaveLength(60);
      expect(new Set(claimed).size).toBe(60);
    },
  );
});
