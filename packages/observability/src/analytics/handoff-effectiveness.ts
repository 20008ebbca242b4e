import type { AnalyzableMessage } from './analytics-message';
import { detectResolution } from './resolution';

/** How well conversations went after their handoff. */
export interface HandoffEffectiveness {
  /** Handoffs considered (conversations with a valid handoff index). */
  handoffs: number;
  /** Of those, conversations that ended resolved after the handoff. */
  successfulResolutions: number;
  /** Mean number of messages after the handoff. */
  averageMessagesAfterHandoff: number;
  /** `successfulResolutions / handoffs` (0 without handoffs). */
  effectivenessRate: number;
}

/**
 * Post-handoff quality across conversations: for each conversation with a handoff at message
 * index `i` (the first message handled by the new bot), looks at messages `i…end`: counts them and
 * checks for resolution. Conversations whose index is outside the conversation are skipped.
 *
 * @example
 * ```ts
 * handoffEffectiveness([conversationA, conversationB], [4, 2]);
 * // { handoffs: 2, successfulResolutions: 1, averageMessagesAfterHandoff: 3.5, effectivenessRate: 0.5 }
 * ```
 */
export function handoffEffectiveness(
  conversations: readonly (readonly AnalyzableMessage[])[],
  handoffIndices: readonly number[],
): HandoffEffectiveness {
  let handoffs = 0;
  let successfulResolutions = 0;
  let messagesAfter = 0;
  conversations.forEach((conversation, position) => {
    const index = handoffIndices[position];
    if (
      index === undefined ||
      !Number.isInteger(index) ||
      index < 0 ||
      index >= conversation.length
    )
      return;
    const after = conversation.slice(index);
    handoffs += 1;
    messagesAfter += after.length;
    if (detectResolution(after).resolved) successfulResolutions += 1;
  });
  return {
    handoffs,
    successfulResolutions,
    averageMessagesAfterHandoff: handoffs === 0 ? 0 : messagesAfter / handoffs,
    effectivenessRate: handoffs === 0 ? 0 : successfulResolutions / handoffs,
  };
}
