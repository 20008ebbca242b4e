import { isSensitiveKey } from './is-sensitive-key';
import { REDACTED, redactText } from './redact-text';

const MAX_DEPTH = 20;

function maskByKey(value: unknown): unknown {
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (typeof value === 'string' && value === '') return value;
  return REDACTED;
}

function redactEntries(
  entries: Iterable<[string, unknown]>,
  walk: (value: unknown) => unknown,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of entries) result[key] = isSensitiveKey(key) ? maskByKey(value) : walk(value);
  return result;
}

function redactError(error: Error, walk: (value: unknown) => unknown): Record<string, unknown> {
  const result: Record<string, unknown> = { name: error.name, message: redactText(error.message) };
  if (error.stack !== undefined) result['stack'] = redactText(error.stack);
  Object.assign(result, redactEntries(Object.entries(error), walk));
  if (error.cause !== undefined) result['cause'] = walk(error.cause);
  return result;
}

function toJsonForm(value: object): unknown {
  if (!('toJSON' in value) || typeof value.toJSON !== 'function') return undefined;
  try {
    return (value.toJSON as () => unknown)();
  } catch {
    return undefined;
  }
}

function redactObject(value: object, walk: (value: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map(walk);
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof Error) return redactError(value, walk);
  if (value instanceof URL) return redactText(value.href);
  if (value instanceof RegExp) return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[Binary ${value.byteLength} bytes]`;
  if (value instanceof Map) {
    const result = new Map<unknown, unknown>();
    for (const [key, entry] of value as Map<unknown, unknown>) {
      result.set(key, typeof key === 'string' && isSensitiveKey(key) ? maskByKey(entry) : walk(entry));
    }
    return result;
  }
  if (value instanceof Set) return new Set([...(value as Set<unknown>)].map(walk));
  const json = toJsonForm(value);
  if (json !== undefined && json !== value) return walk(json);
  return redactEntries(Object.entries(value), walk);
}

/**
 * Returns a masked deep copy of any value for logs, error bodies and traces: strings go through
 * {@link redactText} (phones, emails, tokens, API keys, JWTs, secrets), and properties whose NAME is sensitive
 * ({@link isSensitiveKey}: password, token, secret, authorization, apiKey, phone, email, …) become `[REDACTED]`
 * whatever their value. Never mutates its input; cycles become `[Circular]`, nesting deeper than 20 levels
 * `[MaxDepth]`; errors become plain `{ name, message, stack, … }` objects; class instances become plain objects
 * (or their `toJSON()` form). Masked leaves are strings, so the result's shape can differ from `T`.
 *
 * @example
 * ```ts
 * logger.info(redact({ contact: { phone: '+15125550123', budgetMax: 450_000 }, note: 'mail jane@example.com' }));
 * // { contact: { phone: '[REDACTED]', budgetMax: 450000 }, note: 'mail [EMAIL]' }
 * ```
 */
export function redact<T>(value: T): T {
  const ancestors = new Set<object>();
  let depth = 0;
  const walk = (current: unknown): unknown => {
    if (typeof current === 'string') return redactText(current);
    if (typeof current !== 'object' || current === null) return current;
    if (ancestors.has(current)) return '[Circular]';
    if (depth >= MAX_DEPTH) return '[MaxDepth]';
    ancestors.add(current);
    depth += 1;
    try {
      return redactObject(current, walk);
    } finally {
      depth -= 1;
      ancestors.delete(current);
    }
  };
  return walk(value) as T;
}
