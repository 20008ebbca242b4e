import type { ConversationStage, ConversationState } from '../domain/conversation-state';
import type { BotName } from '../domain/bot-name';
import type { TenantScoped } from './tenant-scoped';

/** Result of {@link ConversationStore.compareAndSet}: the stored state, or the current one on a version conflict. */
export type CompareAndSetResult =
  | {
      /** The write happened. */
      kind: 'ok';
      /** The state as stored (new version). */
      state: ConversationState;
    }
  | {
      /** The stored version differed from `expectedVersion`; nothing was written. */
      kind: 'conflict';
      /** The state currently stored, or `undefined` when there is none. */
      current: ConversationState | undefined;
    };

/** Filters for {@link ConversationStore.list}. */
export interface ConversationListOptions extends TenantScoped {
  /** Only conversations with this active bot. */
  activeBot?: BotName;
  /** Only conversations in one of these stages. */
  stages?: ConversationStage[];
  /** Only conversations last updated strictly before this time, epoch ms (dormancy checks). */
  updatedBefore?: number;
  /** Maximum results; default 100. Results are ordered by `updatedAt` ascending, then contact id. */
  limit?: number;
  /** `desc` lists the most recently updated first (the newest `limit`); default `asc`. */
  order?: 'asc' | 'desc';
}

/**
 * Port: conversation state per (tenant, contact) with optimistic concurrency.
 *
 * Versions: a state never stored has version 0; each successful write stores `expectedVersion + 1`.
 * Stores keep only the newest `MAX_CONVERSATION_MESSAGES` messages.
 */
export interface ConversationStore {
  /** The stored state, or `undefined` when the contact has none in this tenant. */
  get(options: TenantScoped & { contactId: string }): Promise<ConversationState | undefined>;
  /**
   * Writes `state` if the stored version equals `expectedVersion` (0 = must not exist yet).
   * On success returns the state as stored (only `version` changes: it becomes `expectedVersion + 1`;
   * the caller sets `updatedAt`);
   * on mismatch returns `conflict` with the current state and writes nothing.
   * Throws `TENANT_MISMATCH` when `state.tenantId` differs from `tenantId`.
   */
  compareAndSet(
    options: TenantScoped & { state: ConversationState; expectedVersion: number },
  ): Promise<CompareAndSetResult>;
  /** Lists the tenant's conversations matching the filters. */
  list(options: ConversationListOptions): Promise<ConversationState[]>;
  /** Deletes a conversation (erasure requests); returns whether one existed. */
  delete(options: TenantScoped & { contactId: string }): Promise<boolean>;
}
