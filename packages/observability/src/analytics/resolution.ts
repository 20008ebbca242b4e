import { normalizeMessage, type AnalyzableMessage } from './analytics-message';

/** The ten resolution patterns matched against the last three messages. */
export const RESOLUTION_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'thank_you', pattern: /\bthank(?:s| you| u)\b/i },
  { name: 'goodbye', pattern: /\b(?:good ?bye|bye)\b/i },
  { name: 'appreciate', pattern: /\bappreciate/i },
  { name: 'helpful', pattern: /\bhelpful\b/i },
  { name: 'perfect', pattern: /\bperfect\b/i },
  { name: 'scheduled', pattern: /\b(?:scheduled|booked|confirmed)\b/i },
  { name: 'great_help', pattern: /\bgreat help\b/i },
  { name: 'thats_all', pattern: /\bthat(?:'|’)?s all\b|\bthat is all\b/i },
  { name: 'sounds_good', pattern: /\bsounds (?:good|great)\b/i },
  { name: 'see_you', pattern: /\bsee you (?:then|there|soon)\b/i },
];

/** Whether a conversation ended resolved, and which patterns said so. */
export interface ResolutionResult {
  /** True when at least one pattern matched in the last three messages. */
  resolved: boolean;
  /** Names of the matched patterns. */
  matched: string[];
}

/**
 * Detects a resolved conversation: any of {@link RESOLUTION_PATTERNS} in the last three messages
 * (from either side).
 *
 * @example
 * ```ts
 * detectResolution([{ role: 'assistant', content: 'Showing booked for 3pm' }, { role: 'user', content: 'Perfect, thanks!' }]);
 * // { resolved: true, matched: ['thank_you', 'perfect', 'scheduled'] }
 * ```
 */
export function detectResolution(messages: readonly AnalyzableMessage[]): ResolutionResult {
  const text = messages
    .slice(-3)
    .map((message) => normalizeMessage(message).text)
    .join('\n');
  const matched = RESOLUTION_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(
    ({ name }) => name,
  );
  return { resolved: matched.length > 0, matched };
}
