/**
 * The GHL webhook ingest: verify over the raw bytes, parse, resolve the tenant, drop duplicates, persist the event
 * and enqueue one job keyed by contact — all before any model call, so GHL gets its 200 in milliseconds.
 */
import type { Clock, Inbox, JobQueue, JsonValue, Tenant, ErrorCode } from '@enterprisehub/core';
import {
  parseWebhookEvent,
  verifyWebhookSignature,
  type GhlWebhookEvent,
  type WebhookHeaders,
  type WebhookPublicKeys,
} from '@enterprisehub/ghl';

/** The job name the worker handles for every accepted webhook. */
export const WEBHOOK_JOB = 'ghl.webhook';

/** Payload of a {@link WEBHOOK_JOB} job. */
export interface WebhookJobPayload {
  [key: string]: JsonValue;
  eventType: string;
  event: JsonValue;
  receivedAt: number;
}

/** What the endpoint answers. `status` values are the route's contract with GHL. */
export type IngestOutcome =
  | {
      kind: 'accepted' | 'duplicate' | 'ignored';
      httpStatus: 200;
      reason?: string;
      tenantId?: string;
      eventType?: string;
    }
  | { kind: 'rejected'; httpStatus: 400 | 401 | 503; code: ErrorCode; message: string };

/** Dependencies of {@link createWebhookIngest}. */
export interface WebhookIngestOptions {
  /** Verify signatures and timestamps. Refused as `false` in production by the config. */
  verify: boolean;
  /** Keys for `x-ghl-signature` / `x-wh-signature`; GHL's published keys when omitted. */
  publicKeys?: WebhookPublicKeys;
  /** Accepted distance between the body's `timestamp` and now. */
  maxAgeMs: number;
  clock: Clock;
  inbox: Inbox;
  queue: JobQueue;
  /** Finds the tenant for a GHL location id (undefined when unknown). */
  tenantForLocation: (locationId: string) => Tenant | undefined;
  /** How long webhook and message ids are remembered for duplicate detection. @defaultValue 7 days */
  dedupeTtlMs?: number;
}

