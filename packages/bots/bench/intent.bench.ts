/**
 * Throughput and latency of the rules engine: intent decoding and fact extraction over the labelled corpus messages
 * (no model, one thread). Prints messages per second and p50/p99 latency per operation.
 *
 *   pnpm bench intent
 */
import os from 'node:os';
import { ManualClock } from '@enterprisehub/core/testing';
import { createFactExtractor, createIntentDecoder } from '../src/index';
import { loadExtractionCorpus, loadIntentCorpus } from '../test/corpus/corpus-metrics';

const messages = [
  ...loadIntentCorpus().map((example) => ({ text: example.text, history: example.history })),
  ...loadExtractionCorpus().messages.map((example) => ({ text: example.text, history: example.history })),
];
const decoder = createIntentDecoder();
const extractor = createFactExtractor({ clock: new ManualClock(Date.parse('2026-01-15T18:00:00Z')) });
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);

async function measure(label: string, run: (message: (typeof messages)[number]) => Promise<unknown>): Promise<void> {
  for (const message of messages.slice(0, 200)) await run(message);
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const message of messages) {
      const before = performance.now();
      await run(message);
      latencies.push(performance.now() - before);
    }
  }
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  latencies.sort((a, b) => a - b);
  const quantile = (q: number): string => (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(3);
  const perSecond = (ms: number): string => Math.round((latencies.length / ms) * 1000).toString().padStart(7);
  console.log(
    `${label.padEnd(18)} ${perSecond(elapsedMs)} msg/s wall  ${perSecond(cpuMs)} msg/s CPU   ` +
      `p50 ${quantile(0.5)} ms  p99 ${quantile(0.99)} ms  (${latencies.length} calls)`,
  );
}

const options = (message: (typeof messages)[number]) => (message.history === undefined ? {} : { history: message.history });
console.log(`rules engine on ${messages.length} corpus messages × ${ROUNDS} rounds (load average ${os.loadavg()[0]?.toFixed(1)})`);
console.log('wall-clock figures include other processes on a shared machine; CPU figures count this process only');
await measure('decode', (message) => decoder.decode(message.text, options(message)));
await measure('extract', (message) => extractor.extract(message.text, options(message)));
await measure('decode + extract', async (message) => {
  await decoder.decode(message.text, options(message));
  await extractor.extract(message.text, options(message));
});
