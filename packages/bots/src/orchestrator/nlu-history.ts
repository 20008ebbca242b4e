import type { Message } from '@enterprisehub/core';
import type { HistoryMessage } from '../intent/question-context';

const SENTENCE_END = /(?<=[.!?])\s+|\n+/;

/**
 * The conversation as the intent decoder and fact extractor should read it: inbound messages as written, outbound
 * messages reduced to the question they asked (the last sentences ending in `?`). A short answer ("2", "yes") is then
 * read against the question, not against numbers or words in listings, estimates and disclosures sent before it.
 *
 * @example
 * ```ts
 * nluHistory([{ direction: 'outbound', body: '1) 3 bd in Cedar Park, $465k. Would you like to tour one?', … }]);
 * // [{ direction: 'outbound', body: 'Would you like to tour one?' }]
 * ```
 */
export function nluHistory(
  messages: readonly Pick<Message, 'direction' | 'body'>[],
): HistoryMessage[] {
  return messages.map((message) => {
    if (message.direction === 'inbound') return { direction: 'inbound', body: message.body };
    const questions = message.body
      .split(SENTENCE_END)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence.endsWith('?'));
    return { direction: 'outbound', body: questions.slice(-2).join(' ') };
  });
}
