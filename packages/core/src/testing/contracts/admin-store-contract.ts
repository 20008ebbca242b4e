import assert from 'node:assert/strict';
import type { AdminStore, ApiKeyRecord, SilenceRecord } from '../../ports/admin-store';
import { type ContractSuite, rejectsWithCode, uniqueTenantId } from './contract-suite';

const key = (overrides: Partial<ApiKeyRecord> & { scope: string }): ApiKeyRecord => ({
  id: uniqueTenantId('key'),
  name: 'test key',
  secretHash: uniqueTenantId('hash'),
  prefix: 'ehk_abcd',
  createdAt: 1_000,
  ...overrides,
});

const silence = (overrides: Partial<SilenceRecord> = {}): SilenceRecord => ({
  id: uniqueTenantId('silence'),
  matchers: [{ name: 'alertname', value: 'sla_violation', isRegex: false, isEqual: true }],
  startsAt: 1_000,
  endsAt: 10_000,
  createdBy: 'key_1',
  comment: 'maintenance window',
  createdAt: 1_000,
  ...overrides,
});

/** Contract every {@link AdminStore} must satisfy (keys, silences, settings; records never shared by reference). */
export const adminStoreContract: ContractSuite<AdminStore> = {
  name: 'AdminStore',
  cases: [
    {
      name: 'a created key is found by hash and id; a duplicate id or hash conflicts',
      async run(harness) {
        const store = await harness.create();
        const scope = uniqueTenantId('t');
        const created = key({ scope, createdBy: 'key_root' });
        assert.deepEqual(await store.createApiKey({ key: created }), created);
        assert.deepEqual(await store.findApiKeyByHash({ secretHash: created.secretHash }), created);
        assert.deepEqual(await store.getApiKey({ id: created.id }), created);
        assert.equal(await store.findApiKeyByHash({ secretHash: 'nope' }), undefined);
        assert.equal(await store.getApiKey({ id: uniqueTenantId('missing') }), undefined);
        await rejectsWithCode(
          store.createApiKey({ key: { ...key({ scope }), id: created.id } }),
          'STORE_CONFLICT',
        );
        await rejectsWithCode(
          store.createApiKey({ key: { ...key({ scope }), secretHash: created.secretHash } }),
          'STORE_CONFLICT',
        );
      },
    },
    {
      name: 'listApiKeys filters by scope, orders by creation and hides revoked keys unless asked',
      async run(harness) {
        const store = await harness.create();
        const scope = uniqueTenantId('t');
        const second = key({ scope, createdAt: 2_000 });
        const first = key({ scope, createdAt: 1_000 });
        const other = key({ scope: uniqueTenantId('other') });
        for (const record of [second, first, other]) await store.createApiKey({ key: record });
        assert.deepEqual(
          (await store.listApiKeys({ scope })).map((record) => record.id),
          [first.id, second.id],
        );
        const revoked = await store.revokeApiKey({ id: first.id, at: 5_000 });
        assert.equal(revoked?.revokedAt, 5_000);
        const again = await store.revokeApiKey({ id: first.id, at: 9_000 });
        assert.equal(again?.revokedAt, 5_000, 'the first revocation time is kept');
        assert.deepEqual(
          (await store.listApiKeys({ scope })).map((record) => record.id),
          [second.id],
        );
        assert.equal((await store.listApiKeys({ scope, includeRevoked: true })).length, 2);
        assert.equal(
          (await store.findApiKeyByHash({ secretHash: first.secretHash }))?.revokedAt,
          5_000,
        );
        assert.equal(await store.revokeApiKey({ id: uniqueTenantId('missing'), at: 1 }), undefined);
      },
    },
    {
      name: 'silences are upserted by id and listed newest first, filtered by end',
      async run(harness) {
        const store = await harness.create();
        const older = silence({ createdAt: 1_000, endsAt: 5_000 });
        const newer = silence({ createdAt: 2_000, endsAt: 50_000 });
        await store.saveSilence({ silence: older });
        await store.saveSilence({ silence: newer });
        const ids = new Set([older.id, newer.id]);
        const mine = (list: SilenceRecord[]): SilenceRecord[] =>
          list.filter((record) => ids.has(record.id));
        assert.deepEqual(mine(await store.listSilences()), [newer, older]);
        assert.deepEqual(mine(await store.listSilences({ endsAfter: 5_000 })), [newer]);
        const expired = { ...newer, endsAt: 3_000 };
        await store.saveSilence({ silence: expired });
        assert.deepEqual(mine(await store.listSilences()), [expired, older]);
      },
    },
    {
      name: 'settings round-trip JSON and are replaced on write',
      async run(harness) {
        const store = await harness.create();
        const name = uniqueTenantId('setting');
        assert.equal(await store.getSetting({ name }), undefined);
        await store.putSetting({ name, value: { enabled: true, list: [1, 'two', null] } });
        assert.deepEqual(await store.getSetting({ name }), {
          enabled: true,
          list: [1, 'two', null],
        });
        await store.putSetting({ name, value: false });
        assert.equal(await store.getSetting({ name }), false);
      },
    },
  ],
};
