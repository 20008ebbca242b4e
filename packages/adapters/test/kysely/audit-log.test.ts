import { ManualClock, buildAuditEvent } from '@enterprisehub/core/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { freshTenant, storeTargets } from '../support/store-targets';

const targets = await storeTargets();
afterAll(async () => {
  for (const target of targets) await target.dispose();
});

const DAY_MS = 86_400_000;

describe.each(targets)('KyselyAuditLog ($name)', (target) => {
  it.skipIf(!target.available)(
    'refuses UPDATE, DELETE and TRUNCATE on the raw table: the log is append-only',
    async () => {
      const stores = await target.open();
      const tenantId = freshTenant();
      await stores.audit.append({ tenantId, event: buildAuditEvent({ tenantId }) });
      const table = sql.table(`${stores.schema}.audit_log`);
      await expect(
        sql`update ${table} set type = 'tampered.event' where tenant_id = ${tenantId}`.execute(
          stores.db,
        ),
      ).rejects.toThrow(/append-only/);
      await expect(
        sql`delete from ${table} where tenant_id = ${tenantId}`.execute(stores.db),
      ).rejects.toThrow(/append-only/);
      await expect(sql`truncate ${table}`.execute(stores.db)).rejects.toThrow(/append-only/);
      expect(await stores.audit.query({ tenantId })).toHaveLength(1);
    },
  );

  it.skipIf(!target.available)(
    'keeps the first record when the same event id is appended twice',
    async () => {
      const stores = await target.open();
      const tenantId = freshTenant();
      const event = buildAuditEvent({ tenantId, data: { first: true } });
      await stores.audit.append({ tenantId, event });
      const again = await stores.audit.append({
        tenantId,
        event: { ...event, data: { first: false } },
      });
      expect(again.data).toEqual({ first: true });
      expect(await stores.audit.query({ tenantId })).toHaveLength(1);
    },
  );

  it.skipIf(!target.available)(
    'queries by contact, time window and type in time then append order',
    async () => {
      const stores = await target.open();
      const tenantId = freshTenant();
      const at = 1_000_000;
      const events = [
        buildAuditEvent({
          tenantId,
          id: 'e3',
          contactId: 'c1',
          at: at + 10,
          type: 'handoff.completed',
        }),
        buildAuditEvent({ tenantId, id: 'e1', contactId: 'c1', at }),
        buildAuditEvent({ tenantId, id: 'e2', contactId: 'c1', at }),
        buildAuditEvent({ tenantId, id: 'e4', contactId: 'c2', at: at + 5 }),
        buildAuditEvent({ tenantId, id: 'e5', contactId: 'c1', at: at + 20 }),
      ];
      for (const event of events) await stores.audit.append({ tenantId, event });
      const ids = async (query: Parameters<typeof stores.audit.query>[0]) =>
        (await stores.audit.query(query)).map((event) => event.id);
      expect(await ids({ tenantId, contactId: 'c1' })).toEqual(['e1', 'e2', 'e3', 'e5']);
      expect(await ids({ tenantId, from: at + 5, to: at + 20 })).toEqual(['e4', 'e3']);
      expect(await ids({ tenantId, type: 'handoff.completed' })).toEqual(['e3']);
      expect(await ids({ tenantId, limit: 2 })).toEqual(['e1', 'e2']);
      expect(await ids({ tenantId: freshTenant() })).toEqual([]);
    },
  );

  it.skipIf(!target.available)(
    'purges only events older than the retention period, only for the given tenant',
    async () => {
      const clock = new ManualClock();
      const stores = await target.open({ clock, auditRetentionMs: 30 * DAY_MS });
      const tenantId = freshTenant();
      const other = freshTenant();
      await stores.audit.append({
        tenantId,
        event: buildAuditEvent({ tenantId, id: 'old', at: clock.now() - 31 * DAY_MS }),
      });
      await stores.audit.append({
        tenantId,
        event: buildAuditEvent({ tenantId, id: 'new', at: clock.now() - 29 * DAY_MS }),
      });
      await stores.audit.append({
        tenantId: other,
        event: buildAuditEvent({ tenantId: other, id: 'old', at: clock.now() - 31 * DAY_MS }),
      });
      expect(await stores.audit.purge({ tenantId })).toBe(1);
      expect((await stores.audit.query({ tenantId })).map((event) => event.id)).toEqual(['new']);
      expect(await stores.audit.query({ tenantId: other })).toHaveLength(1);
      // The purge flag is transaction-local: a raw delete right after is refused again.
      await expect(
        sql`delete from ${sql.table(`${stores.schema}.audit_log`)} where tenant_id = ${other}`.execute(
          stores.db,
        ),
      ).rejects.toThrow(/append-only/);
    },
  );

  it.skipIf(!target.available)(
    'refuses to purge without a cutoff or a configured retention',
    async () => {
      const stores = await target.open();
      await expect(stores.audit.purge({ tenantId: freshTenant() })).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
      });
    },
  );
});
