/**
 * Drops `undefined` and `null` values, so optional fields read from nullable columns are absent
 * (as the memory stores return them) rather than present with `undefined`.
 *
 * @internal
 */
export function definedFields(record: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined && value !== null) result[key] = value;
  }
  return result;
}
