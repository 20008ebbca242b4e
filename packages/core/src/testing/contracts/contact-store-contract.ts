import assert from 'node:assert/strict';
import type { ContactStore } from '../../ports/contact-store';
import { buildContact } from '../builders';
import { type ContractSuite, rejectsWithCode, uniqueTenantId } from './contract-suite';

/** Contract every {@link ContactStore} must satisfy. */
export const contactStoreContract: ContractSuite<ContactStore> = {
  name: 'ContactStore',
  cases: [
    {
      name: 'upsert then get round-trips the contact, PII included; unknown ids are undefined',
      async run(harness) {
        const store = await harness.create();
        const tenantId = uniqueTenantId('t');
        const contact = buildContact({
          tenantId,
          tags: ['buyer'],
          source: 'Zillow',
          timeZone: 'America/Chicago',
          lifecycleStage: 'engaged',
        });
        assert.deepEqual(await store.upsert({ tenantId, contact }), contact);
        assert.deepEqual(await store.get({ tenantId, contactId: contact.id }), contact);
        assert.equal(await store.get({ tenantId, contactId: 'missing' }), undefined);
        const renamed = { ...contact, firstName: 'Sam', tags: ['seller'] };
        await store.upsert({ tenantId, contact: renamed });
        assert.deepEqual(await store.get({ tenantId, contactId: contact.id }), renamed);
      },
    },
    {
      name: 'finds a contact by phone or email blind-index hash; keeps hashes when a later upsert omits them',
      async run(harness) {
        const store = await harness.create();
        const tenantId = uniqueTenantId('t');
        const contact = buildContact({ tenantId });
        await store.upsert({ tenantId, contact, lookup: { phoneHash: 'ph-1', emailHash: 'em-1' } });
        assert.equal((await store.findByPhone({ tenantId, phoneHash: 'ph-1' }))?.id, contact.id);
        assert.equal((await store.findByEmail({ tenantId, emailHash: 'em-1' }))?.id, contact.id);
        assert.equal(await store.findByPhone({ tenantId, phoneHash: 'ph-2' }), undefined);
        await store.upsert({ tenantId, contact: { ...contact, firstName: 'Kim' } });
        assert.equal((await store.findByPhone({ tenantId, phoneHash: 'ph-1' }))?.firstName, 'Kim');
      },
    },
    {
      name: 'setDnd turns DND on and off globally and per channel, idempotently',
      async run(harness) {
        const store = await harness.create();
        const tenantId = uniqueTenantId('t');
        const contact = await store.upsert({ tenantId, contact: buildContact({ tenantId }) });
        await store.setDnd({ tenantId, contactId: contact.id, enabled: true, channels: ['SMS'] });
        const twice = await store.setDnd({
          tenantId,
          contactId: contact.id,
          enabled: true,
          channels: ['SMS', 'Email'],
        });
        assert.deepEqual(twice?.dnd, { all: false, channels: ['SMS', 'Email'] });
        const off = await store.setDnd({
          tenantId,
          contactId: contact.id,
          enabled: false,
          channels: ['SMS'],
        });
        assert.deepEqual(off?.dnd, { all: false, channels: ['Email'] });
        const all = await store.setDnd({ tenantId, contactId: contact.id, enabled: true });
        assert.equal(all?.dnd.all, true);
        assert.equal((await store.get({ tenantId, contactId: contact.id }))?.dnd.all, true);
        assert.equal(
          await store.setDnd({ tenantId, contactId: 'missing', enabled: true }),
          undefined,
        );
      },
    },
    {
      name: 'tenant isolation: another tenant can never read, find, list, change or delete the contact',
      async run(harness) {
        const store = await harness.create();
        const tenantA = uniqueTenantId('a');
        const tenantB = uniqueTenantId('b');
        const contact = buildContact({ tenantId: tenantA, id: 'shared-id' });
        await store.upsert({
          tenantId: tenantA,
          contact,
          lookup: { phoneHash: 'same-hash', emailHash: 'same-mail' },
        });
        assert.equal(await store.get({ tenantId: tenantB, contactId: 'shared-id' }), undefined);
        assert.equal(
          await store.findByPhone({ tenantId: tenantB, phoneHash: 'same-hash' }),
          undefined,
        );
        assert.equal(
          await store.findByEmail({ tenantId: tenantB, emailHash: 'same-mail' }),
          undefined,
        );
        assert.deepEqual(await store.list({ tenantId: tenantB }), []);
        assert.equal(
          await store.setDnd({ tenantId: tenantB, contactId: 'shared-id', enabled: true }),
          undefined,
        );
        assert.equal(await store.delete({ tenantId: tenantB, contactId: 'shared-id' }), false);
        await store.upsert({
          tenantId: tenantB,
          contact: { ...contact, tenantId: tenantB, firstName: 'Other' },
        });
        assert.deepEqual(await store.get({ tenantId: tenantA, contactId: 'shared-id' }), contact);
      },
    },
    {
      name: 'rejects a contact whose tenantId differs from the call scope with TENANT_MISMATCH',
      async run(harness) {
        const store = await harness.create();
        const contact = buildContact({ tenantId: uniqueTenantId('a') });
        await rejectsWithCode(
          store.upsert({ tenantId: uniqueTenantId('b'), contact }),
          'TENANT_MISMATCH',
        );
      },
    },
    {
      name: 'list filters by lifecycle stage and pages by id',
      async run(harness) {
        const store = await harness.create();
        const tenantId = uniqueTenantId('t');
        for (const [id, lifecycleStage] of [
          ['c1', 'new'],
          ['c2', 'qualified'],
          ['c3', 'qualified'],
        ] as const) {
          await store.upsert({ tenantId, contact: buildContact({ tenantId, id, lifecycleStage }) });
        }
        const qualified = await store.list({ tenantId, lifecycleStage: 'qualified' });
        assert.deepEqual(
          qualified.map((contact) => contact.id),
          ['c2', 'c3'],
        );
        const page = await store.list({ tenantId, afterId: 'c1', limit: 1 });
        assert.deepEqual(
          page.map((contact) => contact.id),
          ['c2'],
        );
      },
    },
    {
      name: 'delete removes the contact and its lookup hashes',
      async run(harness) {
        const store = await harness.create();
        const tenantId = uniqueTenantId('t');
        const contact = buildContact({ tenantId });
        await store.upsert({ tenantId, contact, lookup: { phoneHash: 'ph' } });
        assert.equal(await store.delete({ tenantId, contactId: contact.id }), true);
        assert.equal(await store.get({ tenantId, contactId: contact.id }), undefined);
        assert.equal(await store.findByPhone({ tenantId, phoneHash: 'ph' }), undefined);
        assert.equal(await store.delete({ tenantId, contactId: contact.id }), false);
      },
    },
  ],
};
