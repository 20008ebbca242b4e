/**
 * Rules-engine turn throughput and latency on the in-memory ports (no model, no network, one thread):
 *
 * 1. `handleInbound` end to end — dedupe, contact lock, intent, facts, handoff governor, score, bot turn, compliance
 *    guard, unit of work (state + audit + outbox), follow-up scheduling and events — over scripted buyer, seller and
 *    browsing conversations across many contacts.
 * 2. The compute of one turn without any port (decode, extract, merge, score, bot plan, compliance check).
 *
 * Prints turns per second and p50/p95/p99 latency (targets: ≥ 2,000 turns/s, p99 < 5 ms).
 *
 *   pnpm bench turn          (BENCH_CONTACTS=600 to change the load)
 */
import os from 'node:os';
import { createEventBus, DEMO_TENANT, TenantRegistry, type Clock } from '@enterprisehub/core';
import { createMemoryPorts, buildConversationState } from '@enterprisehub/core/testing';
import {
  createBotOrchestrator,
  createBuyerBot,
  createComplianceGuard,
  createDemoListingSource,
  createFactExtractor,
  createIntentDecoder,
  createTemplateRenderer,
  mergeFacts,
  scoreLead,
} from '../src/index';

const CONTACTS = Number(process.env['BENCH_CONTACTS'] ?? 600);
const START = Date.UTC(2026, 0, 6, 18);

/** A clock that moves one second per reading and never fires timers (nurture jobs stay pending, as in real life). */
function benchClock(): Clock {
  let now = START;
  return {
    now: () => (now += 1000),
    sleep: () => Promise.resolve(),
    setTimer: () => ({ cancel: () => undefined }),
  };
}

const SCRIPTS = [
  [
    'Hi, I want to buy a house in Cedar Park',
    'around 500k',
    'yes, pre-approved with Chase',
    '3 bedrooms',
    'a garage would be nice',
    'in the next 2 months',
    '2',
    'the first one',
  ],
  [
    "What's my house worth? Thinking of selling",
    '1803 Brushy Creek Rd, Cedar Park',
    '3 bed, about 1,800 sq ft',
    'needs some work',
    'within 3 months',
    'relocating for a job',
    'hoping for 480k',
    '1',
  ],
  ['just curious about the market', 'round rock maybe', 'not sure, maybe next year', 'ok'],
];

function report(label: string, latencies: number[], elapsedMs: number): void {
  latencies.sort((a, b) => a - b);
  const at = (q: number): string =>
    (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(3);
  console.log(
    `${label.padEnd(34)} ${Math.round((latencies.length / elapsedMs) * 1000)
      .toString()
      .padStart(
        7,
      )} turns/s   p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  p99 ${at(0.99)} ms  (${latencies.length} turns)`,
  );
}

async function orchestratorTurns(label: string, options: { nurture: boolean }): Promise<void> {
  const clock = benchClock();
  const memory = createMemoryPorts({ clock });
  const bots = createBotOrchestrator({
    ports: {
      ...memory,
      limiter: memory.rateLimiter,
      queue: memory.jobs,
      scheduler: memory.jobs,
      events: createEventBus(),
      listings: createDemoListingSource({ now: START }),
    },
    tenants: TenantRegistry.demo(),
    options: { nurture: options.nurture },
  });
  let message = 0;
  const run = async (contactId: string, script: readonly string[]): Promise<number[]> => {
    const latencies: number[] = [];
    for (const body of script) {
      const before = performance.now();
      await bots.handleInbound({
        tenantId: DEMO_TENANT.id,
        contactId,
        messageId: `m${(message += 1)}`,
        channel: 'SMS',
        body,
        receivedAt: clock.now(),
      });
      latencies.push(performance.now() - before);
    }
    return latencies;
  };
  for (let index = 0; index < 30; index += 1)
    await run(`warm-${index}`, SCRIPTS[index % SCRIPTS.length] ?? []);
  const latencies: number[] = [];
  const started = performance.now();
  for (let index = 0; index < CONTACTS; index += 1)
    latencies.push(...(await run(`contact-${index}`, SCRIPTS[index % SCRIPTS.length] ?? [])));
  report(label, latencies, performance.now() - started);
}

async function computeOnly(): Promise<void> {
  const decoder = createIntentDecoder();
  const extractor = createFactExtractor();
  const guard = createComplianceGuard();
  const buyer = createBuyerBot();
  const texts = SCRIPTS.flat();
  const latencies: number[] = [];
  const turn = async (index: number): Promise<void> => {
    const text = texts[index % texts.length] ?? '';
    const state = buildConversationState({
      tenantId: DEMO_TENANT.id,
      contactId: `c${index}`,
      activeBot: 'buyer',
      stage: 'qualifying',
    });
    const intent = await decoder.decode(text);
    const extraction = await extractor.extractWithProvenance(text, { intent: intent.intent });
    state.facts = mergeFacts(state.facts, extraction.facts, { confidence: extraction.confidence });
    scoreLead({ facts: state.facts, market: DEMO_TENANT.market });
    const plan = await buyer.turn({
      tenant: DEMO_TENANT,
      state,
      text,
      channel: 'SMS',
      intent,
      changedFacts: Object.keys(state.facts),
      now: START,
      templates: createTemplateRenderer({ tenant: DEMO_TENANT, contactId: state.contactId }),
    });
    await guard.check({ text: plan.reply, now: START, contact: { id: state.contactId } });
  };
  for (let index = 0; index < 500; index += 1) await turn(index);
  const started = performance.now();
  for (let index = 0; index < CONTACTS * 6; index += 1) {
    const before = performance.now();
    await turn(index);
    latencies.push(performance.now() - before);
  }
  report('turn compute only (no ports)', latencies, performance.now() - started);
}

console.log(
  `bot turns, ${CONTACTS} conversations (load average ${os.loadavg()[0]?.toFixed(1)}, ${os.cpus().length} cpus)`,
);
await orchestratorTurns('handleInbound (memory ports)', { nurture: true });
await orchestratorTurns('handleInbound, no nurture jobs', { nurture: false });
await computeOnly();
