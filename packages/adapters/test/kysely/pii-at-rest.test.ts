import { randomBytes } from 'node:crypto';
import {
  buildContact,
  buildConversationState,
  buildCrmAction,
  buildFact,
  buildMessage,
} from '@enterprisehub/core/testing';
import { createKeyring } from '@enterprisehub/core';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { freshTenant, storeTargets, testKeyring } from '../support/store-targets';

const targets = await storeTargets();
afterAll(async () => {
  for (const target of targets) await target.dispose();
});

const TABLES = [
  'contacts',
  'conversations',
  'inbox',
  'outbox',
  'audit_log',
  'metric_samples',
  'alerts',
] as const;
const PHONE = '+15125550199';
const EMAIL = 'jordan.pii@example.org';
const BODY = 'My number is 512-555-0199 and I live at 4821 Oakmont Blvd';
const ADDRESS = '4821 Oakmont Blvd';

describe.each(targets)('PII at rest ($name)', (target) => {
  it.skipIf(!target.available)(
    'stores no plaintext phone, email, name, address or message text in any table',
    async () => {
      const stores = await target.open();
      const tenantId = freshTenant();
      const contact = buildContact({
        tenantId,
        id: 'c1',
        firstName: 'Jordan',
        lastName: 'Quintanilla',
        phone: PHONE,
        email: EMAIL,
      });
      await stores.contacts.upsert({ tenantId, contact });
      const message = buildMessage({ contactId: 'c1', body: BODY });
      const state = buildConversationState({
        tenantId,
        contactId: 'c1',
        messages: [message],
        facts: {
          phone: buildFact(PHONE),
          email: buildFact(EMAIL),
          propertyAddress: buildFact(ADDRESS),
          budgetMax: buildFact(450_000),
        },
      });
      await stores.conversations.compareAndSet({ tenantId, state, expectedVersion: 0 });
      await stores.inbox.markSeen({
        tenantId,
        id: 'w1',
        payload: { contactId: 'c1', body: BODY, phone: PHONE },
      });
      await stores.outbox.enqueue({
        tenantId,
        actions: [buildCrmAction('sendMessage', { contactId: 'c1', body: BODY })],
      });

      const db = await target.raw();
      const dump: string[] = [];
      for (const table of TABLES) {
        const { rows } =
          await sql`select * from ${sql.table(`${stores.schema}.${table}`)} where tenant_id = ${tenantId}`.execute(
            db,
          );
        dump.push(JSON.stringify(rows));
      }
      const everything = dump.join('\n');
      expect(everything).toContain(tenantId); // the rows are there…
      for (const secret of [
        '5125550199',
        '512-555-0199',
        EMAIL,
        'Jordan',
        'Quintanilla',
        'Oakmont',
        'My number is',
      ]) {
        expect(everything).not.toContain(secret); // …but no PII in clear
      }
      // Non-PII facts stay queryable in clear.
      expect(everything).toContain('450000');

      // And everything decrypts back through the ports.
      expect((await stores.contacts.get({ tenantId, contactId: 'c1' }))?.email).toBe(EMAIL);
      const stored = await stores.conversations.get({ tenantId, contactId: 'c1' });
      expect(stored?.messages[0]?.body).toBe(BODY);
      expect(stored?.facts.propertyAddress?.value).toBe(ADDRESS);
      expect(await stores.inbox.getPayload({ tenantId, id: 'w1' })).toEqual({
        contactId: 'c1',
        body: BODY,
        phone: PHONE,
      });
    },
  );

  it.skipIf(!target.available)(
    'finds a contact by phone or email through the keyring blind index of the normalised value',
    async () => {
      const stores = await target.open();
      const tenantId = freshTenant();
      await stores.contacts.upsert({
        tenantId,
        contact: buildContact({ tenantId, id: 'c9', phone: PHONE, email: EMAIL }),
      });
      const phoneHash = testKeyring.blindIndex({ kind: 'phone', value: '(512) 555-0199' });
      const emailHash = testKeyring.blindIndex({
        kind: 'email',
        value: '  Jordan.PII@Example.org ',
      });
      if (phoneHash === undefined || emailHash === undefined)
        throw new Error('expected blind indexes');
      expect((await stores.contacts.findByPhone({ tenantId, phoneHash }))?.id).toBe('c9');
      expect((await stores.contacts.findByEmail({ tenantId, emailHash }))?.id).toBe('c9');
      expect(
        await stores.contacts.findByPhone({ tenantId: freshTenant(), phoneHash }),
      ).toBeUndefined();
    },
  );

  it.skipIf(!target.available)(
    'binds each ciphertext to its row: PII copied onto another record does not decrypt',
    async () => {
      const stores = await target.open();
      const tenantId = freshTenant();
      await stores.contacts.upsert({
        tenantId,
        contact: buildContact({ tenantId, id: 'victim', phone: PHONE }),
      });
      await stores.contacts.upsert({
        tenantId,
        contact: buildContact({ tenantId, id: 'attacker', phone: '+15125550000' }),
      });
      const table = sql.table(`${stores.schema}.contacts`);
      await sql`update ${table} set pii = (select pii from ${table} where tenant_id = ${tenantId} and contact_id = 'victim')
      where tenant_id = ${tenantId} and contact_id = 'attacker'`.execute(stores.db);
      await expect(stores.contacts.get({ tenantId, contactId: 'attacker' })).rejects.toMatchObject({
        code: 'PII_DECRYPT_FAILED',
      });
      expect((await stores.contacts.get({ tenantId, contactId: 'victim' }))?.phone).toBe(PHONE);
    },
  );

  it.skipIf(!target.available)(
    'reads data written under an old key after rotation and writes new data with the current key',
    async () => {
      const oldKey = { id: 'old', key: randomBytes(32).toString('base64') };
      const before = await target.open({ keyring: createKeyring({ keys: [oldKey] }) });
      const tenantId = freshTenant();
      await before.contacts.upsert({
        tenantId,
        contact: buildContact({ tenantId, id: 'c1', email: EMAIL }),
      });
      const rotated = createKeyring({
        keys: [{ id: 'new', key: randomBytes(32).toString('base64') }, oldKey],
      });
      const after = await target.open({ keyring: rotated });
      expect((await after.contacts.get({ tenantId, contactId: 'c1' }))?.email).toBe(EMAIL);
      await after.contacts.upsert({
        tenantId,
        contact: buildContact({ tenantId, id: 'c2', email: EMAIL }),
      });
      const { rows } = await sql<{
        contact_id: string;
        pii: string;
      }>`select contact_id, pii from ${sql.table(`${after.schema}.contacts`)}
      where tenant_id = ${tenantId} order by contact_id`.execute(after.db);
      expect(rows.map((row) => row.pii.split('.').slice(0, 2).join('.'))).toEqual([
        'v1.old',
        'v1.new',
      ]);
      // The blind index key stays the oldest key's, so lookups keep working across the rotation.
      const emailHash = rotated.blindIndex({ kind: 'email', value: EMAIL });
      expect(emailHash).toBe(
        createKeyring({ keys: [oldKey] }).blindIndex({ kind: 'email', value: EMAIL }),
      );
    },
  );

  it.skipIf(!target.available)(
    're-encrypts every PII column under the new key so the old key can be retired',
    async () => {
      const oldKey = { id: 'retiring', key: randomBytes(32).toString('base64') };
      const newKey = { id: 'current', key: randomBytes(32).toString('base64') };
      const before = await target.open({ keyring: createKeyring({ keys: [oldKey] }) });
      const tenantId = freshTenant();
      await before.contacts.upsert({
        tenantId,
        contact: buildContact({ tenantId, id: 'c1', email: EMAIL }),
      });
      const state = buildConversationState({
        tenantId,
        contactId: 'c1',
        messages: [buildMessage({ contactId: 'c1', body: BODY })],
      });
      await before.conversations.compareAndSet({ tenantId, state, expectedVersion: 0 });
      await before.inbox.markSeen({ tenantId, id: 'w1', payload: { contactId: 'c1', body: BODY } });
      await before.outbox.enqueue({
        tenantId,
        actions: [buildCrmAction('sendMessage', { contactId: 'c1', body: BODY })],
      });

      const rotating = await target.open({ keyring: createKeyring({ keys: [newKey, oldKey] }) });
      expect(await rotating.reencryptPii({ tenantId, batchSize: 1 })).toEqual({
        contacts: 1,
        conversations: 1,
        inbox: 1,
        outbox: 1,
      });
      expect(await rotating.reencryptPii({ tenantId })).toEqual({
        contacts: 0,
        conversations: 0,
        inbox: 0,
        outbox: 0,
      });

      const retired = await target.open({ keyring: createKeyring({ keys: [newKey] }) });
      expect((await retired.contacts.get({ tenantId, contactId: 'c1' }))?.email).toBe(EMAIL);
      expect(
        (await retired.conversations.get({ tenantId, contactId: 'c1' }))?.messages[0]?.body,
      ).toBe(BODY);
      expect(await retired.inbox.getPayload({ tenantId, id: 'w1' })).toEqual({
        contactId: 'c1',
        body: BODY,
      });
      const [entry] = await retired.outbox.list({ tenantId });
      expect(entry?.action).toMatchObject({ type: 'sendMessage', body: BODY });
    },
  );
});
