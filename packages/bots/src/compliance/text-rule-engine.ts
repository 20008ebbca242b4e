import { maskForMatching, splitSentences, tidySentence, type TextSpan } from './sentences';
import type { ComplianceNoteKey, TextRule } from './text-rule';
import { DISCLAIMER, ECHOED_QUESTION, NEGATED_REFERRAL, PLACE_WORDS, REFERRAL } from './vocabulary';

/** A rule compiled for one tenant (its market areas expanded into `{PLACE}`). @internal */
export interface CompiledTextRule {
  /** The table row. */
  readonly rule: TextRule;
  /** Global, case-insensitive regular expression. */
  readonly regex: RegExp;
}

/** One rule match in a text: which rule fired, on which phrase, and what it does. */
export interface ComplianceFinding {
  /** Rule id, e.g. `fair_housing.steering.safety`. */
  ruleId: string;
  /** What the rule requires. */
  action: 'block' | 'rewrite';
  /** Matched phrase (outgoing text, never lead PII). */
  match: string;
  /** Offset of the match in the checked text. */
  index: number;
  /** A human should review this message. */
  escalate: boolean;
}

interface Hit extends ComplianceFinding {
  readonly end: number;
  readonly rule: TextRule;
  readonly groups: readonly (string | undefined)[];
}

/** What `evaluateText` found: blocking findings, and the rewritten text when only rewrites fired. @internal */
export interface TextEvaluation {
  /** Every finding, in text order. */
  findings: ComplianceFinding[];
  /** True when a `block` rule fired, or a rewrite left nothing to send. */
  blocked: boolean;
  /** Neutralised text when rewrites fired and nothing blocked. */
  rewritten?: string;
}

const escapeRegExp = (value: string): string => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiles rule tables, expanding `{PLACE}` with generic place words plus the given area names. @internal */
export function compileTextRules(
  rules: readonly TextRule[],
  areaNames: readonly string[],
): CompiledTextRule[] {
  const areas = areaNames
    .filter((name) => name.trim().length >= 3)
    .map((name) => escapeRegExp(name.trim()).replace(/\s+/g, '\\s+'));
  const place = `(?:${[...PLACE_WORDS, ...areas].join('|')})`;
  return rules.map((rule) => ({
    rule,
    regex: new RegExp(rule.pattern.replaceAll('{PLACE}', place), 'gi'),
  }));
}

function sentenceAt(spans: readonly TextSpan[], index: number): TextSpan | undefined {
  return spans.find((span) => index >= span.start && index < span.end);
}

function isSuppressed(rule: TextRule, sentence: string): boolean {
  if (rule.suppressWhen === 'disclaimer') {
    return DISCLAIMER.test(sentence) || (rule.escalate !== true && ECHOED_QUESTION.test(sentence));
  }
  if (rule.suppressWhen === 'referral')
    return REFERRAL.test(sentence) && !NEGATED_REFERRAL.test(sentence);
  return false;
}

