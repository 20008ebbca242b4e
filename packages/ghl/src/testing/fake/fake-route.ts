import type { FakeGhlState, FakeRecord } from './fake-ghl-state';

/** What a fake route sees of a request. @internal */
export interface FakeRouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** JSON or form body as an object (empty when none). */
  body: Record<string, unknown>;
  /** Location the request is scoped to (token's location, else the fake's default). */
  locationId: string;
  /** The bearer token, when one was sent. */
  accessToken: string | undefined;
  state: FakeGhlState;
  now: number;
}

/** A fake route's answer. @internal */
export interface FakeRouteResult {
  status: number;
  body: unknown;
}

/** A fake route handler. @internal */
export type FakeRoute = (context: FakeRouteContext) => FakeRouteResult;

/** A JSON answer. @internal */
export const ok = (body: unknown, status = 200): FakeRouteResult => ({ status, body });

/** A GHL-shaped error answer (`{ statusCode, message, error }`). @internal */
export function fail(status: number, message: string | string[]): FakeRouteResult {
  const error = { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 422: 'Unprocessable Entity', 429: 'Too Many Requests' }[status];
  return { status, body: { statusCode: status, message, ...(error === undefined ? {} : { error }) } };
}

/**
 * GHL's validation: 422 listing missing required fields and properties the operation does not accept
 * (`property X should not exist`). @internal
 */
export function validate(body: Record<string, unknown>, rules: { required?: readonly string[]; allowed: readonly string[] }): FakeRouteResult | undefined {
  const messages = [
    ...(rules.required ?? []).filter((field) => body[field] === undefined || body[field] === '').map((field) => `${field} should not be empty`),
    ...Object.keys(body).filter((field) => !rules.allowed.includes(field)).map((field) => `property ${field} should not exist`),
  ];
  return messages.length === 0 ? undefined : fail(422, messages);
}

/** Finds a record of the request's location or answers 404. @internal */
export function find<T extends FakeRecord>(collection: Map<string, T>, id: string | undefined, context: FakeRouteContext): T | FakeRouteResult {
  const record = id === undefined ? undefined : collection.get(id);
  return record !== undefined && record.locationId === context.locationId ? record : fail(404, 'Not found');
}

/** True when {@link find} answered with an error. @internal */
export const isResult = (value: unknown): value is FakeRouteResult =>
  typeof value === 'object' && value !== null && 'status' in value && 'body' in value && !('id' in value);

/** A string field of a body, when it is one. @internal */
export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** An ISO timestamp for `now`. @internal */
export const iso = (now: number): string => new Date(now).toISOString();
