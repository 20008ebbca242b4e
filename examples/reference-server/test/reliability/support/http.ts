/**
 * Small HTTP and polling helpers shared by the reliability suite.
 */
import { sign, createPrivateKey } from 'node:crypto';
import { ERROR_CODES } from '@enterprisehub/core';
import { webhookTestKeys } from '@enterprisehub/ghl/testing';

/** A response reduced to what the assertions need. */
export interface Answer {
  status: number;
  text: string;
  json: unknown;
}

/** Sends a request and reads the whole answer (never throws on an HTTP status). */
export async function send(
  url: string,
  init: { method?: string; body?: string | Uint8Array; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === 'string' ? init.body : new Uint8Array(init.body) }),
    ...(init.headers ? { headers: init.headers } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/**
 * Why an answer is not the server's structured error `{"error":{"code","message"}}` with a known code, or
 * `undefined` when it is one.
 */
export function structuredErrorProblem(answer: Answer): string | undefined {
  const body = answer.json as { error?: { code?: unknown; message?: unknown } } | undefined;
  if (typeof body !== 'object' || body === null)
    return `body is not JSON: ${answer.text.slice(0, 120)}`;
  const error = body.error;
  if (typeof error !== 'object') return 'no "error" object';
  if (typeof error.code !== 'string' || !(error.code in ERROR_CODES))
    return `unknown error code ${String(error.code)}`;
  if (typeof error.message !== 'string' || error.message.length === 0) return 'empty message';
  return undefined;
}

/** Signs raw bytes with the GHL test Ed25519 key (for bodies `signWebhookPayload` cannot express, e.g. invalid UTF-8). */
export function signBytes(body: Uint8Array): string {
  return sign(null, body, createPrivateKey(webhookTestKeys.ed25519.privateKey)).toString('base64');
}

/** Polls until `check` returns a value other than `undefined`/`false`, or throws after `timeoutMs`. */
export async function waitUntil<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  options: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${options.what ?? 'a condition'}`,
      );
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}

/** Deletes the keys under this run's own prefix from a Redis (never anything else: no FLUSH). */
export async function deleteRedisPrefix(url: string, prefix: string): Promise<number> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    await client.connect();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
  return deleted;
}
