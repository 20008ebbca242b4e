/**
 * Cache and PII crypto benchmarks (run with `pnpm bench cache`):
 * 1. TieredCache L1-hit `get` throughput as a ratio to raw lru-cache `get`, measured in the same run (target ≥ 0.5);
 * 2. loader calls for 1,000 concurrent cold `getOrSet` reads of one key (target 1);
 * 3. encrypt + decrypt of a contact's PII (phone, email, name) per second, plus blind indexes and redaction
 *    (including 50 KB strings built to make a careless regex backtrack).
 */
import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import {
  createKeyring,
  createTieredCache,
  decryptField,
  encryptField,
  redact,
  redactText,
  type TieredCache,
} from '@enterprisehub/core';

const KEYS = 1_000;
const SYNC_OPERATIONS = 2_000_000;
const AWAITED_OPERATIONS = 500_000;
const ROUNDS = 5;
const tenantId = 'tenant-bench';
const keys = Array.from({ length: KEYS }, (_, index) => `listing:${index}`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

type Mode = 'sync' | 'awaited';

function populatedLru(): LRUCache<string, { id: number }> {
  const lru = new LRUCache<string, { id: number }>({ max: 10_000 });
  keys.forEach((key, index) => lru.set(key, { id: index }));
  return lru;
}

async function populatedTiered(): Promise<TieredCache> {
  const cache = createTieredCache({ l1: { maxEntries: 10_000 } });
  for (const [index, key] of keys.entries()) await cache.set({ tenantId, key, value: { id: index }, ttlMs: 3_600_000 });
  return cache;
}

/** Raw lru-cache hits per second, called synchronously or awaited like an async API. */
async function rawLru(mode: Mode, operations: number): Promise<number> {
  const lru = populatedLru();
  let found = 0;
  const started = performance.now();
  if (mode === 'sync') {
    for (let index = 0; index < operations; index += 1) if (lru.get(keys[index % KEYS] ?? '') !== undefined) found += 1;
  } else {
    for (let index = 0; index < operations; index += 1) {
      // eslint-disable-next-line @typescript-eslint/await-thenable -- deliberate: the await a caller of an async cache pays
      if ((await lru.get(keys[index % KEYS] ?? '')) !== undefined) found += 1;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (found !== operations) throw new Error('raw lru-cache missed');
  return operations / seconds;
}

/** TieredCache L1 hits per second: each awaited, or only issued (the synchronous call path; hits checked by stats). */
async function tiered(mode: Mode | 'issued', operations: number): Promise<number> {
  const cache = await populatedTiered();
  let found = 0;
  const started = performance.now();
  if (mode === 'issued') {
    let last: Promise<unknown> = Promise.resolve();
    for (let index = 0; index < operations; index += 1) last = cache.get({ tenantId, key: keys[index % KEYS] ?? '' });
    await last;
    found = cache.stats().l1.hits;
  } else {
    for (let index = 0; index < operations; index += 1) {
      if ((await cache.get({ tenantId, key: keys[index % KEYS] ?? '' })) !== undefined) found += 1;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (found !== operations) throw new Error('tiered cache missed');
  return operations / seconds;
}

async function singleFlightLoaderCalls(): Promise<number> {
  const cache = createTieredCache();
  let loads = 0;
  const load = async (): Promise<string> => {
    loads += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return 'value';
  };
  await Promise.all(Array.from({ length: 1_000 }, () => cache.getOrSet({ tenantId, key: 'cold', ttlMs: 60_000, load })));
  return loads;
}

function cryptoFigures(): { roundTripsPerSecond: number; indexesPerSecond: number; redactionsPerSecond: number; adversarialMs: number } {
  const keyring = createKeyring({ keys: [{ id: 'k1', key: randomBytes(32).toString('base64') }] });
  const contact = { firstName: 'Jane', lastName: 'Doe', phone: '+15125550123', email: 'jane.doe@example.com' };
  const fields = [contact.firstName, contact.lastName, contact.phone, contact.email];
  const contacts = 5_000;
  let started = performance.now();
  for (let index = 0; index < contacts; index += 1) {
    for (const field of fields) {
      if (decryptField(keyring, encryptField(keyring, field)) !== field) throw new Error('round trip failed');
    }
  }
  const roundTripsPerSecond = contacts / ((performance.now() - started) / 1000);
  started = performance.now();
  for (let index = 0; index < contacts; index += 1) {
    keyring.blindIndex({ kind: 'phone', value: contact.phone });
    keyring.blindIndex({ kind: 'email', value: contact.email });
  }
  const indexesPerSecond = contacts / ((performance.now() - started) / 1000);
  const logLine = { msg: 'bot replied', contact, body: 'Call me at (512) 555-0123 about the $450,000 home', durationMs: 412 };
  started = performance.now();
  for (let index = 0; index < contacts; index += 1) redact(logLine);
  const redactionsPerSecond = contacts / ((performance.now() - started) / 1000);
  const adversarial = ['a.'.repeat(25_000), 'a@'.repeat(25_000), randomBytes(37_500).toString('base64'), 'eyJaaaaa.'.repeat(5_000)];
  started = performance.now();
  for (const text of adversarial) redactText(text);
  const adversarialMs = (performance.now() - started) / adversarial.length;
  return { roundTripsPerSecond, indexesPerSecond, redactionsPerSecond, adversarialMs };
}

const samples = { rawSync: [] as number[], rawAwaited: [] as number[], tieredAwaited: [] as number[], tieredIssued: [] as number[] };
await rawLru('sync', SYNC_OPERATIONS); // warm-up
await tiered('awaited', AWAITED_OPERATIONS);
await tiered('issued', SYNC_OPERATIONS);
for (let round = 0; round < ROUNDS; round += 1) {
  samples.rawSync.push(await rawLru('sync', SYNC_OPERATIONS));
  samples.tieredIssued.push(await tiered('issued', SYNC_OPERATIONS));
  samples.rawAwaited.push(await rawLru('awaited', AWAITED_OPERATIONS));
  samples.tieredAwaited.push(await tiered('awaited', AWAITED_OPERATIONS));
}
const rawSync = median(samples.rawSync);
const rawAwaited = median(samples.rawAwaited);
const tieredAwaited = median(samples.tieredAwaited);
const tieredIssued = median(samples.tieredIssued);
const loaderCalls = await singleFlightLoaderCalls();
const crypto = cryptoFigures();

const format = (value: number): string => Math.round(value).toLocaleString('en-US');
const ratio = (value: number): string => value.toFixed(2);
console.table([
  { figure: 'raw lru-cache get, sync (hits/s)', value: format(rawSync), target: '' },
  { figure: 'raw lru-cache get, awaited (hits/s)', value: format(rawAwaited), target: '' },
  { figure: 'TieredCache L1-hit get, awaited (hits/s)', value: format(tieredAwaited), target: '' },
  { figure: 'TieredCache L1-hit get, issued without await (hits/s)', value: format(tieredIssued), target: '' },
  { figure: 'ratio: TieredCache / lru-cache, both awaited', value: ratio(tieredAwaited / rawAwaited), target: '≥ 0.5' },
  { figure: 'ratio: TieredCache call path / lru-cache sync', value: ratio(tieredIssued / rawSync), target: '≥ 0.5' },
  { figure: 'ratio: TieredCache awaited / lru-cache sync', value: ratio(tieredAwaited / rawSync), target: '(await-bound)' },
  { figure: 'loader calls for 1,000 concurrent cold reads', value: String(loaderCalls), target: '1' },
  { figure: 'contact PII encrypt+decrypt (4 fields, contacts/s)', value: format(crypto.roundTripsPerSecond), target: '' },
  { figure: 'contact blind indexes (phone+email, contacts/s)', value: format(crypto.indexesPerSecond), target: '' },
  { figure: 'redact() of a log line with a contact (lines/s)', value: format(crypto.redactionsPerSecond), target: '' },
  { figure: 'redactText() of a 50 KB adversarial string (ms, mean)', value: crypto.adversarialMs.toFixed(1), target: 'linear' },
]);