const DEFAULT_DEDUPE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Which contact a parsed event belongs to (the queue's ordering key), if any. */
export function contactOf(event: GhlWebhookEvent): string | undefined {
  switch (event.type) {
    case 'InboundMessage':
    case 'OutboundMessage':
      return event.contactId;
    case 'ContactCreate':
    case 'ContactUpdate':
    case 'ContactDelete':
    case 'ContactDndUpdate':
    case 'ContactTagUpdate':
      return event.id;
    case 'AppointmentCreate':
    case 'AppointmentUpdate':
      return event.appointment.contactId;
    case 'OpportunityCreate':
    case 'OpportunityStatusUpdate':
    case 'OpportunityStageUpdate':
      return event.contactId;
    default:
      return undefined;
  }
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Builds the ingest function used by `POST /webhooks/ghl`. */
export function createWebhookIngest(
  options: WebhookIngestOptions,
): (rawBody: Buffer, headers: WebhookHeaders) => Promise<IngestOutcome> {
  const ttlMs = options.dedupeTtlMs ?? DEFAULT_DEDUPE_TTL_MS;
  return async (rawBody, headers) => {
    let payload: unknown;
    if (options.verify) {
      const verified = await verifyWebhookSignature(rawBody, headers, {
        ...(options.publicKeys ? { publicKeys: options.publicKeys } : {}),
        toleranceMs: options.maxAgeMs,
        clock: options.clock,
      });
      if (!verified.ok) {
        const httpStatus = verified.reason === 'invalid_json' ? 400 : 401;
        return { kind: 'rejected', httpStatus, code: verified.code, message: verified.message };
      }
      payload = verified.payload;
    } else {
      const parsed = parseJson(rawBody);
      if (!parsed.ok) {
        return {
          kind: 'rejected',
          httpStatus: 400,
          code: 'WEBHOOK_PAYLOAD_INVALID',
          message: 'The webhook body is not valid JSON.',
        };
      }
      payload = parsed.value;
    }
    const event = parseWebhookEvent(payload);
    if (event.type === 'invalid') {
      return {
        kind: 'rejected',
        httpStatus: 400,
        code: 'WEBHOOK_PAYLOAD_INVALID',
        message: `The ${event.eventType ?? 'webhook'} body is invalid: ${event.issues.slice(0, 5).join(', ')}.`,
      };
    }
    if (event.type === 'unknown') {
      return {
        kind: 'ignored',
        httpStatus: 200,
        reason: 'unsupported_event',
        ...(event.eventType ? { eventType: event.eventType } : {}),
      };
    }
    const tenant = options.tenantForLocation(event.locationId);
    if (!tenant)
      return {
        kind: 'ignored',
        httpStatus: 200,
        reason: 'unknown_location',
        eventType: event.type,
      };
    if (!tenant.enabled)
      return {
        kind: 'ignored',
        httpStatus: 200,
        reason: 'tenant_disabled',
        tenantId: tenant.id,
        eventType: event.type,
      };
    const base = { tenantId: tenant.id, eventType: event.type };
    const record = payload as Record<string, unknown>;
    const webhookId = typeof record['webhookId'] === 'string' ? record['webhookId'] : undefined;
    const messageId =
      'messageId' in event && typeof event.messageId === 'string' ? event.messageId : undefined;
    const ids = [webhookId && `webhook:${webhookId}`, messageId && `message:${messageId}`].filter(
      (id): id is string => typeof id === 'string',
    );
    // Order matters for "never lost": check, then enqueue (idempotent by job id), then remember the ids. A crash or
    // failure before the last step makes GHL retry, and the retry is enqueued again under the same job id; the
    // orchestrator's own message-id idempotency is the final guard against a second reply.
    // The ids of one request are looked up together: the stores group concurrent `has` calls (of all requests) into
    // one SELECT and concurrent `markSeen` calls into one multi-row INSERT … ON CONFLICT … RETURNING, so under load a
    // webhook costs a share of a few grouped statements instead of four of its own. The event (payload) is stored
    // with its first id only.
    try {
      const scope = { tenantId: tenant.id };
      const seen = await Promise.all(ids.map((id) => options.inbox.has({ ...scope, id })));
      if (seen.some(Boolean)) return { kind: 'duplicate', httpStatus: 200, ...base };
      const orderingKey = contactOf(event);
      const jobPayload: WebhookJobPayload = {
        eventType: event.type,
        event: payload as JsonValue,
        receivedAt: options.clock.now(),
      };
      const enqueued = await options.queue.enqueue({
        tenantId: tenant.id,
        name: WEBHOOK_JOB,
        payload: jobPayload,
        ...(orderingKey ? { orderingKey } : {}),
        ...(ids[0] ? { jobId: ids[0] } : {}),
      });
      // One arbiter decides which request accepted the event: the atomic insert-if-absent of its first id (the
      // webhook id, stored with the payload). Combining several arbiters (enqueue dedupe and each id's insert) let
      // two processes racing on the same webhook both lose and answer `duplicate` (seen in production.e2e); the
      // queue's dedupe alone is not enough either, since an in-process job may already be done when the racer
      // enqueues. The other ids are remembered after it.
      let first = !enqueued.deduplicated;
      for (const [index, id] of ids.entries()) {
        const fresh = await options.inbox.markSeen(
          index === 0
            ? { ...scope, id, ttlMs, payload: payload as JsonValue }
            : { ...scope, id, ttlMs },
        );
        if (index === 0) first = fresh;
      }
      if (!first) return { kind: 'duplicate', httpStatus: 200, ...base };
    } catch {
      return {
        kind: 'rejected',
        httpStatus: 503,
        code: 'UNAVAILABLE',
        message: 'The event could not be stored; retry later.',
      };
    }
    return { kind: 'accepted', httpStatus: 200, ...base };
  };
}
