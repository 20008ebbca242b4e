import type { Clock } from '@enterprisehub/core';
import { GhlApiError } from './ghl-api-error';
import { buildUrl, type GhlRequest } from './ghl-request';

/** The raw outcome of one HTTP exchange with GHL. @internal */
export interface GhlRawResponse {
  status: number;
  headers: Headers;
  /** Body text (read fully so the connection is released). */
  text: string;
}

/** Inputs of {@link sendGhlRequest}. @internal */
export interface SendGhlRequestOptions {
  fetch: typeof globalThis.fetch;
  baseUrl: string;
  clock: Clock;
  request: GhlRequest<unknown>;
  /** Bearer token; `undefined` sends no Authorization header (the OAuth token endpoint). */
  accessToken: string | undefined;
  /** `Version` header; `undefined` sends none. */
  version: string | undefined;
  timeoutMs: number;
}

function connectionRefused(error: unknown): boolean {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 4; depth += 1) {
    if ('code' in current && current.code === 'ECONNREFUSED') return true;
    current = 'cause' in current ? current.cause : undefined;
  }
  return false;
}

/**
 * Sends one HTTP request to GHL with Authorization and Version headers and a per-attempt timeout on the
 * injected clock. Resolves with any HTTP answer; rejects with a {@link GhlApiError} (`status` undefined)
 * when no answer came (network error, timeout) — `details.connectionRefused` tells that nothing was sent. @internal
 */
export async function sendGhlRequest(options: SendGhlRequestOptions): Promise<GhlRawResponse> {
  const { request, clock } = options;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.accessToken !== undefined) headers['authorization'] = `Bearer ${options.accessToken}`;
  if (options.version !== undefined) headers['version'] = options.version;
  let body: string | undefined;
  if (request.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(request.form).toString();
  } else if (request.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.body);
  }
  const timeout = new AbortController();
  const timer = clock.setTimer(() => timeout.abort(new DOMException('GHL request timed out', 'TimeoutError')), options.timeoutMs);
  const signal = request.signal === undefined ? timeout.signal : AbortSignal.any([request.signal, timeout.signal]);
  const where = { method: request.method, pathTemplate: request.path } as const;
  try {
    const response = await options.fetch(buildUrl(options.baseUrl, request), { method: request.method, headers, body, signal });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (request.signal?.aborted === true) throw request.signal.reason;
    if (timeout.signal.aborted) {
      throw new GhlApiError({ ...where, status: undefined, code: 'GHL_TIMEOUT', cause: error, message: `GHL ${request.method} ${request.path} timed out after ${options.timeoutMs} ms.` });
    }
    throw new GhlApiError({
      ...where,
      status: undefined,
      cause: error,
      message: `GHL ${request.method} ${request.path} failed: no response.`,
      details: { connectionRefused: connectionRefused(error) },
    });
  } finally {
    timer.cancel();
  }
}
