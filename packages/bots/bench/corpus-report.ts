/**
 * Prints the rules engine's scores on the labelled corpus: intent accuracy per class and field-level F1 per fact, for
 * the tune split and the held-out split (never tuned on), plus the calibration error of the intent confidence.
 *
 *   pnpm tsx packages/bots/bench/corpus-report.ts            # tables
 *   pnpm tsx packages/bots/bench/corpus-report.ts --mistakes # also list tune-split mistakes (never held-out ones)
 *   pnpm tsx packages/bots/bench/corpus-report.ts --fit      # refit the Platt map on the tune split (optimistic)
 */
import { ManualClock } from '@enterprisehub/core/testing';
import { createFactExtractor, createIntentDecoder, decodeIntentWithRules } from '../src/index';
import { loadExtractionCorpus, loadIntentCorpus, scoreExtraction, scoreIntent, type CorpusSplit } from '../test/corpus/corpus-metrics';

const args = new Set(process.argv.slice(2));
const splits: CorpusSplit[] = ['tune', 'holdout'];
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;

const intentCorpus = loadIntentCorpus();
const decoder = createIntentDecoder();
const intentRows: Record<string, Record<string, string>> = {};
for (const split of splits) {
  const examples = intentCorpus.filter((example) => example.split === split);
  const report = await scoreIntent(examples, (example) =>
    decoder.decode(example.text, example.history === undefined ? {} : { history: example.history }),
  );
  for (const [intent, entry] of Object.entries(report.perClass)) {
    (intentRows[intent] ??= {})[split] = `${percent(entry.accuracy)} (${entry.correct}/${entry.total})`;
  }
  (intentRows['ALL'] ??= {})[split] = `${percent(report.accuracy)} (${report.total})`;
  (intentRows['calibration error'] ??= {})[split] = report.calibrationError.toFixed(3);
  if (split === 'tune' && args.has('--mistakes')) {
    for (const mistake of report.mistakes) console.log(`intent ${mistake.expected} → ${mistake.actual}: ${mistake.text}`);
  }
}
console.log('\nIntent accuracy per class (rules engine)');
console.table(intentRows);

const extraction = loadExtractionCorpus();
const extractor = createFactExtractor({ clock: new ManualClock(extraction.now), timeZone: extraction.timeZone });
const fieldRows: Record<string, Record<string, string>> = {};
for (const split of splits) {
  const examples = extraction.messages.filter((example) => example.split === split);
  const report = await scoreExtraction(examples, (example) =>
    extractor.extract(example.text, example.history === undefined ? {} : { history: example.history }),
  );
  for (const [field, score] of Object.entries(report.fields)) {
    const support = score.truePositives + score.falseNegatives;
    (fieldRows[field] ??= {})[split] = `${score.f1.toFixed(3)} (n=${support})`;
  }
  (fieldRows['MICRO F1'] ??= {})[split] = `${report.micro.f1.toFixed(3)} (${report.total} messages)`;
  if (split === 'tune' && args.has('--mistakes')) {
    for (const miss of report.mismatches) {
      console.log(`facts ${miss.field}: expected ${JSON.stringify(miss.expected)} got ${JSON.stringify(miss.actual)} — ${miss.text}`);
    }
  }
}
console.log('\nField-level F1 per fact (rules engine)');
console.table(fieldRows);

if (args.has('--fit')) {
  // Refits the Platt map on the tune split with the current rules. The tune split is (nearly) separable for the rules
  // tuned on it, so this is optimistic; the published INTENT_CALIBRATION was fitted on pre-tuning revisions instead
  // (see its doc comment). A prior keeps the fit finite.
  const points = intentCorpus
    .filter((example) => example.split === 'tune')
    .map((example) => {
      const result = decodeIntentWithRules(example.text, example.history);
      return { margin: result.margin, correct: result.intent === example.intent ? 1 : 0 };
    });
  let slope = 0.6;
  let intercept = 1;
  const prior = { slope: 0.6, intercept: 1, weight: 0.05 };
  for (let step = 0; step < 5000; step += 1) {
    let gradSlope = prior.weight * (slope - prior.slope);
    let gradIntercept = prior.weight * (intercept - prior.intercept);
    for (const point of points) {
      const p = 1 / (1 + Math.exp(-(slope * point.margin + intercept)));
      gradSlope += ((p - point.correct) * point.margin) / points.length;
      gradIntercept += (p - point.correct) / points.length;
    }
    slope -= 0.5 * gradSlope;
    intercept -= 0.5 * gradIntercept;
  }
  console.log(`\nPlatt fit on ${points.length} tune messages (optimistic): slope ${slope.toFixed(3)}, intercept ${intercept.toFixed(3)}`);
}
