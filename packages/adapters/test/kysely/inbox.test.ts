import { ManualClock } from '@enterprisehub/core/testing';
import type { LogEvent } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { freshTenant, storeTargets } from '../support/store-targets';

const targets = await storeTargets();
afterAll(async () => {
  for (const target of targets) await target.dispose();
});

describe.each(targets)('KyselyInbox ($name)', (target) => {
  for (const inboxBatching of [false, true]) {
    it.skipIf(!target.available)(
      `accepts each id once, then again after its TTL (batching ${String(inboxBatching)})`,
      async () => {
        const clock = new ManualClock();
        const stores = await target.open({ clock, inboxBatching });
        const tenantId = freshTenant();
        const ids = ['a', 'b', 'a', 'c', 'b'];
        const marks = await Promise.all(
          ids.map((id) => stores.inbox.markSeen({ tenantId, id, ttlMs: 1000, payload: { id } })),
        );
        // Concurrent marks of one id: exactly one is first (on a pool, not necessarily the earlier call).
        expect(ids.filter((_, index) => marks[index])).toEqual(
          expect.arrayContaining(['a', 'b', 'c']),
        );
        expect(marks.filter(Boolean)).toHaveLength(3);
        expect(await stores.inbox.markSeen({ tenantId: freshTenant(), id: 'a' })).toBe(true);
        clock.advance(999);
        expect(await stores.inbox.markSeen({ tenantId, id: 'a', ttlMs: 1000 })).toBe(false);
        clock.advance(1);
        expect(await stores.inbox.has({ tenantId, id: 'a' })).toBe(false);
        expect(
          await stores.inbox.markSeen({ tenantId, id: 'a', ttlMs: 1000, payload: { id: 'again' } }),
        ).toBe(true);
        expect(await stores.inbox.getPayload({ tenantId, id: 'a' })).toEqual({ id: 'again' });
        clock.advance(1000);
        expect(await stores.inbox.purgeExpired({ tenantId })).toBe(3);
      },
    );
  }

  it.skipIf(!target.available)(
    'group-commits concurrent marks into a few multi-row statements when batching',
    async () => {
      const statements: string[] = [];
      const stores = await target.open({
        inboxBatching: true,
        log: (event: LogEvent) => void statements.push(event.query.sql),
      });
      const tenantId = freshTenant();
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, index) =>
          stores.inbox.markSeen({ tenantId, id: `w${index % 150}` }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(150);
      const inserts = statements.filter((statement) => statement.startsWith('insert into'));
      expect(inserts.length).toBeLessThanOrEqual(2);
    },
  );

  it.skipIf(!target.available)(
    'answers concurrent lookups with a few SELECTs when batching, per tenant and honouring expiry',
    async () => {
      const statements: string[] = [];
      const clock = new ManualClock();
      const stores = await target.open({
        clock,
        inboxBatching: true,
        log: (event: LogEvent) => void statements.push(event.query.sql),
      });
      const tenantA = freshTenant();
      const tenantB = freshTenant();
      await Promise.all([
        stores.inbox.markSeen({ tenantId: tenantA, id: 'shared' }),
        stores.inbox.markSeen({ tenantId: tenantA, id: 'short', ttlMs: 10 }),
        stores.inbox.markSeen({ tenantId: tenantB, id: 'only-b' }),
      ]);
      clock.advance(10);
      statements.length = 0;
      const lookups: [string, string, boolean][] = [
        [tenantA, 'shared', true],
        [tenantB, 'shared', false],
        [tenantA, 'only-b', false],
        [tenantB, 'only-b', true],
        [tenantA, 'short', false],
        [tenantA, 'never', false],
      ];
      const many = Array.from({ length: 50 }, (_, index) => lookups[index % lookups.length]).filter(
        (lookup) => lookup !== undefined,
      );
      const answers = await Promise.all(
        many.map(([tenantId, id]) => stores.inbox.has({ tenantId, id })),
      );
      expect(answers).toEqual(many.map(([, , expected]) => expected));
      const selects = statements.filter((statement) => statement.startsWith('select'));
      expect(selects.length).toBeGreaterThan(0);
      expect(selects.length).toBeLessThanOrEqual(2);
    },
  );
});
