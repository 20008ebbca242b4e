/**
 * The simulator CLI: argument parsing and the four modes (one message, interactive, scenario file, `--leads N`).
 * `src/simulate.ts` runs it on the process; tests call {@link runSimulator} with their own streams.
 */
import { randomUUID } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { AdminClient } from './admin-client';
import { loadCredentials } from './credentials';
import { SimulatorError } from './errors';
import { formatProgress, formatSummary, formatTurn } from './format';
import { runLeads, type LoadSummary } from './load';
import { ReplyWatcher, sendTurn, type TurnResult } from './replies';
import { loadScenario } from './scenario';
import type { ConversationView } from './views';

/** Where the CLI writes and reads. */
export interface SimulatorIo {
  /** Results (one line each). */
  out: (line: string) => void;
  /** Progress and notices. */
  err: { write(chunk: string): unknown; isTTY?: boolean };
  /** Input of the interactive mode. */
  input?: Readable;
  env?: Record<string, string | undefined>;
  /** Base directory of relative `--scenario` paths. */
  cwd?: string;
}

/** What a run produced (for tests). */
export interface SimulatorRun {
  turns: TurnResult[];
  summary?: LoadSummary;
}

export const USAGE = `Usage: ./dev simulate [options] ["message"]
Sends correctly signed GHL InboundMessage webhooks to a running server and prints the bot's replies and decisions.

  ./dev simulate "I want to buy a 3 bed in Round Rock under 450k"   one message from a new lead
  ./dev simulate                                                   interactive (type messages; /new, /quit)
  ./dev simulate --scenario file.json                              messages from a file (several contacts)
  ./dev simulate --leads 20                                        20 concurrent generated conversations

Options:
  --url <url>          server base URL (default http://localhost:$PORT or :3000)
  --data-dir <dir>     the server's DATA_DIR holding secrets.json (default $DATA_DIR or .data)
  --admin-key <key>    admin API key for reading replies (default from secrets.json, or $ADMIN_API_KEY)
  --location <id>      GHL location id of the tenant (default demo-location)
  --contact <id>       contact id (default: a new sim-… id)
  --timeout <seconds>  wait this long for each reply (default 30)
  --concurrency <n>    with --leads: conversations in flight (default all)
  --seed <n>           with --leads: repeatable generated conversations
  -h, --help           this help`;

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new SimulatorError(`${name} needs a positive whole number, got "${value}"`);
  }
  return parsed;
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        'data-dir': { type: 'string' },
        'admin-key': { type: 'string' },
        location: { type: 'string' },
        contact: { type: 'string' },
        scenario: { type: 'string' },
        leads: { type: 'string' },
        concurrency: { type: 'string' },
        seed: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new SimulatorError(`${(error as Error).message}\n${USAGE}`);
  }
}

