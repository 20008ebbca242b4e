import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseWebhookEvent } from '@enterprisehub/ghl';
import { buildWebhookEvent } from '@enterprisehub/ghl/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSimulator, type SimulatorIo } from '../src/simulator/cli';
import { loadCredentials } from '../src/simulator/credentials';
import { SimulatorError } from '../src/simulator/errors';
import { generateLeads } from '../src/simulator/leads';
import { percentile } from '../src/simulator/load';
import { parseScenario } from '../src/simulator/scenario';
import { buildInboundMessage, signWebhook } from '../src/simulator/webhook';
import { startEmbeddedServer, type EmbeddedServer } from './support/embedded-server';

let server: EmbeddedServer;

beforeAll(async () => {
  server = await startEmbeddedServer();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

const post = (rawBody: string, headers: Record<string, string>) =>
  fetch(`${server.baseUrl}/webhooks/ghl`, { method: 'POST', body: rawBody, headers });

const waitFor = async <T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> => {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** The bot's first outbound message to a contact, from the conversation store (deferred sends included). */
const botReply = (contactId: string) =>
  waitFor(async () => {
    const state = await server.runtime.stores.conversations.get({ tenantId: 'demo', contactId });
    return state?.messages.find((message) => message.direction === 'outbound');
  });

function captureIo(): SimulatorIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    out: (line) => lines.push(line),
    err: { write: (chunk: string) => errors.push(chunk), isTTY: false },
    env: {},
  };
}

describe('simulator webhooks', () => {
  it('builds the official InboundMessage shape, which the GHL parser reads as a message from the contact', () => {
    const official = buildWebhookEvent('InboundMessage');
    const ours = buildInboundMessage({
      locationId: 'demo-location',
      contactId: 'c-1',
      body: 'Hi there',
    });
    for (const key of Object.keys(official)) expect(ours).toHaveProperty(key);
    const event = parseWebhookEvent(ours);
    expect(event).toMatchObject({
      type: 'InboundMessage',
      locationId: 'demo-location',
      contactId: 'c-1',
      body: 'Hi there',
      channel: 'SMS',
      fromContact: true,
    });
  });

  it('signs with the DATA_DIR simulator key; the embedded server verifies it and the bots reply', async () => {
    const credentials = await loadCredentials({ dataDir: server.dataDir });
    const contactId = 'sim-sign-1';
    const event = buildInboundMessage({
      locationId: 'demo-location',
      contactId,
      body: 'I want to buy a 3 bed in Round Rock under 450k',
    });
    const signed = signWebhook(event, credentials.privateKeyPem);
    const response = await post(signed.rawBody, signed.headers);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'accepted' });
    const reply = await botReply(contactId);
    expect(reply.body.length).toBeGreaterThan(0);
    const actions = await server.runtime.stores.outbox.list({ tenantId: 'demo', contactId });
    expect(actions.length).toBeGreaterThan(0);
  });

  it('is refused (401) when signed by a key the server does not trust, or when the body is altered', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const event = buildInboundMessage({
      locationId: 'demo-location',
      contactId: 'sim-x',
      body: 'hello',
    });
    const foreign = signWebhook(event, privateKey);
    expect((await post(foreign.rawBody, foreign.headers)).status).toBe(401);
    const good = signWebhook(event, server.secrets.simulator.privateKeyPem);
    expect((await post(good.rawBody.replace('hello', 'hellO'), good.headers)).status).toBe(401);
  });
});

