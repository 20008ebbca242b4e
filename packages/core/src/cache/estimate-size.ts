/**
 * Estimates a value's in-memory size in bytes for the L1 byte limit: two bytes per character of its JSON form
 * (strings are UTF-16 in V8), at least 1; values JSON cannot encode (cycles, BigInt) count as 1 KiB.
 *
 * @internal
 */
export function estimateSize(value: unknown): number {
  if (typeof value === 'string') return Math.max(1, value.length * 2);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return 8;
  try {
    const json = JSON.stringify(value) as string | undefined;
    return json === undefined ? 8 : Math.max(1, json.length * 2);
  } catch {
    return 1024;
  }
}
