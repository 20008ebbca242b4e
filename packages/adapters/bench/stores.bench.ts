/**
 * Store benchmarks (run with `pnpm bench stores`): conversation load + save round trips per second
 * on PGlite and PostgreSQL, the same inside a unit of work (state + audit + outbox), outbox
 * claim + ack throughput, and inbox marks per second with and without group commit.
 * PostgreSQL figures need a server at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendMessage, createKeyring } from '@enterprisehub/core';
import {
  buildAuditEvent,
  buildConversationState,
  buildCrmAction,
  buildMessage,
} from '@enterprisehub/core/testing';
import { sql } from 'kysely';
import type { KyselyStores } from '../src/kysely/index';
import { createPgliteStores } from '../src/pglite/index';
import { createPostgresStores } from '../src/postgres/index';

const POSTGRES_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const keyring = createKeyring({ keys: [{ id: 'bench', key: randomBytes(32).toString('base64') }] });

interface Row {
  backend: string;
  scenario: string;
  operations: number;
  seconds: number;
  perSecond: number;
}
const rows: Row[] = [];

async function measure(
  { backend, scenario, operations }: { backend: string; scenario: string; operations: number },
  run: () => Promise<void>,
): Promise<void> {
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  rows.push({
    backend,
    scenario,
    operations,
    seconds: Number(seconds.toFixed(2)),
    perSecond: Math.round(operations / seconds),
  });
}

/** One processed message: load the state, append the message, compare-and-set (retry on conflict). */
async function loadAndSave(
  stores: KyselyStores,
  { tenantId, contactId, body }: { tenantId: string; contactId: string; body: string },
): Promise<void> {
  for (;;) {
    const current =
      (await stores.conversations.get({ tenantId, contactId })) ??
      buildConversationState({ tenantId, contactId });
    const next = appendMessage(current, buildMessage({ contactId, body }));
    const result = await stores.conversations.compareAndSet({
      tenantId,
      state: next,
      expectedVersion: current.version,
    });
    if (result.kind === 'ok') return;
  }
}

async function suite(backend: string, stores: KyselyStores, concurrency: number): Promise<void> {
  await stores.migrate();
  const tenantId = `bench_${Date.now().toString(36)}`;
  const turns = 400;
  await measure(
    { backend, scenario: 'conversation load+save (sequential)', operations: turns },
    async () => {
      for (let index = 0; index < turns; index += 1) {
        await loadAndSave(stores, {
          tenantId,
          contactId: `seq-${index % 20}`,
          body: `message ${index}`,
        });
      }
    },
  );
  await measure(
    {
      backend,
      scenario: `conversation load+save (${concurrency} contacts in parallel)`,
      operations: turns,
    },
    async () => {
      await Promise.all(
        Array.from({ length: concurrency }, async (_, worker) => {
          for (let index = worker; index < turns; index += concurrency) {
            await loadAndSave(stores, {
              tenantId,
              contactId: `par-${worker}`,
              body: `message ${index}`,
            });
          }
        }),
      );
    },
  );
  await measure(
    { backend, scenario: 'unit of work: state + audit + outbox', operations: 200 },
    async () => {
      for (let index = 0; index < 200; index += 1) {
        const contactId = `uow-${index}`;
        await stores.unitOfWork.run(tenantId, async (tx) => {
          await tx.conversations.compareAndSet({
            tenantId,
            state: buildConversationState({ tenantId, contactId }),
            expectedVersion: 0,
          });
          await tx.audit.append({ tenantId, event: buildAuditEvent({ tenantId, contactId }) });
          await tx.outbox.enqueue({
            tenantId,
            actions: [buildCrmAction('sendMessage', { contactId })],
          });
        });
      }
    },
  );
  const entries = 2000;
  for (let offset = 0; offset < entries; offset += 200) {
    const actions = Array.from({ length: 200 }, (_, index) =>
      buildCrmAction('addTags', { contactId: `c${(offset + index) % 50}` }),
    );
    await stores.outbox.enqueue({ tenantId, actions });
  }
  await measure(
    {
      backend,
      scenario: `outbox claim(50) + ack, ${concurrency} workers`,
      operations: entries + 200,
    },
    async () => {
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (;;) {
            const claimed = await stores.outbox.claim({
              tenantIds: [tenantId],
              limit: 50,
              leaseMs: 60_000,
            });
            if (claimed.length === 0) return;
            for (const entry of claimed)
              await stores.outbox.ack({
                tenantId,
                id: entry.id,
                leaseToken: entry.leaseToken ?? '',
              });
          }
        }),
      );
    },
  );
}

async function inboxSuite(backend: string, stores: KyselyStores, label: string): Promise<void> {
  await stores.migrate();
  const tenantId = `bench_inbox_${Date.now().toString(36)}`;
  const marks = 3000;
  await measure(
    { backend, scenario: `inbox markSeen, 50 concurrent (${label})`, operations: marks },
    async () => {
      await Promise.all(
        Array.from({ length: 50 }, async (_, worker) => {
          for (let index = worker; index < marks; index += 50)
            await stores.inbox.markSeen({ tenantId, id: `w${index}`, ttlMs: 86_400_000 });
        }),
      );
    },
  );
}

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || 5432), hostname, () => done(true));
  });
}

const dataDir = await mkdtemp(join(tmpdir(), 'eh-bench-pglite-'));
try {
  const pglite = createPgliteStores({ dataDir, keyring });
  await suite('pglite', pglite, 4);
  await inboxSuite('pglite', pglite, 'group commit');
  await pglite.close();
  const unbatched = createPgliteStores({ dataDir, keyring, inboxBatching: false });
  await inboxSuite('pglite', unbatched, 'one statement each');
  await unbatched.close();
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

if (await reachable(POSTGRES_URL)) {
  const schema = `eh_bench_${Date.now().toString(36)}`;
  const postgres = createPostgresStores({
    connectionString: POSTGRES_URL,
    schema,
    keyring,
    poolSettings: { max: 8 },
  });
  try {
    await suite('postgres', postgres, 8);
    await inboxSuite('postgres', postgres, 'one statement each');
    const batched = createPostgresStores({
      connectionString: POSTGRES_URL,
      schema,
      keyring,
      inboxBatching: true,
    });
    await inboxSuite('postgres', batched, 'group commit');
    await batched.close();
  } finally {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(postgres.db);
    await postgres.close();
  }
} else {
  process.stdout.write(
    `PostgreSQL not reachable at ${new URL(POSTGRES_URL).host}: PostgreSQL rows skipped.\n`,
  );
}

console.table(rows);
