/**
 * Crash safety (`pnpm test:reliability`): the real server process is killed with SIGKILL while signed webhooks stream
 * in, then restarted on the same data. Every webhook answered 200 must be processed exactly once: a reply in the
 * outbox and one inbound copy in the conversation, none twice, and redeliveries answered `duplicate`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyringEnvValue, parseKeyring } from '@enterprisehub/core';
import { createPgliteStores } from '@enterprisehub/adapters/pglite';
import { createPostgresStores } from '@enterprisehub/adapters/postgres';
import { webhookTestKeys } from '@enterprisehub/ghl/testing';
import { requireService, uniqueName } from '@test-support/services';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrashScenario, type CrashReport } from './support/crash-scenario';
import { deleteRedisPrefix } from './support/http';
import { writeTenantsFile } from './support/tenants';

const postgres = await requireService('postgres');
const redis = await requireService('redis');

let dir: string;
let tenantsFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'eh-crash-'));
  tenantsFile = await writeTenantsFile(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function summary(report: CrashReport): string {
  const accepted = report.messages.filter((message) =>
    message.answers.some((answer) => answer === 'accepted' || answer === 'duplicate'),
  ).length;
  return [
    `messages ${report.messages.length}, answered 200: ${accepted}`,
    `accepted before the crash: ${report.acceptedBeforeCrash}, failed in flight: ${report.failedAtCrash}`,
    `lost: ${report.lost.length} ${report.lost.slice(0, 5).join(', ')}`,
    `duplicated: ${report.duplicated.length} ${report.duplicated.slice(0, 5).join(', ')}`,
    `redeliveries accepted again: ${report.reacceptedRedeliveries}`,
  ].join('\n');
}

function expectExactlyOnce(report: CrashReport, mode: string): void {
  // The figures go to stderr (not the console, which the test setup guards) for docs/reliability.md.
  process.stderr.write(`\n[crash-safety ${mode}]\n${summary(report)}\n`);
  const accepted = report.messages.filter((message) =>
    message.answers.some((answer) => answer === 'accepted' || answer === 'duplicate'),
  );
  // GHL keeps retrying until it gets a 200: after the restart every message must have one.
  expect(accepted.length, summary(report)).toBe(report.messages.length);
  expect(report.acceptedBeforeCrash, 'the crash must happen mid-stream').toBeLessThan(
    report.messages.length,
  );
  expect(report.lost, summary(report)).toEqual([]);
  expect(report.duplicated, summary(report)).toEqual([]);
  expect(report.reacceptedRedeliveries, summary(report)).toBe(0);
}

describe('crash safety: kill -9 mid-stream, restart, exactly once', () => {
  it('embedded mode (PGlite + in-process queue)', async () => {
    const dataDir = join(dir, 'embedded');
    const report = await runCrashScenario({
      env: {
        DATA_DIR: dataDir,
        TENANTS_FILE: tenantsFile,
        GHL_WEBHOOK_PUBLIC_KEY: webhookTestKeys.ed25519.publicKey,
        // A kill -9 between the 200 and the bot turn loses the in-memory job; the inbox replay enqueues it again.
        INBOX_REPLAY_GRACE_MS: '3000',
        INBOX_REPLAY_INTERVAL_MS: '1000',
      },
      minSettleMs: 8_000,
      openStores: async () => {
        const secrets = JSON.parse(await readFile(join(dataDir, 'secrets.json'), 'utf8')) as {
          piiEncryptionKeys: string;
        };
        const stores = createPgliteStores({
          dataDir: join(dataDir, 'pglite'),
          keyring: parseKeyring(secrets.piiEncryptionKeys),
        });
        await stores.migrate();
        return {
          outbox: stores.outbox,
          conversations: stores.conversations,
          close: () => stores.close(),
        };
      },
    });
    expectExactlyOnce(report, 'embedded');
  });

  it.skipIf(!postgres.available || !redis.available)(
    'production mode (PostgreSQL + Redis + BullMQ)',
    async () => {
      const schema = uniqueName('crash').toLowerCase();
      const keys = generateKeyringEnvValue();
      const report = await runCrashScenario({
        env: {
          DATA_DIR: join(dir, 'production'),
          TENANTS_FILE: tenantsFile,
          GHL_WEBHOOK_PUBLIC_KEY: webhookTestKeys.ed25519.publicKey,
          DATABASE_URL: postgres.url,
          DATABASE_SCHEMA: schema,
          REDIS_URL: redis.url,
          DEPLOYMENT_ID: schema.replace(/_/g, '-'),
          PII_ENCRYPTION_KEYS: keys,
          ADMIN_API_KEY: 'reliability-admin-key-0123456789',
          GHL_MODE: 'dry-run',
          INBOX_REPLAY_GRACE_MS: '3000',
          INBOX_REPLAY_INTERVAL_MS: '1000',
        },
        minSettleMs: 8_000,
        openStores: () => {
          const stores = createPostgresStores({
            connectionString: postgres.url,
            schema,
            keyring: parseKeyring(keys),
          });
          return Promise.resolve({
            outbox: stores.outbox,
            conversations: stores.conversations,
            close: () => stores.close(),
          });
        },
      });
      try {
        expectExactlyOnce(report, 'production');
      } finally {
        const client = new pg.Client({ connectionString: postgres.url });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await client.end();
        await deleteRedisPrefix(redis.url, schema.replace(/_/g, '-'));
      }
    },
  );
});
