/** A half-open range `[start, end)` of a text. @internal */
export interface TextSpan {
  /** First index. */
  start: number;
  /** Index after the last character. */
  end: number;
}

/**
 * Splits `text` into sentence spans: a sentence ends after `.`, `!`, `?` (or a run of them, optionally followed by
 * closing quotes/brackets or emoji) when whitespace or the end follows, and at every line break. Decimal points
 * ("3.5%") and URLs with dots do not split. The whitespace between sentences is not part of any span.
 *
 * @internal
 */
export function splitSentences(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = skipWhitespace(text, 0);
  let index = start;
  while (index < text.length) {
    const char = text[index];
    if (char === '\n') {
      pushSpan(spans, text, { start, end: index });
      start = skipWhitespace(text, index);
      index = start;
      continue;
    }
    if (char === '.' || char === '!' || char === '?') {
      let end = index + 1;
      while (end < text.length && /[.!?"')\]”’]/.test(text[end] ?? '')) end += 1;
      if (end >= text.length || /\s/.test(text[end] ?? '')) {
        pushSpan(spans, text, { start, end });
        start = skipWhitespace(text, end);
        index = start;
        continue;
      }
      index = end;
      continue;
    }
    index += 1;
  }
  pushSpan(spans, text, { start, end: text.length });
  return spans;
}

function skipWhitespace(text: string, from: number): number {
  let index = from;
  while (index < text.length && /\s/.test(text[index] ?? '')) index += 1;
  return index;
}

function pushSpan(spans: TextSpan[], text: string, { start, end }: TextSpan): void {
  let trimmedEnd = end;
  while (trimmedEnd > start && /\s/.test(text[trimmedEnd - 1] ?? '')) trimmedEnd -= 1;
  if (trimmedEnd > start) spans.push({ start, end: trimmedEnd });
}

/**
 * Copy of `text` with the same length in which URLs and e-mail addresses are blanked out (so rule patterns never
 * match inside a link) and curly quotes are straightened (so patterns only need `'`).
 *
 * @internal
 */
export function maskForMatching(text: string): string {
  return text
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+|\b[\w.+-]+@[\w-]+\.[\w.-]+/gi, (found) =>
      'x'.repeat(found.length),
    )
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"');
}

/**
 * Tidies a sentence after phrases were removed: collapses spaces, removes spaces before punctuation and dangling
 * commas, fixes `a`/`an` before the next word and re-capitalises the first letter.
 *
 * @internal
 */
export function tidySentence(sentence: string, capitalize: boolean): string {
  let result = sentence
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ +([,.;:!?)])/g, '$1')
    .replace(/\( +/g, '(')
    .replace(/,(?=\s*[,.;:!?])/g, '')
    .replace(/^[\s,;:]+/, '')
    .replace(/\b(a|an|A|An) ([A-Za-z][\w-]*)/g, (_found, article: string, word: string) => {
      const wantsAn =
        /^(?:[aei](?!u)|o(?!ne)|u(?!n[ei]|s[eu]|ti|ro|ra|ri)|hour|honest|honou?r)/i.test(word);
      const lower = wantsAn ? 'an' : 'a';
      return `${article[0] === 'A' ? lower[0]?.toUpperCase() + lower.slice(1) : lower} ${word}`;
    })
    .trim();
  if (capitalize && result.length > 0) result = (result[0]?.toUpperCase() ?? '') + result.slice(1);
  return result;
}