function collectHits(
  masked: string,
  spans: readonly TextSpan[],
  rules: readonly CompiledTextRule[],
): Hit[] {
  const hits: Hit[] = [];
  for (const { rule, regex } of rules) {
    regex.lastIndex = 0;
    for (let found = regex.exec(masked); found !== null; found = regex.exec(masked)) {
      if (found[0].length === 0) {
        regex.lastIndex += 1;
        continue;
      }
      const span = sentenceAt(spans, found.index);
      if (span && isSuppressed(rule, masked.slice(span.start, span.end))) continue;
      hits.push({
        ruleId: rule.id,
        action: rule.action,
        match: found[0].trim(),
        index: found.index,
        end: found.index + found[0].length,
        escalate: rule.escalate === true,
        rule,
        groups: [...found],
      });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

const overlaps = (a: Hit, b: Hit): boolean => a.index < b.end && b.index < a.end;

function expandReplacement(template: string, groups: readonly (string | undefined)[]): string {
  return template.replace(/\$(\d)/g, (_found, digit: string) => groups[Number(digit)] ?? '');
}

function rewriteSentence(text: string, span: TextSpan, hits: readonly Hit[]): string {
  let sentence = text.slice(span.start, span.end);
  let lastStart = Number.POSITIVE_INFINITY;
  for (const hit of [...hits].sort((a, b) => b.index - a.index)) {
    if (hit.end > lastStart || hit.rule.rewrite?.mode !== 'phrase') continue;
    const replacement = expandReplacement(hit.rule.rewrite.with, hit.groups);
    const from = hit.index - span.start;
    sentence = sentence.slice(0, from) + replacement + sentence.slice(hit.end - span.start);
    lastStart = hit.index;
  }
  const startsUpper = /^[^a-z]*[A-Z]/.test(text.slice(span.start, span.end));
  return tidySentence(sentence, startsUpper);
}

const CLAUSE_BREAK = /,\s+(?:and|but|so|plus)\s+|;\s+|\s+[–—]\s+/g;

/** Drops only the clauses holding a hit ("X has lots of young families, and the HOA is small" → "The HOA is small."). */
function dropClauses(text: string, span: TextSpan, hits: readonly Hit[]): string {
  const sentence = text.slice(span.start, span.end);
  const clauses: TextSpan[] = [];
  let start = 0;
  for (const found of sentence.matchAll(CLAUSE_BREAK)) {
    clauses.push({ start, end: found.index });
    start = found.index + found[0].length;
  }
  clauses.push({ start, end: sentence.length });
  if (clauses.length < 2) return '';
  const kept = clauses.filter(
    (clause) =>
      !hits.some(
        (hit) => hit.index - span.start < clause.end && hit.end - span.start > clause.start,
      ),
  );
  if (kept.length === 0) return '';
  const terminal = /[.!?]+$/.exec(sentence)?.[0] ?? '';
  const body = kept
    .map((clause) =>
      sentence
        .slice(clause.start, clause.end)
        .replace(/[.!?]+$/, '')
        .trim(),
    )
    .join(', ');
  return tidySentence(`${body}${terminal}`, true);
}

function joinSentences(parts: readonly { text: string; gap: string }[]): string {
  let result = '';
  for (const part of parts) {
    if (part.text.length === 0) continue;
    result += result.length === 0 ? part.text : part.gap + part.text;
  }
  return result;
}

/**
 * Runs compiled rules over `text`: returns every finding, whether the text is blocked, and — when only rewrite
 * rules fired — the neutralised text (phrase rewrites applied, offending sentences replaced by a neutral note or
 * dropped, notes of phrase rewrites appended once).
 *
 * @internal
 */
export function evaluateText(
  text: string,
  rules: readonly CompiledTextRule[],
  notes: Readonly<Record<ComplianceNoteKey, string>>,
): TextEvaluation {
  const masked = maskForMatching(text);
  const spans = splitSentences(masked);
  const hits = collectHits(masked, spans, rules);
  const findings: ComplianceFinding[] = hits.map(({ ruleId, action, match, index, escalate }) => ({
    ruleId,
    action,
    match,
    index,
    escalate,
  }));
  if (hits.length === 0) return { findings, blocked: false };
  if (hits.some((hit) => hit.action === 'block')) return { findings, blocked: true };

  const phraseHits = hits.filter((hit) => hit.rule.rewrite?.mode === 'phrase');
  const sentenceHits = hits.filter(
    (hit) =>
      hit.rule.rewrite?.mode !== 'phrase' && !phraseHits.some((phrase) => overlaps(phrase, hit)),
  );
  const usedNotes = new Set<string>();
  const parts: { text: string; gap: string }[] = [];
  let keptOriginal = false;
  spans.forEach((span, position) => {
    const previousEnd = position === 0 ? 0 : (spans[position - 1]?.end ?? 0);
    const gap = text.slice(previousEnd, span.start) || ' ';
    const inSentence = (hit: Hit): boolean => hit.index >= span.start && hit.index < span.end;
    const replaced = sentenceHits.filter(inSentence);
    if (replaced.length > 0) {
      const sentenceNotes = replaced
        .map((hit) => (hit.rule.note ? notes[hit.rule.note] : undefined))
        .filter((note): note is string => note !== undefined && !usedNotes.has(note));
      const unique = [...new Set(sentenceNotes)];
      unique.forEach((note) => usedNotes.add(note));
      const hasNote = replaced.some((hit) => hit.rule.note !== undefined);
      const remainder = hasNote ? '' : dropClauses(text, span, replaced);
      if (/[\p{L}\p{N}]/u.test(remainder)) keptOriginal = true;
      parts.push({ text: [remainder, ...unique].filter((part) => part.length > 0).join(' '), gap });
      return;
    }
    const phrases = phraseHits.filter(inSentence);
    const sentence =
      phrases.length > 0 ? rewriteSentence(text, span, phrases) : text.slice(span.start, span.end);
    if (/[\p{L}\p{N}]/u.test(sentence)) keptOriginal = true;
    parts.push({ text: /[\p{L}\p{N}]/u.test(sentence) ? sentence : '', gap });
  });
  const trailingNotes = [
    ...new Set(
      phraseHits
        .map((hit) => (hit.rule.note ? notes[hit.rule.note] : undefined))
        .filter((note): note is string => note !== undefined && !usedNotes.has(note)),
    ),
  ];
  let rewritten = joinSentences(parts);
  if (trailingNotes.length > 0) {
    const separator = /[.!?)]$/.test(rewritten) ? ' ' : rewritten.length > 0 ? '. ' : '';
    rewritten = `${rewritten}${separator}${trailingNotes.join(' ')}`;
  }
  if (!keptOriginal && usedNotes.size === 0) return { findings, blocked: true };
  return { findings, blocked: false, rewritten: rewritten.trim() };
}
