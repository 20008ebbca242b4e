import type { Message } from '@enterprisehub/core';

/**
 * A message the analytics accept: a core `Message` (inbound = the lead) or a chat-style
 * `{ role, content }` (`user` = the lead).
 */
export type AnalyzableMessage =
  Pick<Message, 'direction' | 'body'> | { role: 'user' | 'assistant'; content: string };

/** A message reduced to what the analytics need. */
export interface NormalizedMessage {
  /** True when the lead wrote it. */
  fromLead: boolean;
  /** Text. */
  text: string;
}

/** Normalizes either message shape. */
export function normalizeMessage(message: AnalyzableMessage): NormalizedMessage {
  return 'role' in message
    ? { fromLead: message.role === 'user', text: message.content }
    : { fromLead: message.direction === 'inbound', text: message.body };
}

/** Lower-cased word tokens (letters, digits and inner apostrophes). */
export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[a-z0-9]+(?:'[a-z]+)*/g) ?? []
  );
}

/** Splits a list into a first half (⌊n/2⌋ items) and a second half (the rest). */
export function halves<T>(items: readonly T[]): [T[], T[]] {
  const middle = Math.floor(items.length / 2);
  return [items.slice(0, middle), items.slice(middle)];
}
