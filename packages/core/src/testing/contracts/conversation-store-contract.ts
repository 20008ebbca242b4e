import assert from 'node:assert/strict';
import { MAX_CONVERSATION_MESSAGES, type ConversationState } from '../../domain/conversation-state';
import type { ConversationStore } from '../../ports/conversation-store';
import { buildConversationState, buildFact, buildLeadScore, buildMessage } from '../builders';
import { type ContractSuite, rejectsWithCode, uniqueTenantId } from './contract-suite';

async function stored(
  store: ConversationStore,
  state: ConversationState,
): Promise<ConversationState> {
  const result = await store.compareAndSet({ tenantId: state.tenantId, state, expectedVersion: 0 });
  assert.equal(result.kind, 'ok', 'creating a new state must succeed');
  if (result.kind !== 'ok') throw new Error('unreachable');
  return result.state;
}

/** Contract every {@link ConversationStore} must satisfy (memory, PGlite, PostgreSQL). */
export const conversationStoreContract: ContractSuite<ConversationStore> = {
  name: 'ConversationStore',
  cases: [
    {
      name: 'returns undefined for a contact with no state',
      async run(harness) {
        const store = await harness.create();
        assert.equal(
          await store.get({ tenantId: uniqueTenantId('t'), contactId: 'nobody' }),
          undefined,
        );
      },
    },
    {
      name: 'creates with expectedVersion 0, stores version 1 and round-trips every field',
      async run(harness) {
        const store = await harness.create();
        const tenantId = uniqueTenantId('t');
        const state = buildConversationState({
          tenantId,
          activeBot: 'buyer',
          stage: 'qualifying',
          facts: {
            budgetMax: buildFact(650_000, { sourceMessageId: 'm1', confidence: 0.9 }),
            areas: buildFact(['Cedar Park']),
          },
          score: buildLeadScore({ value: 8, reasons: ['pre-approved'] }),
          messages: [buildMessage({ body: 'Looking in Cedar Park, up to 650k' })],
          handoffs: [
            {
              from: 'lead',
              to: 'buyer',
              confidence: 0.85,
              at: harness.clock.now(),
              reason: 'intent:buyer',
            },
          ],
          askedQuestions: ['budget'],
          attributes: { lastQuestion: 'areas', turns: 2, warmed: true },
          createdAt: harness.clock.now(),
          updatedAt: harness.clock.now(),
        });
        const result = await stored(store, state);
        assert.equal(result.version, 1);
        const loaded = await store.get({ tenantId, contactId: state.contactId });
        assert.deepEqual(loaded, result);
        assert.deepEqual(
          { ...loaded, version: 0 },
          state,
          'every field is stored as given, except the version',
        );
      },
    },
    {
      name: 'a create on an existing state conflicts and returns the current state',
      async run(harness) {
        const store = await harness.create();
        const state = buildConversationState({ tenantId: uniqueTenantId('t') });
        const first = await stored(store, state);
        const second = await store.compareAndSet({
          tenantId: state.tenantId,
          state: { ...state, stage: 'qualified' },
          expectedVersion: 0,
        });
        assert.equal(second.kind, 'conflict');
        assert.deepEqual(second.kind === 'conflict' ? second.current : undefined, first);
      },
    },
    {
      name: 'two writers with the same version: exactly one wins and the loser writes nothing',
      async run(harness) {
        const store = await harness.create();
        const base = await stored(store, buildConversationState({ tenantId: uniqueTenantId('t') }));
        const writes = await Promise.all(
          (['buyer', 'seller'] as const).map((activeBot) =>
            store.compareAndSet({
              tenantId: base.tenantId,
              state: { ...base, activeBot },
              expectedVersion: base.version,
            }),
          ),
        );
        const winners = writes.filter((write) => write.kind === 'ok');
        assert.equal(winners.length, 1, 'exactly one writer must win');
        const winner = winners[0];
        const loaded = await store.get({ tenantId: base.tenantId, contactId: base.contactId });
        assert.equal(loaded?.version, 2);
        assert.equal(loaded.activeBot, winner?.kind === 'ok' ? winner.state.activeBot : undefined);
      },
    },
    {
      name: 'a stale expectedVersion conflicts and leaves the stored state unchanged',
      async run(harness) {
        const store = await harness.create();
        const base = await stored(store, buildConversationState({ tenantId: uniqueTenantId('t') }));
        const next = await store.compareAndSet({
          tenantId: base.tenantId,
          state: { ...base, stage: 'qualifying' },
          expectedVersion: 1,
        });
        assert.equal(next.kind, 'ok');
        const stale = await store.compareAndSet({
          tenantId: base.tenantId,
          state: { ...base, stage: 'closed' },
          expectedVersion: 1,
        });
        assert.equal(stale.kind, 'conflict');
        assert.equal(stale.kind === 'conflict' ? stale.current?.version : undefined, 2);
        const loaded = await store.get({ tenantId: base.tenantId, contactId: base.contactId });
        assert.equal(loaded?.stage, 'qualifying');
      },
    },
    {
      name: 'tenant isolation: another tenant can never read, overwrite, list or delete the state',
      async run(harness) {
        const store = await harness.create();
        const tenantA = uniqueTenantId('a');
        const tenantB = uniqueTenantId('b');
        const stateA = await stored(
          store,
          buildConversationState({
            tenantId: tenantA,
            contactId: 'shared-contact',
            stage: 'qualified',
          }),
        );
        assert.equal(
          await store.get({ tenantId: tenantB, contactId: 'shared-contact' }),
          undefined,
        );
        assert.deepEqual(await store.list({ tenantId: tenantB }), []);
        assert.equal(await store.delete({ tenantId: tenantB, contactId: 'shared-contact' }), false);
        const stateB = buildConversationState({
          tenantId: tenantB,
          contactId: 'shared-contact',
          stage: 'closed',
        });
        const createdB = await store.compareAndSet({
          tenantId: tenantB,
          state: stateB,
          expectedVersion: 0,
        });
        assert.equal(createdB.kind, 'ok', "B's first write is a create in B's space");
        assert.deepEqual(
          await store.get({ tenantId: tenantA, contactId: 'shared-contact' }),
          stateA,
        );
        assert.equal(
          (await store.get({ tenantId: tenantB, contactId: 'shared-contact' }))?.stage,
          'closed',
        );
      },
    },
    {
      name: 'rejects a state whose tenantId differs from the call scope with TENANT_MISMATCH',
      async run(harness) {
        const store = await harness.create();
        const state = buildConversationState({ tenantId: uniqueTenantId('a') });
        await rejectsWithCode(
          store.compareAndSet({ tenantId: uniqueTenantId('b'), state, expectedVersion: 0 }),
          'TENANT_MISMATCH',
        );
      },
    },
    {
      name: `keeps only the newest ${MAX_CONVERSATION_MESSAGES} messages`,
      async run(harness) {
        const store = await harness.create();
        const messages = Array.from({ length: MAX_CONVERSATION_MESSAGES + 5 }, (_, index) =>
          buildMessage({ id: `m${index}` }),
        );
        const result = await stored(
          store,
          buildConversationState({ tenantId: uniqueTenantId('t'), messages }),
        );
        assert.equal(result.messages.length, MAX_CONVERSATION_MESSAGES);
        assert.equal(result.messages[0]?.id, 'm5');
        assert.equal(result.messages.at(-1)?.id, `m${MAX_CONVERSATION_MESSAGES + 4}`);
      },
    },
    {
      name: 'list filters by active bot, stage and updatedBefore, oldest update first',
      async run(harness) {
        const store = await harness.create();
        const tenantId = uniqueTenantId('t');
        const now = harness.clock.now();
        const rows = [
          {
            contactId: 'c-old',
            activeBot: 'buyer' as const,
            stage: 'nurturing' as const,
            updatedAt: now - 50 * 3_600_000,
          },
          {
            contactId: 'c-new',
            activeBot: 'buyer' as const,
            stage: 'qualifying' as const,
            updatedAt: now,
          },
          {
            contactId: 'c-seller',
            activeBot: 'seller' as const,
            stage: 'nurturing' as const,
            updatedAt: now - 60 * 3_600_000,
          },
        ];
        for (const row of rows) await stored(store, buildConversationState({ tenantId, ...row }));
        const dormant = await store.list({ tenantId, updatedBefore: now - 48 * 3_600_000 });
        assert.deepEqual(
          dormant.map((state) => state.contactId),
          ['c-seller', 'c-old'],
        );
        const buyers = await store.list({ tenantId, activeBot: 'buyer', stages: ['qualifying'] });
        assert.deepEqual(
          buyers.map((state) => state.contactId),
          ['c-new'],
        );
        assert.equal((await store.list({ tenantId, limit: 1 })).length, 1);
        const newestFirst = await store.list({ tenantId, order: 'desc', limit: 2 });
        assert.deepEqual(
          newestFirst.map((state) => state.contactId),
          ['c-new', 'c-old'],
          "order: 'desc' lists the most recent updates first",
        );
      },
    },
    {
      name: 'delete removes the state and reports whether one existed',
      async run(harness) {
        const store = await harness.create();
        const state = await stored(
          store,
          buildConversationState({ tenantId: uniqueTenantId('t') }),
        );
        assert.equal(
          await store.delete({ tenantId: state.tenantId, contactId: state.contactId }),
          true,
        );
        assert.equal(
          await store.get({ tenantId: state.tenantId, contactId: state.contactId }),
          undefined,
        );
        assert.equal(
          await store.delete({ tenantId: state.tenantId, contactId: state.contactId }),
          false,
        );
      },
    },
  ],
};
