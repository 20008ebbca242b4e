const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Converts a duration such as `5m`, `1h`, `30s`, `250ms` or `7d` to milliseconds; `undefined` when malformed.
 *
 * @example
 * ```ts
 * parseDurationMs('5m'); // 300000
 * ```
 */
export function parseDurationMs(duration: string): number | undefined {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(duration);
  if (!match) return undefined;
  const [, amount, unit] = match;
  const factor = unit === undefined ? undefined : UNIT_MS[unit];
  return factor === undefined ? undefined : Number(amount) * factor;
}
