import { EnterpriseHubError } from '@enterprisehub/core';
import { buildConversationState } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createPostgresStores } from '../../src/postgres/index';
import { createTestKeyring } from '../support/test-keyring';

async function caught(promise: Promise<unknown>): Promise<EnterpriseHubError> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!EnterpriseHubError.isInstance(error)) throw new Error('expected an EnterpriseHubError');
  return error;
}

describe('PostgreSQL stores when the database is down', () => {
  // Port 1 on loopback: nothing listens, so the connection is refused at once.
  const stores = createPostgresStores({
    connectionString: 'postgres://app:s3cret-password@127.0.0.1:1/enterprisehub',
    poolSettings: { connectionTimeoutMs: 1000 },
    keyring: createTestKeyring(),
  });

  it('fails every call with a retryable STORE_UNAVAILABLE that names the operation and no credentials', async () => {
    // Each call is handed to caught() at once, so no rejection is ever left unobserved while an earlier one is awaited.
    const calls: Promise<EnterpriseHubError>[] = [
      stores.conversations.get({ tenantId: 't1', contactId: 'c1' }),
      stores.conversations.compareAndSet({
        tenantId: 't1',
        state: buildConversationState({ tenantId: 't1' }),
        expectedVersion: 0,
      }),
      stores.inbox.markSeen({ tenantId: 't1', id: 'w1' }),
      stores.outbox.claim({ limit: 1, leaseMs: 1000 }),
      stores.unitOfWork.run('t1', async () => 'never'),
    ].map(caught);
    for (const error of await Promise.all(calls)) {
      expect(error.code).toBe('STORE_UNAVAILABLE');
      expect(error.retryable).toBe(true);
      expect(error.message).not.toMatch(/s3cret|app@|127\.0\.0\.1/);
      expect(JSON.stringify(error)).not.toContain('s3cret');
    }
    expect((await caught(stores.outbox.claim({ limit: 1, leaseMs: 1000 }))).details).toEqual({
      operation: 'outbox.claim',
    });
  });

  it('fails migrate() and migrationStatus() with STORE_UNAVAILABLE', async () => {
    expect((await caught(stores.migrate())).code).toBe('STORE_UNAVAILABLE');
    expect((await caught(stores.migrationStatus())).code).toBe('STORE_UNAVAILABLE');
  });

  it('reports down on health() without throwing', async () => {
    expect(await stores.health()).toMatchObject({
      status: 'down',
      errorCode: 'STORE_UNAVAILABLE',
      retryable: true,
    });
  });

  it('closes cleanly even though no connection was ever made', async () => {
    await stores.close();
    await stores.close();
  });
});

describe('store factory options', () => {
  it('rejects both or neither of pool and connectionString', () => {
    const keyring = createTestKeyring();
    expect(() => createPostgresStores({ keyring })).toThrow(
      /exactly one of pool or connectionString/,
    );
  });

  it('rejects a schema name that is not a plain SQL identifier', () => {
    expect(() =>
      createPostgresStores({
        connectionString: 'postgres://x@127.0.0.1:1/x',
        schema: 'x"; drop',
        keyring: createTestKeyring(),
      }),
    ).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
