/**
 * Typical causes and fixes per error code, for the generated docs/troubleshooting.md. Keyed by every code of
 * core's ERROR_CODES table: `satisfies` makes a new code without an entry a type error, and the generator fails too.
 */
import type { ErrorCode } from '@enterprisehub/core';

/** What usually triggers a code and what to do about it. */
export interface Remedy {
  /** Typical situations that produce the code. */
  cause: string;
  /** What the operator or developer should do. */
  fix: string;
}

export const REMEDIES = {
  INTERNAL: {
    cause:
      'A bug or an unexpected exception; the original error is kept as `cause` (never in the answer).',
    fix: 'Find the request in the server log by its request id and report it with the log line; the request can usually be retried once the bug is fixed.',
  },
  VALIDATION_FAILED: {
    cause:
      'A request body, query or config object misses a field or has a wrong type; the message names the field paths.',
    fix: 'Correct the named fields. For webhooks from GHL this points at a changed payload: check `docs/ghl.md`.',
  },
  NOT_FOUND: {
    cause: 'The id in the path does not exist (for this tenant).',
    fix: 'Check the id and the tenant; records of another tenant are reported as not found on purpose.',
  },
  CONFIG_INVALID: {
    cause:
      'An environment variable or option is missing or malformed at start-up; the message names the variables.',
    fix: 'Set the named variables (see `docs/deployment.md`) and restart.',
  },
  ABORTED: {
    cause: 'The caller cancelled the operation (client disconnected, shutdown, `AbortSignal`).',
    fix: 'Nothing to fix when it happens during shutdown; otherwise find who aborts.',
  },
  TIMEOUT: {
    cause: 'An operation exceeded its deadline (slow database, slow dependency).',
    fix: 'Retry; if it persists, check the latency panels on the dashboard and the dependency named in the log.',
  },
  RATE_LIMITED: {
    cause: 'A local rate limit was reached (admin API, per-contact message limits).',
    fix: 'Wait for the time in `Retry-After`; raise the limit in the tenant settings if it is legitimate traffic.',
  },
  UNAVAILABLE: {
    cause: 'The server is starting, draining or a dependency it needs is down.',
    fix: 'Retry with backoff; check `/health` and the dependency named in the log.',
  },
  PAYLOAD_TOO_LARGE: {
    cause: 'The request body exceeds the size limit (webhooks: 256 kB by default).',
    fix: 'Send smaller bodies; raise the limit only for a known reason.',
  },
  AUTH_MISSING: {
    cause: 'An admin API call without `Authorization: Bearer <key>`.',
    fix: 'Send an admin API key or dashboard token (see `docs/admin-api.md`).',
  },
  AUTH_INVALID: {
    cause: 'The API key or token is unknown, revoked or expired.',
    fix: 'Create a new key (`POST /api/v1/keys` with an all-tenant admin key) and replace the old one.',
  },
  AUTH_FORBIDDEN: {
    cause: 'The key is valid but its role or tenant scope does not allow the call.',
    fix: 'Use a key with the needed role, or one scoped to this tenant.',
  },
  TENANT_NOT_FOUND: {
    cause: 'No tenant matches the id, or a webhook arrived for a GHL location no tenant owns.',
    fix: 'Add the tenant (tenants file or admin API) with the right `ghlLocationId`; check the location id in the GHL app settings.',
  },
  TENANT_DISABLED: {
    cause: 'The tenant is disabled: its webhooks are accepted but not processed.',
    fix: 'Enable it in the admin API or dashboard when the agency should be served again.',
  },
  TENANT_MAINTENANCE: {
    cause: 'The tenant is in maintenance mode; messages are held, not answered.',
    fix: 'End maintenance; held work resumes. Retry later from the client side.',
  },
  TENANT_CONFIG_INVALID: {
    cause: 'A tenants file or tenant object failed validation (the message names the fields).',
    fix: 'Fix the named fields (time zone, thresholds, mapping ids) and reload.',
  },
  TENANT_MISMATCH: {
    cause:
      'Code tried to write a record under a different tenant than it belongs to; a guard against cross-tenant leaks.',
    fix: 'A bug in the caller: report it with the log line. Never work around it.',
  },
  STORE_CONFLICT: {
    cause: 'Two writers changed the same conversation at once (compare-and-set lost).',
    fix: 'Retryable: the orchestrator reloads and retries. Frequent conflicts mean the per-contact lock is not in use.',
  },
  STORE_UNAVAILABLE: {
    cause: 'PostgreSQL (or PGlite) could not be reached or refused the connection.',
    fix: 'Check `DATABASE_URL`, the database and the pool size; work resumes on its own when it is back (the inbox and outbox keep it).',
  },
  STORE_CORRUPT: {
    cause: 'A stored record failed schema validation on read (manual edit, bad migration).',
    fix: 'Inspect the record named in the log; restore it from backup or erase the contact. Run `migrationStatus()`.',
  },
  OUTBOX_LEASE_LOST: {
    cause: 'An outbox worker finished after its lease expired and another worker took the entry.',
    fix: 'Usually harmless (the other worker delivers). If frequent, raise the lease or find the slow CRM call.',
  },
  LOCK_NOT_ACQUIRED: {
    cause: 'Another worker holds the contact lock (the same lead texted twice at once).',
    fix: 'Retryable: the job is retried. Persistent failures point at a stuck holder; locks expire on their TTL.',
  },
  LOCK_LOST: {
    cause: 'A lock expired or was taken over before release (a turn ran longer than the lock TTL).',
    fix: 'Check for slow LLM or database calls; raise the lock TTL above the turn deadline.',
  },
  QUEUE_CLOSED: {
    cause: 'A job was enqueued while the queue shuts down.',
    fix: 'Expected during shutdown; otherwise find the code enqueuing after `close()`.',
  },
  QUEUE_HANDLER_MISSING: {
    cause:
      'A job name has no registered handler (a worker of an older version, or `registerJobHandlers` not called).',
    fix: 'Call `bots.registerJobHandlers(queue)` in every worker; deploy all workers to the same version.',
  },
  QUEUE_UNAVAILABLE: {
    cause:
      'The job queue backend (Redis for BullMQ, the database for the kysely queue) could not be reached.',
    fix: 'Check `REDIS_URL` / the database; jobs are retried when it is back.',
  },
  REDIS_UNAVAILABLE: {
    cause:
      'Redis could not be reached or did not answer in time (cache, locks, rate limits, inbox).',
    fix: 'Check `REDIS_URL`, memory and `maxmemory-policy` (must be `noeviction` for locks and queues).',
  },
  LLM_TIMEOUT: {
    cause: 'The model call exceeded its deadline.',
    fix: 'Retryable; the bots fall back to the rules engine. Persistent: lower `maxTokens` or use a faster model.',
  },
  LLM_RATE_LIMITED: {
    cause: 'The model provider rate-limited the API key.',
    fix: 'Retryable; raise the provider limits or spread tenants over keys.',
  },
  LLM_UNAVAILABLE: {
    cause: 'The model provider is down or unreachable.',
    fix: 'Retryable; the rules engine answers meanwhile. Watch the `llm_provider_down` alert.',
  },
  LLM_BAD_OUTPUT: {
    cause: 'The model answer did not match the requested schema.',
    fix: 'The rules engine answers instead. Frequent: check the prompt version and model id.',
  },
  LLM_BUDGET_EXHAUSTED: {
    cause: "The tenant's or deployment's LLM spend limit is reached (cost guard).",
    fix: 'Raise the budget in the tenant settings, or let the rules engine serve until the period resets.',
  },
  LLM_UNEXPECTED_CALL: {
    cause: 'A `ScriptedLlmClient` in a test received a call it had no step for.',
    fix: 'Add the step to the test script, or assert that the code should not call the model.',
  },
  LLM_REQUEST_REJECTED: {
    cause: 'The provider rejected the request: invalid API key, permission, or an invalid request.',
    fix: 'Check `ANTHROPIC_API_KEY` and the model id; not retryable until fixed.',
  },
  CRM_ACTION_FAILED: {
    cause: 'GHL rejected or failed a CRM action from the outbox (send, tag, note, opportunity).',
    fix: 'Retried with backoff, then dead-lettered; retry dead letters from the dashboard after fixing the cause in the log.',
  },
  CRM_MAPPING_MISSING: {
    cause:
      'A logical name (pipeline, stage, custom field, calendar, workflow) has no GHL id in the tenant mapping.',
    fix: "Add the id to the tenant's `ghl` mapping (ids from the GHL location settings).",
  },
  GHL_API_ERROR: {
    cause: 'GHL answered with an unexpected status.',
    fix: 'Check GHL status and the operation named in the log; report unexpected statuses.',
  },
  GHL_REQUEST_REJECTED: {
    cause: 'GHL rejected a request as invalid (400/422), e.g. a field GHL does not accept.',
    fix: 'Check the field named in the log against `docs/ghl.md`; not retryable.',
  },
  GHL_UNAUTHORIZED: {
    cause:
      'GHL rejected the access token, also after a refresh (revoked app install, wrong Private Integration token).',
    fix: "Reinstall the app for the location or replace the tenant's token.",
  },
  GHL_FORBIDDEN: {
    cause: 'The token lacks the scope or access to the location.',
    fix: 'Add the missing scope to the GHL app (see `docs/ghl.md`) and reinstall.',
  },
  GHL_NOT_FOUND: {
    cause: 'The GHL resource (contact, conversation, calendar) does not exist (deleted in GHL).',
    fix: 'Usually a contact deleted in GHL; the action is dropped. Check the mapping ids if it repeats.',
  },
  GHL_RATE_LIMITED: {
    cause: "GHL answered 429 or the location's local burst budget is spent.",
    fix: 'Retryable: the client waits the advertised interval. Sustained: share the limiter (Redis) across instances.',
  },
  GHL_DAILY_LIMIT_REACHED: {
    cause: "The location's daily GHL request budget (200,000) is spent.",
    fix: 'Work resumes after the daily reset; reduce polling or spread work.',
  },
  GHL_UNAVAILABLE: {
    cause: 'GHL answered 5xx or could not be reached.',
    fix: 'Retryable; the outbox keeps the actions until GHL is back.',
  },
  GHL_TIMEOUT: {
    cause: 'The GHL call did not answer in time.',
    fix: 'Retryable for idempotent calls; a send that timed out is checked before it is retried.',
  },
  GHL_RESPONSE_INVALID: {
    cause: 'A GHL answer did not match the expected schema (GHL changed a response).',
    fix: 'Report it with the operation from the log; update the schema in `@enterprisehub/ghl`.',
  },
  GHL_AUTH_FAILED: {
    cause:
      'An OAuth code exchange, refresh or location-token exchange failed (expired code, wrong client secret).',
    fix: 'Check `GHL_CLIENT_ID` / `GHL_CLIENT_SECRET` and the redirect URI; reinstall the app.',
  },
  GHL_TOKEN_MISSING: {
    cause: 'No GHL access token is configured or stored for the location.',
    fix: "Install the app for the location (OAuth) or set the tenant's Private Integration token.",
  },
  WEBHOOK_SIGNATURE_MISSING: {
    cause:
      'A webhook without `x-ghl-signature` / `x-wh-signature`: not from GHL, or a proxy stripped the headers.',
    fix: 'Let the signature headers through your proxy; ignore requests that are not from GHL.',
  },
  WEBHOOK_SIGNATURE_INVALID: {
    cause:
      'The signature did not verify: the body was modified (a JSON parser re-serialised it), or the key is wrong.',
    fix: 'Verify the raw bytes (mount the webhook route before any JSON parser); in tests use `webhookTestKeys.publicKeys`.',
  },
  WEBHOOK_TIMESTAMP_INVALID: {
    cause:
      'The webhook timestamp is missing or outside the replay window (clock skew, a delayed redelivery).',
    fix: 'Sync the server clock (NTP); widen `toleranceMs` only if redeliveries are legitimately late.',
  },
  WEBHOOK_DUPLICATE: {
    cause: 'The webhook id was already accepted (GHL redelivery or a replay).',
    fix: 'Nothing to fix: answered 200 so GHL stops retrying, and not processed twice.',
  },
  WEBHOOK_PAYLOAD_INVALID: {
    cause: 'The webhook body is not JSON or misses required fields.',
    fix: 'Check the event type against the GHL samples in `@enterprisehub/ghl/testing`; report new shapes.',
  },
  ALERT_RULE_INVALID: {
    cause:
      'An alert rule, silence or inhibition rule failed validation (the message names the fields).',
    fix: 'Fix the named fields (see `docs/alerting.md`).',
  },
  ALERT_RULE_NOT_FOUND: {
    cause: 'No alert rule, silence or alert has the given id or fingerprint.',
    fix: 'List them first (`GET /api/v1/alerts/rules`); resolved alerts leave the active list.',
  },
  ALERT_RULE_CONFLICT: {
    cause: 'An alert rule with the same id already exists.',
    fix: 'Pick another id or update the existing rule.',
  },
  ALERT_CHANNEL_REJECTED: {
    cause: 'An alert channel answered 4xx: wrong webhook URL, revoked Slack hook, bad routing key.',
    fix: 'Fix the channel settings (`ALERT_*` variables); retrying will not help.',
  },
  ALERT_CHANNEL_UNAVAILABLE: {
    cause: 'An alert channel answered 5xx or could not be reached.',
    fix: 'Retried automatically; configure a second channel for critical alerts.',
  },
  ALERT_CHANNEL_RATE_LIMITED: {
    cause: "An alert channel's own or local rate limit refused the notification for now.",
    fix: 'Retried later; an alert storm is usually better handled by inhibition rules and grouping.',
  },
  ALERT_CHANNEL_TIMEOUT: {
    cause: 'An alert channel did not answer in time.',
    fix: 'Retried automatically; check egress from the server to the channel.',
  },
  CIRCUIT_OPEN: {
    cause:
      'A circuit breaker opened after repeated failures of a dependency (e.g. the Redis L2 cache); calls skip it.',
    fix: 'Fix the dependency; the breaker half-opens and closes on its own.',
  },
  PII_KEY_MISSING: {
    cause:
      '`PII_ENCRYPTION_KEYS` is not set, or a ciphertext names a key id no longer in the keyring.',
    fix: 'Set the keyring (generate one with `generateKeyringEnvValue`); never remove an old key before `reencryptPii` finished.',
  },
  PII_KEYRING_INVALID: {
    cause: 'The PII keyring is malformed: bad key id, wrong key length or encoding.',
    fix: 'Regenerate the value with `generateKeyringEnvValue({ existing })` and keep the existing keys.',
  },
  PII_DECRYPT_FAILED: {
    cause: 'A PII ciphertext is malformed, was tampered with, or does not match its key.',
    fix: 'Check that every instance uses the same keyring; restore the record from backup if it was altered.',
  },
} as const satisfies Record<ErrorCode, Remedy>;
