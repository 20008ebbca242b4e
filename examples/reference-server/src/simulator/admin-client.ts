/**
 * A small client for what the simulator needs from a running server: posting signed webhooks and reading replies
 * through the admin API (`/api/v1`). Honors `429 Retry-After` (admin keys are limited to 100 requests a minute) and
 * turns connection failures into one clear message.
 */
import { SimulatorError } from './errors';
import type { SignedRequest } from './webhook';
import {
  readConversation,
  readHandoffTotals,
  readOutbox,
  type ConversationView,
  type HandoffTotals,
  type OutboxItem,
} from './views';

/** Options of {@link AdminClient}. */
export interface AdminClientOptions {
  /** Server base URL, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /** Admin API key (or a JWT). */
  apiKey: string;
  /** Longest wait on a `429` before giving up. @defaultValue 65000 */
  maxRetryWaitMs?: number;
}

/** Query string values; `undefined` values are left out. */
export type Query = Record<string, string | number | undefined>;

/** Answer of the webhook endpoint. */
export interface WebhookAnswer {
  httpStatus: number;
  /** `accepted`, `duplicate`, `ignored`, or the error code of a 4xx. */
  status: string;
  message?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads the admin API and posts webhooks. */
export class AdminClient {
  readonly baseUrl: string;
  readonly #apiKey: string;
  readonly #maxRetryWaitMs: number;

  constructor(options: AdminClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#apiKey = options.apiKey;
    this.#maxRetryWaitMs = options.maxRetryWaitMs ?? 65_000;
  }

  async #fetch(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.baseUrl}${path}`, init);
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new SimulatorError(
        `no server answers at ${this.baseUrl} (${cause ?? 'connection failed'}): start it with ./dev start, or pass --url`,
      );
    }
  }

  /** GET (or another method) on `/api/v1<path>`; `undefined` on 404; retries after 429. */
  async api(path: string, options: { query?: Query; method?: string } = {}): Promise<unknown> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) search.set(key, String(value));
    }
    const url = `/api/v1${path}${search.size > 0 ? `?${search.toString()}` : ''}`;
    let waited = 0;
    for (;;) {
      const response = await this.#fetch(url, {
        method: options.method ?? 'GET',
        headers: { authorization: `Bearer ${this.#apiKey}`, accept: 'application/json' },
      });
      if (response.status === 429) {
        const retryAfterMs = Math.max(1, Number(response.headers.get('retry-after')) || 1) * 1000;
        await response.body?.cancel();
        if (waited + retryAfterMs > this.#maxRetryWaitMs) {
          throw new SimulatorError(
            'the admin API kept answering 429 (rate limited); try again later',
          );
        }
        waited += retryAfterMs;
        await sleep(retryAfterMs);
        continue;
      }
      if (response.status === 404) {
        await response.body?.cancel();
        return undefined;
      }
      const text = await response.text();
      if (response.status === 401 || response.status === 403) {
        throw new SimulatorError(
          `the admin API refused the key (${response.status}): check --admin-key / DATA_DIR/secrets.json`,
        );
      }
      if (!response.ok) {
        throw new SimulatorError(`GET ${url} answered ${response.status}: ${errorMessage(text)}`);
      }
      return text ? (JSON.parse(text) as unknown) : undefined;
    }
  }

  /** POSTs a signed webhook to `/webhooks/ghl`. */
  async postWebhook(request: SignedRequest): Promise<WebhookAnswer> {
    const response = await this.#fetch('/webhooks/ghl', {
      method: 'POST',
      headers: request.headers,
      body: request.rawBody,
    });
    const text = await response.text();
    let body: { status?: unknown; error?: { code?: unknown; message?: unknown } } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // not JSON: reported below by status
    }
    const status =
      typeof body.status === 'string'
        ? body.status
        : typeof body.error?.code === 'string'
          ? body.error.code
          : `HTTP_${response.status}`;
    const message = typeof body.error?.message === 'string' ? body.error.message : undefined;
    return { httpStatus: response.status, status, ...(message ? { message } : {}) };
  }

  /** The tenant id of a GHL location (from `GET /api/v1/tenants`); the location itself when not listed. */
  async tenantIdForLocation(locationId: string): Promise<string | undefined> {
    const body = (await this.api('/tenants')) as { items?: unknown } | unknown[] | undefined;
    const items = Array.isArray(body) ? body : Array.isArray(body?.items) ? body.items : [];
    for (const item of items as Record<string, unknown>[]) {
      if (item['ghlLocationId'] === locationId || item['locationId'] === locationId) {
        return typeof item['id'] === 'string' ? item['id'] : undefined;
      }
    }
    return undefined;
  }

  /** Outbox entries, optionally of one contact. */
  async outbox(query: {
    tenantId?: string;
    contactId?: string;
    limit?: number;
  }): Promise<OutboxItem[]> {
    return readOutbox(await this.api('/outbox', { query }));
  }

  /** A contact's conversation; `undefined` when the server has none yet. */
  async conversation(query: {
    tenantId?: string;
    contactId: string;
  }): Promise<ConversationView | undefined> {
    const body = await this.api(`/conversations/${encodeURIComponent(query.contactId)}`, {
      query: { tenantId: query.tenantId },
    });
    return body === undefined ? undefined : readConversation(body);
  }

  /** Handoff totals. */
  async handoffs(tenantId?: string): Promise<HandoffTotals> {
    return readHandoffTotals(await this.api('/handoffs/analytics', { query: { tenantId } }));
  }
}

function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof body.error?.message === 'string') return body.error.message;
  } catch {
    // fall through
  }
  return text.slice(0, 200);
}
