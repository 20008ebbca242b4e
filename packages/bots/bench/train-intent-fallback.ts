/**
 * Trains the lexical fallback of the intent decoder (naive Bayes over content words) on the TUNE split of
 * `test/corpus/intent.json` — never on the held-out split — and writes `src/intent/lexical-model.json`.
 *
 *   pnpm tsx packages/bots/bench/train-intent-fallback.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentWords, type LexicalModel } from '../src/intent/lexical-fallback';
import { normalizeText } from '../src/market/normalize-text';
import { loadIntentCorpus } from '../test/corpus/corpus-metrics';

const classes = ['buyer', 'seller', 'both', 'browsing', 'unknown'];
const trained: LexicalModel = { classes, documents: classes.map(() => 0), totals: classes.map(() => 0), words: {} };
const tune = loadIntentCorpus().filter((example) => example.split === 'tune');
for (const example of tune) {
  const index = classes.indexOf(example.intent);
  trained.documents[index] = (trained.documents[index] ?? 0) + 1;
  for (const word of contentWords(normalizeText(example.text))) {
    const counts = (trained.words[word] ??= classes.map(() => 0));
    counts[index] = (counts[index] ?? 0) + 1;
    trained.totals[index] = (trained.totals[index] ?? 0) + 1;
  }
}
const sorted = Object.fromEntries(Object.entries(trained.words).sort(([a], [b]) => a.localeCompare(b)));
const file = fileURLToPath(new URL('../src/intent/lexical-model.json', import.meta.url));
writeFileSync(file, `${JSON.stringify({ ...trained, words: sorted })}\n`);
console.log(`trained on ${tune.length} tune messages, ${Object.keys(sorted).length} words → ${file}`);
