import { normalizeMessage, type AnalyzableMessage } from './analytics-message';

/** Engagement score with its three components, each 0–1. */
export interface EngagementScore {
  /** 0.4 × length + 0.3 × questions + 0.3 × participation. */
  score: number;
  /** Mean lead-message length in characters, capped at 100, divided by 100. */
  length: number;
  /** Share of lead messages containing a question mark. */
  questions: number;
  /** Lead messages / all messages, capped at 0.6, divided by 0.6 (a balanced exchange scores 1). */
  participation: number;
}

/**
 * Engagement of the lead in a conversation (seed formula): 40% average lead-message length
 * (capped at 100 characters), 30% share of lead messages asking a question, 30% participation
 * (lead messages / all messages, capped at 0.6 and normalized). 0 without lead messages.
 *
 * @example
 * ```ts
 * // lead: "Is it available?" (16 chars, question), bot: one reply → length 0.16, questions 1, participation 0.5/0.6
 * engagementScore([{ role: 'user', content: 'Is it available?' }, { role: 'assistant', content: 'Yes!' }]).score; // 0.614
 * ```
 */
export function engagementScore(messages: readonly AnalyzableMessage[]): EngagementScore {
  const normalized = messages.map(normalizeMessage);
  const lead = normalized.filter((message) => message.fromLead);
  if (lead.length === 0) return { score: 0, length: 0, questions: 0, participation: 0 };
  const averageLength = lead.reduce((sum, message) => sum + message.text.length, 0) / lead.length;
  const length = Math.min(averageLength, 100) / 100;
  const questions = lead.filter((message) => message.text.includes('?')).length / lead.length;
  const participation = Math.min(lead.length / normalized.length, 0.6) / 0.6;
  return {
    score: 0.4 * length + 0.3 * questions + 0.3 * participation,
    length,
    questions,
    participation,
  };
}
