/**
 * Request headers as frameworks hand them over: a Fetch `Headers` object, or a plain object such as
 * Node's `IncomingHttpHeaders` (names in any case, values a string or a list).
 */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

/** Reads one header case-insensitively; the first value of a list; `undefined` when absent or empty. @internal */
export function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  const lower = name.toLowerCase();
  if (headers instanceof Headers) {
    const value = headers.get(lower)?.trim();
    return value === undefined || value === '' ? undefined : value;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== lower || value === undefined) continue;
    const first = typeof value === 'string' ? value : value[0];
    if (first !== undefined && first.trim() !== '') return first.trim();
  }
  return undefined;
}
