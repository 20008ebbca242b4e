import { EnterpriseHubError } from '@enterprisehub/core';
import { buildAuditEvent } from '@enterprisehub/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { KyselyStores } from '../../src/kysely/index';
import { createPgliteStores } from '../../src/pglite/index';
import { freshTenant, storeTargets } from '../support/store-targets';
import { createTestKeyring } from '../support/test-keyring';

const targets = await storeTargets();
afterAll(async () => {
  for (const target of targets) await target.dispose();
});

async function expectClosed(stores: KyselyStores): Promise<void> {
  const tenantId = freshTenant();
  const calls = [
    () => stores.conversations.get({ tenantId, contactId: 'c1' }),
    () => stores.audit.append({ tenantId, event: buildAuditEvent({ tenantId }) }),
    () => stores.unitOfWork.run(tenantId, (tx) => tx.outbox.list({ tenantId })),
    () => stores.eraseContact({ tenantId, contactId: 'c1' }),
    () => stores.exportContact({ tenantId, contactId: 'c1' }),
    () => stores.migrate(),
  ];
  for (const call of calls) {
    const error: unknown = await call().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(EnterpriseHubError.isInstance(error) && error.code).toBe('STORE_UNAVAILABLE');
  }
}

describe('closed stores', () => {
  it('refuse every call, without re-opening anything, when closed before first use', async () => {
    const stores = createPgliteStores({ keyring: createTestKeyring() });
    await stores.close();
    await expectClosed(stores);
  });

  it.each(targets)(
    'refuse every call after close() on $name, and close() is idempotent',
    async (target) => {
      if (!target.available) return;
      const stores = await target.open();
      await stores.audit.query({ tenantId: freshTenant() });
      await Promise.all([stores.close(), stores.close()]);
      await expectClosed(stores);
      // Other stores on the same database are unaffected.
      const other = await target.open();
      expect(await other.audit.query({ tenantId: freshTenant() })).toEqual([]);
    },
  );
});
