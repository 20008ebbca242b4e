import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractedFacts, HistoryMessage, Intent } from '../../src/index';

/** Corpus split: `tune` may be looked at while improving rules; `holdout` is only ever scored. */
export type CorpusSplit = 'tune' | 'holdout';

/** One labelled intent message. */
export interface IntentExample {
  id: string;
  split: CorpusSplit;
  text: string;
  intent: Intent;
  history?: HistoryMessage[];
}

/** One labelled extraction message (plain expected values). */
export interface ExtractionExample {
  id: string;
  split: CorpusSplit;
  text: string;
  expected: Record<string, unknown>;
  history?: HistoryMessage[];
}

const corpusFile = (name: string): string => fileURLToPath(new URL(`./${name}`, import.meta.url));

/** Loads `intent.json`. */
export function loadIntentCorpus(): IntentExample[] {
  return (JSON.parse(readFileSync(corpusFile('intent.json'), 'utf8')) as { messages: IntentExample[] }).messages;
}

/** Loads `extraction.json` with its fixed clock. */
export function loadExtractionCorpus(): { now: number; timeZone: string; messages: ExtractionExample[] } {
  const parsed = JSON.parse(readFileSync(corpusFile('extraction.json'), 'utf8')) as {
    now: string;
    timeZone: string;
    messages: ExtractionExample[];
  };
  return { now: Date.parse(parsed.now), timeZone: parsed.timeZone, messages: parsed.messages };
}

/** Intent scores: overall accuracy, accuracy (recall) per class, expected calibration error, mistakes. */
export interface IntentReport {
  total: number;
  accuracy: number;
  perClass: Record<string, { total: number; correct: number; accuracy: number }>;
  /** Expected calibration error over 10 confidence bins. */
  calibrationError: number;
  mistakes: { id: string; text: string; expected: Intent; actual: Intent; confidence: number }[];
}

/** Scores a decoder on intent examples. */
export async function scoreIntent(
  examples: readonly IntentExample[],
  decode: (example: IntentExample) => Promise<{ intent: Intent; confidence: number }>,
): Promise<IntentReport> {
  const perClass: IntentReport['perClass'] = {};
  const mistakes: IntentReport['mistakes'] = [];
  const bins = Array.from({ length: 10 }, () => ({ count: 0, correct: 0, confidence: 0 }));
  let correct = 0;
  for (const example of examples) {
    const result = await decode(example);
    const entry = (perClass[example.intent] ??= { total: 0, correct: 0, accuracy: 0 });
    entry.total += 1;
    const right = result.intent === example.intent;
    if (right) {
      entry.correct += 1;
      correct += 1;
    } else {
      mistakes.push({ id: example.id, text: example.text, expected: example.intent, actual: result.intent, confidence: result.confidence });
    }
    const bin = bins[Math.min(9, Math.floor(result.confidence * 10))];
    if (bin !== undefined) {
      bin.count += 1;
      bin.correct += right ? 1 : 0;
      bin.confidence += result.confidence;
    }
  }
  for (const entry of Object.values(perClass)) entry.accuracy = entry.total === 0 ? 0 : entry.correct / entry.total;
  const total = examples.length;
  const calibrationError = bins.reduce(
    (sum, bin) => (bin.count === 0 ? sum : sum + (bin.count / total) * Math.abs(bin.correct / bin.count - bin.confidence / bin.count)),
    0,
  );
  return { total, accuracy: total === 0 ? 0 : correct / total, perClass, calibrationError, mistakes };
}

/** Field-level precision, recall and F1 (array fields scored per element). */
export interface FieldScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Extraction scores: per field, micro-averaged over all fields, and per-message mismatches. */
export interface ExtractionReport {
  total: number;
  fields: Record<string, FieldScore>;
  micro: FieldScore;
  mismatches: { id: string; text: string; field: string; expected: unknown; actual: unknown }[];
}

const normalizeValue = (value: unknown): unknown =>
  typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toLowerCase() : value;

function finish(score: Omit<FieldScore, 'precision' | 'recall' | 'f1'>): FieldScore {
  const precision = score.truePositives + score.falsePositives === 0 ? 1 : score.truePositives / (score.truePositives + score.falsePositives);
  const recall = score.truePositives + score.falseNegatives === 0 ? 1 : score.truePositives / (score.truePositives + score.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...score, precision, recall, f1 };
}

/** Scores an extractor on extraction examples. */
export async function scoreExtraction(
  examples: readonly ExtractionExample[],
  extract: (example: ExtractionExample) => Promise<ExtractedFacts>,
): Promise<ExtractionReport> {
  const counts: Record<string, { truePositives: number; falsePositives: number; falseNegatives: number }> = {};
  const mismatches: ExtractionReport['mismatches'] = [];
  for (const example of examples) {
    const actual = (await extract(example)) as Record<string, unknown>;
    const fields = new Set([...Object.keys(example.expected), ...Object.keys(actual)]);
    for (const field of fields) {
      const expected = example.expected[field];
      const got = actual[field];
      const count = (counts[field] ??= { truePositives: 0, falsePositives: 0, falseNegatives: 0 });
      const expectedItems = (Array.isArray(expected) ? expected : expected === undefined ? [] : [expected]).map(normalizeValue);
      const gotItems = (Array.isArray(got) ? got : got === undefined ? [] : [got]).map(normalizeValue);
      const hits = gotItems.filter((item) => expectedItems.includes(item)).length;
      count.truePositives += hits;
      count.falsePositives += gotItems.length - hits;
      count.falseNegatives += expectedItems.length - hits;
      if (hits !== gotItems.length || hits !== expectedItems.length) {
        mismatches.push({ id: example.id, text: example.text, field, expected, actual: got });
      }
    }
  }
  const fields = Object.fromEntries(Object.entries(counts).map(([field, count]) => [field, finish(count)]));
  const micro = finish(
    Object.values(counts).reduce(
      (sum, count) => ({
        truePositives: sum.truePositives + count.truePositives,
        falsePositives: sum.falsePositives + count.falsePositives,
        falseNegatives: sum.falseNegatives + count.falseNegatives,
      }),
      { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
    ),
  );
  return { total: examples.length, fields, micro, mismatches };
}
