import type { ConversationStore } from '@enterprisehub/core';
import { appendMessage } from '@enterprisehub/core';
import { buildConversationState, buildMessage } from '@enterprisehub/core/testing';
import { requireService, uniqueName } from '@test-support/services';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStores, type PostgresStores } from '../../src/postgres/index';
import { createTestKeyring } from '../support/test-keyring';

const postgres = await requireService('postgres');
const WORKERS = 8;
const MESSAGES_PER_WORKER = 5;

/** Appends one message with a compare-and-set retry loop; returns how many conflicts it met. */
async function appendWithRetry(
  store: ConversationStore,
  { tenantId, contactId, body }: { tenantId: string; contactId: string; body: string },
): Promise<number> {
  for (let conflicts = 0; ; conflicts += 1) {
    const current =
      (await store.get({ tenantId, contactId })) ?? buildConversationState({ tenantId, contactId });
    const next = appendMessage(current, buildMessage({ id: body, contactId, body }));
    const result = await store.compareAndSet({
      tenantId,
      state: next,
      expectedVersion: current.version,
    });
    if (result.kind === 'ok') return conflicts;
    if (conflicts > 500) throw new Error('too many conflicts');
  }
}

describe.skipIf(!postgres.available)(
  'conversation compare-and-set under contention (PostgreSQL)',
  () => {
    const schema = uniqueName('eh_cas').toLowerCase();
    const keyring = createTestKeyring();
    const instances: PostgresStores[] = Array.from({ length: WORKERS }, () =>
      createPostgresStores({
        connectionString: postgres.url,
        poolSettings: { max: 2 },
        schema,
        keyring,
      }),
    );
    afterAll(async () => {
      const [first] = instances;
      if (first !== undefined)
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(first.db);
      await Promise.all(instances.map((stores) => stores.close()));
    });

    it('never loses an update when 8 workers (each its own pool) hammer the same contact', async () => {
      await Promise.all(instances.map((stores) => stores.migrate()));
      const tenantId = 'tenant-cas';
      const contactId = 'contested';
      const conflicts = await Promise.all(
        instances.map(async (stores, worker) => {
          let met = 0;
          for (let index = 0; index < MESSAGES_PER_WORKER; index += 1) {
            met += await appendWithRetry(stores.conversations, {
              tenantId,
              contactId,
              body: `w${worker}-m${index}`,
            });
          }
          return met;
        }),
      );
      const [reader] = instances;
      const final = await reader?.conversations.get({ tenantId, contactId });
      const bodies = final?.messages.map((message) => message.body) ?? [];
      const expected = instances.flatMap((_, worker) =>
        Array.from({ length: MESSAGES_PER_WORKER }, (_, index) => `w${worker}-m${index}`),
      );
      expect([...bodies].sort()).toEqual([...expected].sort());
      expect(new Set(bodies).size).toBe(WORKERS * MESSAGES_PER_WORKER);
      expect(final?.version).toBe(WORKERS * MESSAGES_PER_WORKER);
      // Each worker's own messages keep their order.
      for (let worker = 0; worker < WORKERS; worker += 1) {
        const own = bodies.filter((body) => body.startsWith(`w${worker}-`));
        expect(own).toEqual(
          Array.from({ length: MESSAGES_PER_WORKER }, (_, index) => `w${worker}-m${index}`),
        );
      }
      // The contention was real: the retry loop had work to do.
      expect(conflicts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    }, 60_000);
  },
);
