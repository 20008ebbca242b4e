import type { z } from 'zod';
import type { GhlHttpMethod } from './ghl-api-error';

/** Queue priority: `high` for replies to leads, `low` for bulk syncs (they run when no `high` request waits). */
export type GhlPriority = 'high' | 'low';

/** A query-string value; arrays repeat the parameter (`userIds=a&userIds=b`); `undefined` is left out. */
export type GhlQueryValue = string | number | boolean | readonly string[] | undefined;

/** One GHL API call, described by its spec operation (method + path template) and the zod schema of its answer. */
export interface GhlRequest<T> {
  /** HTTP method. */
  method: GhlHttpMethod;
  /** Path template exactly as in GHL's OpenAPI description, e.g. `/contacts/{contactId}`. */
  path: string;
  /** Values for the template's `{placeholders}` (URL-encoded when filled in). */
  pathParams?: Readonly<Record<string, string>>;
  /** Query parameters. */
  query?: Readonly<Record<string, GhlQueryValue>>;
  /** JSON body. */
  body?: unknown;
  /** Form body (`application/x-www-form-urlencoded`), used by the OAuth endpoints. */
  form?: Readonly<Record<string, string>>;
  /** Schema of the success body; unknown extra fields must be allowed (`.loose()`). */
  schema: z.ZodType<T>;
  /** Queue priority. @defaultValue `'high'` */
  priority?: GhlPriority;
  /** Safe to repeat after a 5xx, timeout or network error. @defaultValue `true` for GET, PUT, DELETE; `false` for POST */
  idempotent?: boolean;
  /** `Version` header; by default the value the operation declares in GHL's spec. */
  version?: string;
  /** Per-attempt timeout, ms; defaults to the client's. */
  timeoutMs?: number;
  /** Aborts the call (also while it waits for rate-limit budget). */
  signal?: AbortSignal;
}

/** Fills `{placeholders}` of a path template with URL-encoded values. @internal */
export function fillPath(template: string, params: Readonly<Record<string, string>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') throw new TypeError(`Missing path parameter ${name} for ${template}.`);
    return encodeURIComponent(value);
  });
}

/** Builds the full URL of a request. @internal */
export function buildUrl(baseUrl: string, request: Pick<GhlRequest<unknown>, 'path' | 'pathParams' | 'query'>): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + fillPath(request.path, request.pathParams));
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (value === undefined) continue;
    if (typeof value === 'object') for (const item of value) url.searchParams.append(name, item);
    else url.searchParams.append(name, String(value));
  }
  return url.toString();
}
