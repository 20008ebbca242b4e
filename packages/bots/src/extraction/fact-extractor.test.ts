import { EnterpriseHubError } from '@enterprisehub/core';
import { ManualClock, ScriptedLlmClient } from '@enterprisehub/core/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractedFactsSchema } from './extracted-facts';
import { createFactExtractor } from './fact-extractor';

const clock = new ManualClock(Date.parse('2026-01-15T18:00:00Z'));
const timeout = new EnterpriseHubError({ code: 'LLM_TIMEOUT', message: 'The model call timed out.', retryable: true });

describe('createFactExtractor (rules only)', () => {
  it('extracts plain values with the default demo market and the injected clock', async () => {
    const extractor = createFactExtractor({ clock });
    await expect(extractor.extract('pre-approved for $550k, 3/2 in round rok by August')).resolves.toEqual({
      budgetMax: 550_000,
      preApproved: true,
      bedrooms: 3,
      bathrooms: 2,
      areas: ['Round Rock'],
      timelineMonths: 7,
    });
  });

  it('reads calendar phrases in UTC by default and in the tenant time zone when given', async () => {
    const newYear = new ManualClock(Date.UTC(2026, 0, 1));
    await expect(createFactExtractor({ clock: newYear }).extract('by August')).resolves.toEqual({ timelineMonths: 7 });
    const chicago = createFactExtractor({ clock: newYear, timeZone: 'America/Chicago' });
    await expect(chicago.extract('by August')).resolves.toEqual({ timelineMonths: 8 });
  });

  it('reads short answers against the previous bot question', async () => {
    const extractor = createFactExtractor({ clock });
    const history = [{ direction: 'outbound' as const, body: "What's your budget?" }];
    await expect(extractor.extract('600', { history })).resolves.toEqual({ budgetMax: 600_000 });
  });

  it('reports per-field confidence and the rules mode', async () => {
    const extractor = createFactExtractor({ clock });
    const result = await extractor.extractWithProvenance('call me at 512-555-0199, pre-qualified');
    expect(result.mode).toBe('rules');
    expect(result.confidence.phone).toBeGreaterThan(0.95);
    expect(result.confidence.preApproved).toBeLessThan(0.7);
  });

  it('never throws and always returns schema-valid facts for arbitrary text', async () => {
    const extractor = createFactExtractor({ clock });
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const facts = await extractor.extract(text);
        expect(extractedFactsSchema.safeParse(facts).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('createFactExtractor (LLM mode)', () => {
  it('asks the model with the lead_facts schema, a cached prompt and the tenant, then reconciles with the rules', async () => {
    const llm = new ScriptedLlmClient().replyJson({ budgetMax: 600_000, motivation: 'relocation', areas: ['westlake'] });
    const extractor = createFactExtractor({ clock, llm, tenantId: 'tenant-a' });
    const facts = await extractor.extract("We're moving here for a new job, budget 600k, westlake, 4 bed");
    expect(facts).toEqual({ budgetMax: 600_000, motivation: 'relocation', areas: ['West Lake Hills'], bedrooms: 4 });
    const [request] = llm.calls;
    expect(request?.tenantId).toBe('tenant-a');
    expect(request?.schemaName).toBe('lead_facts');
    expect(Array.isArray(request?.system) && request.system[0]?.cache).toBe('1h');
    expect(request?.metadata?.operation).toBe('facts.extract');
    llm.assertDone();
  });

  it('drops model values the text does not support and lets the rules correct deterministic fields', async () => {
    const llm = new ScriptedLlmClient().replyJson({
      budgetMax: 750_000,
      bedrooms: 4,
      phone: '+15125550000',
      areas: ['Seattle'],
      propertyCondition: 'needs_work',
    });
    const extractor = createFactExtractor({ clock, llm });
    const result = await extractor.extractWithProvenance('3 bed, under 450k, call 512-555-0199. kitchen is dated');
    expect(result.facts).toEqual({
      budgetMax: 450_000,
      bedrooms: 3,
      phone: '+15125550199',
      propertyCondition: 'needs_work',
    });
    expect(result.rejectedModelFields).toEqual(expect.arrayContaining(['budgetMax', 'bedrooms', 'phone', 'areas']));
    expect(result.mode).toBe('llm');
    expect(result.confidence.propertyCondition).toBeGreaterThanOrEqual(0.95);
  });

  it('falls back to the rules answer when the model fails, with the error code', async () => {
    const llm = new ScriptedLlmClient().fail(timeout).replyJson({ nonsense: true, bedrooms: 'three' });
    const extractor = createFactExtractor({ clock, llm });
    const first = await extractor.extractWithProvenance('3 bed in hutto');
    expect(first).toMatchObject({ mode: 'rules_fallback', errorCode: 'LLM_TIMEOUT', facts: { bedrooms: 3, areas: ['Hutto'] } });
    const second = await extractor.extractWithProvenance('3 bed in hutto');
    expect(second).toMatchObject({ mode: 'rules_fallback', errorCode: 'LLM_BAD_OUTPUT' });
    llm.assertDone();
  });

  it('rejects instead of falling back when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError' });
    const extractor = createFactExtractor({ clock, llm: new ScriptedLlmClient().fail(abort) });
    await expect(extractor.extract('3 bed', { signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
