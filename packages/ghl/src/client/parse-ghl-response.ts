import type { z } from 'zod';
import { GhlApiError } from './ghl-api-error';
import type { GhlRequest } from './ghl-request';
import type { GhlRawResponse } from './send-ghl-request';

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function traceIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('traceId' in value)) return undefined;
  return typeof value.traceId === 'string' && value.traceId.length <= 128 ? value.traceId : undefined;
}

/** GHL's trace id from an answer: the body's `traceId`, else a request-id header. @internal */
export function readRequestId(response: GhlRawResponse, parsed?: unknown): string | undefined {
  const body = parsed ?? (() => {
    const result = parseJson(response.text);
    return result.ok ? result.value : undefined;
  })();
  return traceIdOf(body) ?? response.headers.get('x-request-id') ?? response.headers.get('traceid') ?? undefined;
}

function describe(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || '(root)';
  return `${path} (${issue.code})`;
}

/**
 * Parses a 2xx answer with the request's schema. A body that is not JSON or breaks the schema becomes a
 * `GHL_RESPONSE_INVALID` {@link GhlApiError} naming the operation and the failing field paths (never values). @internal
 */
export function parseGhlResponse<T>(request: GhlRequest<T>, response: GhlRawResponse): T {
  const where = { method: request.method, pathTemplate: request.path, status: response.status } as const;
  const parsed = parseJson(response.text);
  if (!parsed.ok) {
    const requestId = readRequestId(response);
    throw new GhlApiError({
      ...where,
      ...(requestId === undefined ? {} : { requestId }),
      code: 'GHL_RESPONSE_INVALID',
      message: `GHL response of ${request.method} ${request.path} is not JSON.`,
    });
  }
  const result = request.schema.safeParse(parsed.value);
  if (result.success) return result.data;
  const requestId = readRequestId(response, parsed.value);
  const paths = [...new Set(result.error.issues.map(describe))].slice(0, 5);
  throw new GhlApiError({
    ...where,
    ...(requestId === undefined ? {} : { requestId }),
    code: 'GHL_RESPONSE_INVALID',
    message: `GHL response of ${request.method} ${request.path} failed validation at ${paths.join(', ')}.`,
    cause: result.error,
  });
}
