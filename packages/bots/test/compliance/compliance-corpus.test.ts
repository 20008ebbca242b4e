import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { createComplianceGuard } from '@enterprisehub/bots';

const corpusSchema = z.array(
  z.object({ text: z.string().min(1), expected: z.enum(['allow', 'rewrite', 'block']) }),
);
type Corpus = z.infer<typeof corpusSchema>;
const load = (file: string): Corpus =>
  corpusSchema.parse(
    JSON.parse(readFileSync(new URL(`../corpus/${file}`, import.meta.url), 'utf8')),
  );

/**
 * `compliance.json` is the main labelled set (236 texts); the two hold-out files were written later and scored
 * once before any rule was changed for them (first-run figures are in docs/bots.md), then used to widen the rules.
 */
const CORPORA = ['compliance.json', 'compliance-holdout.json', 'compliance-holdout-2.json'];
/** Noon in Austin, so quiet hours never interfere with the content labels. */
const NOON_AUSTIN = Date.UTC(2026, 0, 6, 18, 0);
const guard = createComplianceGuard();
const flagged = (kind: string): boolean => kind !== 'allow';

async function score(corpus: Corpus) {
  const outcomes = await Promise.all(
    corpus.map(async (row) => ({
      ...row,
      actual: (await guard.check({ text: row.text, now: NOON_AUSTIN })).kind,
    })),
  );
  const truePositives = outcomes.filter(
    (row) => flagged(row.expected) && flagged(row.actual),
  ).length;
  const falsePositives = outcomes.filter((row) => !flagged(row.expected) && flagged(row.actual));
  const falseNegatives = outcomes.filter((row) => flagged(row.expected) && !flagged(row.actual));
  return {
    outcomes,
    falsePositives,
    falseNegatives,
    precision: truePositives / (truePositives + falsePositives.length),
    recall: truePositives / (truePositives + falseNegatives.length),
    exact: outcomes.filter((row) => row.expected === row.actual).length / outcomes.length,
  };
}

describe('compliance corpus', () => {
  it('has at least 150 labelled texts in the main set, at least 40 of every label', () => {
    const corpus = load('compliance.json');
    expect(corpus.length).toBeGreaterThanOrEqual(150);
    for (const label of ['allow', 'rewrite', 'block'] as const) {
      expect(corpus.filter((row) => row.expected === label).length).toBeGreaterThanOrEqual(40);
    }
  });
});

describe.each(CORPORA)('compliance guard on %s', (file) => {
  const result = score(load(file));

  it('keeps precision of flagging (rewrite or block) at or above 0.97', async () => {
    const { precision, falsePositives } = await result;
    expect(precision, falsePositives.map((row) => row.text).join('\n')).toBeGreaterThanOrEqual(
      0.97,
    );
  });

  it('keeps recall of flagging at or above 0.95', async () => {
    const { recall, falseNegatives } = await result;
    expect(recall, falseNegatives.map((row) => row.text).join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('chooses the labelled action (allow, rewrite or block) for at least 95% of texts', async () => {
    expect((await result).exact).toBeGreaterThanOrEqual(0.95);
  });

  it('never blocks a text labelled allow and never lets a text labelled block through', async () => {
    const { outcomes } = await result;
    expect(outcomes.filter((row) => row.expected === 'allow' && row.actual === 'block')).toEqual(
      [],
    );
    expect(outcomes.filter((row) => row.expected === 'block' && row.actual === 'allow')).toEqual(
      [],
    );
  });
});
