import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '@enterprisehub/core/testing';
import { describe, expect, it } from 'vitest';
import { createFactExtractor, createIntentDecoder, INTENTS } from '../../src/index';
import {
  loadExtractionCorpus,
  loadIntentCorpus,
  scoreExtraction,
  scoreIntent,
  type CorpusSplit,
  type ExtractionReport,
  type IntentReport,
} from './corpus-metrics';

const intentCorpus = loadIntentCorpus();
const extractionCorpus = loadExtractionCorpus();
const decoder = createIntentDecoder();
const extractor = createFactExtractor({
  clock: new ManualClock(extractionCorpus.now),
  timeZone: extractionCorpus.timeZone,
});

const intentReports = new Map<CorpusSplit, IntentReport>();
const extractionReports = new Map<CorpusSplit, ExtractionReport>();

async function intentReport(split: CorpusSplit): Promise<IntentReport> {
  const cached = intentReports.get(split);
  if (cached !== undefined) return cached;
  const examples = intentCorpus.filter((example) => example.split === split);
  const report = await scoreIntent(examples, (example) =>
    decoder.decode(example.text, example.history === undefined ? {} : { history: example.history }),
  );
  intentReports.set(split, report);
  return report;
}

async function extractionReport(split: CorpusSplit): Promise<ExtractionReport> {
  const cached = extractionReports.get(split);
  if (cached !== undefined) return cached;
  const examples = extractionCorpus.messages.filter((example) => example.split === split);
  const report = await scoreExtraction(examples, (example) =>
    extractor.extract(example.text, example.history === undefined ? {} : { history: example.history }),
  );
  extractionReports.set(split, report);
  return report;
}

describe('labelled corpus (rules engine only)', () => {
  it('has at least 250 labelled messages of each kind with a ~30% held-out split', () => {
    expect(intentCorpus.length).toBeGreaterThanOrEqual(250);
    expect(extractionCorpus.messages.length).toBeGreaterThanOrEqual(250);
    const heldOut = intentCorpus.filter((example) => example.split === 'holdout').length / intentCorpus.length;
    expect(heldOut).toBeGreaterThan(0.25);
    expect(heldOut).toBeLessThan(0.35);
    for (const intent of INTENTS) {
      expect(intentCorpus.filter((example) => example.intent === intent).length).toBeGreaterThanOrEqual(30);
    }
  });

  it.each(['tune', 'holdout'] as const)('decodes intent with at least 90 percent accuracy on the %s split', async (split) => {
    const report = await intentReport(split);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
    for (const [intent, entry] of Object.entries(report.perClass)) {
      expect({ intent, accuracy: entry.accuracy >= 0.8 }).toEqual({ intent, accuracy: true });
    }
  });

  it('keeps the confidence calibrated on the held-out split (expected calibration error < 0.15)', async () => {
    const report = await intentReport('holdout');
    expect(report.calibrationError).toBeLessThan(0.15);
  });

  it.each(['tune', 'holdout'] as const)('extracts facts with at least 90 percent micro F1 on the %s split', async (split) => {
    const report = await extractionReport(split);
    expect(report.micro.f1).toBeGreaterThanOrEqual(0.9);
    for (const [field, score] of Object.entries(report.fields)) {
      if (score.truePositives + score.falseNegatives < 3) continue;
      expect({ field, f1: score.f1 >= 0.8 }).toEqual({ field, f1: true });
    }
  });

  it('writes the per-class and per-field report to a file (no console output in tests)', async () => {
    const report = {
      intent: { tune: await intentReport('tune'), holdout: await intentReport('holdout') },
      extraction: { tune: await extractionReport('tune'), holdout: await extractionReport('holdout') },
    };
    const file = join(tmpdir(), 'enterprisehub-bots-corpus-report.json');
    writeFileSync(file, JSON.stringify(report, null, 2));
    expect(report.intent.holdout.total + report.intent.tune.total).toBe(intentCorpus.length);
  });
});