/** Runs the simulator with `argv` (without `node simulate.js`). */
export async function runSimulator(
  argv: readonly string[],
  io: SimulatorIo,
): Promise<SimulatorRun> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    io.out(USAGE);
    return { turns: [] };
  }
  const env = io.env ?? process.env;
  const baseUrl = values.url ?? `http://localhost:${env['PORT'] ?? '3000'}`;
  const leads = positiveInt(values.leads, '--leads');
  const timeoutMs = (positiveInt(values.timeout, '--timeout') ?? 30) * 1000;
  const locationId = values.location ?? 'demo-location';
  const adminKey = values['admin-key'] ?? env['ADMIN_API_KEY'];
  const credentials = await loadCredentials({
    dataDir: values['data-dir'] ?? env['DATA_DIR'] ?? '.data',
    ...(adminKey ? { adminApiKey: adminKey } : {}),
  });
  const client = new AdminClient({ baseUrl, apiKey: credentials.adminApiKey });
  const tenantId = await resolveTenant(client, locationId);
  const base = { client, privateKeyPem: credentials.privateKeyPem, locationId };

  if (leads !== undefined) {
    const concurrency = positiveInt(values.concurrency, '--concurrency');
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    const tty = io.err.isTTY === true;
    let lastLine = 0;
    const summary = await runLeads({
      ...base,
      ...(tenantId ? { tenantId } : {}),
      count: leads,
      ...(concurrency ? { concurrency } : {}),
      ...(seed !== undefined && Number.isFinite(seed) ? { seed } : {}),
      replyTimeoutMs: timeoutMs,
      onProgress: (progress) => {
        if (tty) io.err.write(`\r${formatProgress(progress)}`);
        else if (Date.now() - lastLine > 1000 || progress.leadsDone === progress.leads) {
          lastLine = Date.now();
          io.err.write(`${formatProgress(progress)}\n`);
        }
      },
    });
    if (tty) io.err.write('\n');
    for (const line of formatSummary(summary)) io.out(line);
    return { turns: [], summary };
  }

  const turns: TurnResult[] = [];
  const contactFor = new Map<string, string>();
  const newContact = () => `sim-${randomUUID().slice(0, 8)}`;
  const contactOf = (label: string) => {
    const existing = contactFor.get(label);
    if (existing) return existing;
    const id = label === 'lead' && values.contact ? values.contact : newContact();
    contactFor.set(label, id);
    return id;
  };
  const say = async (contactId: string, text: string) => {
    const scope = tenantId ? { tenantId } : {};
    const watcher = new ReplyWatcher({ client, contactId, ...scope });
    const before = new Set(
      (await client.outbox({ ...scope, contactId, limit: 1000 })).map((item) => item.id),
    );
    watcher.start();
    try {
      const turn = await sendTurn({ ...base, watcher, contactId, text, timeoutMs });
      let conversation: ConversationView | undefined;
      if (turn.webhook.status === 'accepted') {
        conversation = await client.conversation({ contactId, ...scope });
        const outbox = await client.outbox({ ...scope, contactId, limit: 1000 });
        turn.actions = outbox.filter((item) => !before.has(item.id));
      }
      for (const line of formatTurn(turn, conversation)) io.out(line);
      turns.push(turn);
    } finally {
      await watcher.stop();
    }
  };

  if (values.scenario) {
    const cwd = io.cwd ?? env['INIT_CWD'] ?? process.cwd();
    const path = isAbsolute(values.scenario) ? values.scenario : resolve(cwd, values.scenario);
    for (const step of await loadScenario(path)) {
      if (step.pauseMs > 0) await new Promise((done) => setTimeout(done, step.pauseMs));
      await say(contactOf(step.contact), step.text);
    }
    return { turns };
  }
  if (positionals.length > 0) {
    await say(contactOf('lead'), positionals.join(' '));
    io.err.write(`(continue this conversation with --contact ${contactOf('lead')})\n`);
    return { turns };
  }
  await interactive({ io, say, contact: contactOf('lead'), newContact });
  return { turns };
}

async function resolveTenant(client: AdminClient, locationId: string): Promise<string | undefined> {
  const health = await fetch(`${client.baseUrl}/health`).catch(() => undefined);
  if (!health) {
    throw new SimulatorError(
      `no server answers at ${client.baseUrl}: start it with ./dev start (or pass --url)`,
    );
  }
  await health.body?.cancel();
  const tenantId = await client.tenantIdForLocation(locationId).catch((error: unknown) => {
    if (error instanceof SimulatorError && /refused the key/.test(error.message)) throw error;
    return undefined;
  });
  return tenantId ?? (locationId === 'demo-location' ? 'demo' : undefined);
}

async function interactive(options: {
  io: SimulatorIo;
  say: (contactId: string, text: string) => Promise<void>;
  contact: string;
  newContact: () => string;
}): Promise<void> {
  const { io } = options;
  let contact = options.contact;
  const rl = createInterface({
    input: io.input ?? process.stdin,
    output: io.err as NodeJS.WritableStream,
    terminal: io.err.isTTY === true,
  });
  io.err.write(
    `Interactive simulator: you are lead ${contact}. Type a message; /new for a new lead, /quit to leave.\n`,
  );
  // The async iterator buffers lines typed (or piped) while a reply is awaited.
  const prompt = () => io.err.write('you> ');
  try {
    prompt();
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === '/quit' || line === '/exit') return;
      if (line === '/new') {
        contact = options.newContact();
        io.err.write(`new lead ${contact}\n`);
      } else if (line !== '') {
        await options.say(contact, line);
      }
      prompt();
    }
  } finally {
    rl.close();
  }
}
