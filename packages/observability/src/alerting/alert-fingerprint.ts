import { createHash } from 'node:crypto';

/** Fingerprints are recomputed for every series on every evaluation; hashing is the expensive part. */
const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

/**
 * Stable identity of an alert: a 16-hex-digit SHA-256 prefix of the rule id and the labels (sorted by name), so
 * label order never matters and the same rule on another bot or tenant is another alert.
 *
 * @example
 * ```ts
 * alertFingerprint({ ruleId: 'sla_violation', labels: { bot: 'lead' } }); // e.g. '3f0c…'
 * ```
 */
export function alertFingerprint(options: {
  ruleId: string;
  labels: Readonly<Record<string, string>>;
}): string {
  const entries = Object.entries(options.labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = JSON.stringify([options.ruleId, entries]);
  const cached = memo.get(key);
  if (cached !== undefined) return cached;
  const fingerprint = createHash('sha256').update(key).digest('hex').slice(0, 16);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, fingerprint);
  return fingerprint;
}