describe('simulator CLI', () => {
  it('explains a missing key file', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'eh-sim-empty-'));
    try {
      await expect(runSimulator(['--data-dir', empty, 'hi'], captureIo())).rejects.toThrow(
        /no simulator key at .*secrets\.json: start the server in embedded mode first/,
      );
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('explains when no server is running', async () => {
    const io = captureIo();
    const error = await runSimulator(
      ['--url', 'http://127.0.0.1:9', '--data-dir', server.dataDir, 'hi'],
      io,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SimulatorError);
    expect((error as Error).message).toMatch(
      /no server answers at http:\/\/127\.0\.0\.1:9.*\.\/dev start/,
    );
  });

  it('rejects bad options with the usage text', async () => {
    await expect(runSimulator(['--leads', 'many'], captureIo())).rejects.toThrow(
      /--leads needs a positive whole number/,
    );
    await expect(runSimulator(['--bogus'], captureIo())).rejects.toThrow(/Usage: \.\/dev simulate/);
  });

  it('sends one message and prints the bot reply and decisions read back through the admin API', async () => {
    const io = captureIo();
    const run = await runSimulator(
      [
        '--url',
        server.baseUrl,
        '--data-dir',
        server.dataDir,
        'I want to buy a 3 bed in Round Rock under 450k',
      ],
      io,
    );
    expect(run.turns).toHaveLength(1);
    const turn = run.turns[0];
    expect(turn?.webhook.status).toBe('accepted');
    const reply = await botReply(turn?.contactId ?? '');
    expect(turn?.reply?.text).toBe(reply.body);
    const output = io.lines.join('\n');
    expect(output).toContain(`← `);
    expect(output).toContain(turn?.reply?.text ?? 'missing');
    expect(output).toMatch(/CRM actions: .*addTags/);
    expect(output).toMatch(/decisions: stage \w+/);
    expect(io.errors.join('')).toContain(`--contact ${turn?.contactId}`);
  });

  it('interactive mode reads lines (also piped ones typed ahead) and /new starts another lead', async () => {
    const io = captureIo();
    const input = Readable.from([
      'Thinking about selling my house in Cedar Park\n',
      '/new\n',
      'I want to buy in Mueller under 600k\n',
      '/quit\n',
    ]);
    const run = await runSimulator(['--url', server.baseUrl, '--data-dir', server.dataDir], {
      ...io,
      input,
    });
    expect(run.turns).toHaveLength(2);
    expect(run.turns[0]?.contactId).not.toBe(run.turns[1]?.contactId);
    expect(run.turns.every((turn) => turn.reply !== undefined)).toBe(true);
    expect(io.lines.join('\n')).toMatch(/← seller bot[\s\S]*← buyer bot/);
  });

  it('runs a scenario file with several contacts, continuing each conversation', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'eh-scenario-'));
    const file = join(dir, 'scenario.json');
    await writeFile(
      file,
      JSON.stringify({
        messages: [
          { contact: 'alice', text: 'I want to buy a 3 bed in Cedar Park under 500k' },
          { contact: 'bob', text: 'Thinking about selling my house in Pflugerville' },
          { contact: 'alice', text: "We're pre-approved and want to move in 2 months" },
        ],
      }),
    );
    try {
      const run = await runSimulator(
        ['--url', server.baseUrl, '--data-dir', server.dataDir, '--scenario', file],
        captureIo(),
      );
      const [first, second, third] = run.turns;
      expect(run.turns.every((turn) => turn.reply !== undefined)).toBe(true);
      expect(first?.contactId).toBe(third?.contactId);
      expect(first?.contactId).not.toBe(second?.contactId);
      const alice = await server.runtime.stores.conversations.get({
        tenantId: 'demo',
        contactId: first?.contactId ?? '',
      });
      expect(alice?.messages.filter((message) => message.direction === 'inbound')).toHaveLength(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('--leads N runs N conversations and its summary matches what the server stored', async () => {
    const io = captureIo();
    const run = await runSimulator(
      ['--url', server.baseUrl, '--data-dir', server.dataDir, '--leads', '6', '--seed', '7'],
      io,
    );
    const summary = run.summary;
    expect(summary).toBeDefined();
    if (!summary) return;
    expect(summary.leads).toBe(6);
    expect(summary.contactIds).toHaveLength(6);
    const expectedMessages = generateLeads(6, 7).reduce(
      (sum, lead) => sum + lead.messages.length,
      0,
    );
    expect(summary.messages).toBe(expectedMessages);
    let inbound = 0;
    let handoffs = 0;
    let repliedTurns = 0;
    for (const contactId of summary.contactIds) {
      const state = await server.runtime.stores.conversations.get({ tenantId: 'demo', contactId });
      inbound += state?.messages.filter((message) => message.direction === 'inbound').length ?? 0;
      handoffs += state?.handoffs.length ?? 0;
      repliedTurns +=
        state?.messages.filter((message) => message.direction === 'outbound').length ?? 0;
    }
    expect(summary.accepted).toBe(inbound);
    expect(summary.replies).toBe(summary.accepted - summary.noReply);
    expect(summary.replies).toBeLessThanOrEqual(repliedTurns);
    expect(summary.replies).toBeGreaterThan(0);
    expect(summary.handoffs?.successful).toBe(handoffs);
    expect(summary.handoffs?.total).toBe(
      (summary.handoffs?.successful ?? 0) + (summary.handoffs?.blocked ?? 0),
    );
    expect(summary.latencyMs.p95).toBeGreaterThan(0);
    expect(summary.latencyMs.p95).toBeLessThanOrEqual(summary.latencyMs.max);
    const output = io.lines.join('\n');
    expect(output).toContain('Simulated 6 leads');
    expect(output).toMatch(new RegExp(`replies: +${summary.replies}`));
    expect(output).toMatch(/webhook → reply: p50 .* p95 /);
    expect(io.errors.join('')).toMatch(/\[#+\] 6\/6 leads/);
  });
});

describe('simulator helpers', () => {
  it('generates repeatable, varied Austin conversations', () => {
    const leads = generateLeads(40, 3);
    expect(generateLeads(40, 3)).toEqual(leads);
    expect(new Set(leads.map((lead) => lead.kind))).toEqual(new Set(['buyer', 'seller', 'mixed']));
    expect(leads.every((lead) => lead.messages.length >= 2)).toBe(true);
    expect(new Set(leads.map((lead) => lead.messages[0])).size).toBeGreaterThan(30);
  });

  it('computes nearest-rank percentiles', () => {
    expect(percentile([], 95)).toBe(0);
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, index) => index + 1),
        95,
      ),
    ).toBe(95);
  });

  it('parses scenario files and explains invalid ones', () => {
    expect(parseScenario(['hi', { contact: 'b', text: 'yo' }])).toEqual([
      { contact: 'lead', text: 'hi', pauseMs: 0 },
      { contact: 'b', text: 'yo', pauseMs: 0 },
    ]);
    expect(() => parseScenario({ messages: [{ contact: 'a' }] }, 'x.json')).toThrow(
      /x\.json is not a valid scenario: .*expected \{ "messages"/,
    );
  });
});
