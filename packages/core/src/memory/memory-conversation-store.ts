/* eslint-disable @typescript-eslint/require-await -- in-memory implementations of async ports: methods are async so that failures (aborts, validation) reject instead of throwing synchronously. */
import {
  MAX_CONVERSATION_MESSAGES,
  conversationStateSchema,
  type ConversationState,
} from '../domain/conversation-state';
import type {
  CompareAndSetResult,
  ConversationListOptions,
  ConversationStore,
} from '../ports/conversation-store';
import type { TenantScoped } from '../ports/tenant-scoped';
import { TenantMap, assertSameTenant, copy, parseOrThrow, throwIfAborted } from './memory-support';

/** Options for {@link createMemoryConversationStore}. */
export interface MemoryConversationStoreOptions {
  /** Messages kept per conversation; default {@link MAX_CONVERSATION_MESSAGES}. */
  maxMessages?: number;
}

/** In-memory {@link ConversationStore}: the embedded default and the executable spec of the port. */
export class MemoryConversationStore implements ConversationStore {
  private readonly states = new TenantMap<ConversationState>();
  private readonly maxMessages: number;

  /** Creates an empty store. */
  constructor(options: MemoryConversationStoreOptions = {}) {
    this.maxMessages = options.maxMessages ?? MAX_CONVERSATION_MESSAGES;
  }

  /** {@inheritDoc ConversationStore.get} */
  async get(options: TenantScoped & { contactId: string }): Promise<ConversationState | undefined> {
    throwIfAborted(options.signal);
    const state = this.states.get(options.tenantId, options.contactId);
    return state && copy(state);
  }

  /** {@inheritDoc ConversationStore.compareAndSet} */
  async compareAndSet(
    options: TenantScoped & { state: ConversationState; expectedVersion: number },
  ): Promise<CompareAndSetResult> {
    throwIfAborted(options.signal);
    assertSameTenant(options.tenantId, options.state.tenantId, 'conversation state');
    const parsed = parseOrThrow(conversationStateSchema, options.state);
    const current = this.states.get(options.tenantId, parsed.contactId);
    if ((current?.version ?? 0) !== options.expectedVersion) {
      return { kind: 'conflict', current: current && copy(current) };
    }
    const stored: ConversationState = {
      ...parsed,
      messages: parsed.messages.slice(Math.max(0, parsed.messages.length - this.maxMessages)),
      version: options.expectedVersion + 1,
    };
    this.states.set(options.tenantId, stored.contactId, stored);
    return { kind: 'ok', state: copy(stored) };
  }

  /** {@inheritDoc ConversationStore.list} */
  async list(options: ConversationListOptions): Promise<ConversationState[]> {
    throwIfAborted(options.signal);
    const stages = options.stages && new Set(options.stages);
    const { updatedBefore } = options;
    return [...this.states.partition(options.tenantId).values()]
      .filter((state) => options.activeBot === undefined || state.activeBot === options.activeBot)
      .filter((state) => !stages || stages.has(state.stage))
      .filter((state) => updatedBefore === undefined || state.updatedAt < updatedBefore)
      .sort((a, b) => {
        const ascending = a.updatedAt - b.updatedAt || a.contactId.localeCompare(b.contactId);
        return options.order === 'desc' ? -ascending : ascending;
      })
      .slice(0, options.limit ?? 100)
      .map(copy);
  }

  /** {@inheritDoc ConversationStore.delete} */
  async delete(options: TenantScoped & { contactId: string }): Promise<boolean> {
    throwIfAborted(options.signal);
    return this.states.delete(options.tenantId, options.contactId);
  }

  /**
   * Undo hook for the memory unit of work: puts back `previous` if the stored version is still `writtenVersion`.
   *
   * @internal
   */
  restore(
    tenantId: string,
    contactId: string,
    undo: { previous: ConversationState | undefined; writtenVersion: number | undefined },
  ): void {
    const current = this.states.get(tenantId, contactId);
    if (current?.version !== undo.writtenVersion) return;
    if (undo.previous) this.states.set(tenantId, contactId, undo.previous);
    else this.states.delete(tenantId, contactId);
  }

  /**
   * Raw stored state (no copy) for the memory unit of work.
   *
   * @internal
   */
  peek(tenantId: string, contactId: string): ConversationState | undefined {
    return this.states.get(tenantId, contactId);
  }
}

/**
 * Creates an in-memory conversation store.
 *
 * @example
 * ```ts
 * const store = createMemoryConversationStore();
 * const result = await store.compareAndSet({ tenantId, state, expectedVersion: 0 });
 * ```
 */
export function createMemoryConversationStore(
  options: MemoryConversationStoreOptions = {},
): MemoryConversationStore {
  return new MemoryConversationStore(options);
}
