/**
 * Formats USD compactly the way agents text it: `$465k`, `$1.15M`, `$950`.
 *
 * @example
 * ```ts
 * formatUsd(465_000); // '$465k'
 * formatUsd(1_150_000); // '$1.15M'
 * ```
 */
export function formatUsd(amount: number): string {
  if (amount >= 1_000_000) {
    const millions = (amount / 1_000_000).toFixed(2).replace(/\.?0+$/, '');
    return `$${millions}M`;
  }
  if (amount >= 1000) return `$${Math.round(amount / 1000)}k`;
  return `$${Math.round(amount)}`;
}

/** Formats a number with thousands separators: `1820` → `1,820`. */
export function formatNumber(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/**
 * Joins items as prose: `a`, `a or b`, `a, b or c` (with `and` when asked).
 *
 * @example
 * ```ts
 * formatList(['Cedar Park', 'Round Rock', 'Leander']); // 'Cedar Park, Round Rock or Leander'
 * ```
 */
export function formatList(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats an instant in a time zone as `Tue Jan 6 at 10:00 AM`.
 *
 * @example
 * ```ts
 * formatLocalTime(Date.parse('2026-01-06T16:00:00Z'), 'America/Chicago'); // 'Tue Jan 6 at 10:00 AM'
 * ```
 */
export function formatLocalTime(epochMs: number, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(
    formatter.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]),
  );
  return `${parts['weekday'] ?? ''} ${parts['month'] ?? ''} ${parts['day'] ?? ''} at ${parts['hour'] ?? ''}:${parts['minute'] ?? ''} ${parts['dayPeriod'] ?? ''}`.trim();
}

/** Median of a non-empty list (the mean of the two middle values for even lengths); `undefined` when empty. */
export function median(values: readonly number[]): number | undefined {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile (0–1) of a list; `undefined` when empty. */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? 0;
  const high = sorted[upper] ?? low;
  return low + (high - low) * (position - lower);
}
