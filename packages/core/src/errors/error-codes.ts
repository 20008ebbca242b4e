/** One row of the error code table. */
export interface ErrorCodeInfo {
  /** HTTP status a server answers with for this code. */
  readonly httpStatus: number;
  /** Whether retrying the same operation later may succeed. */
  readonly retryable: boolean;
  /** What the code means, one sentence. */
  readonly description: string;
}

/**
 * Every error code of the project with its HTTP status, retryability and meaning.
 * Codes are SCREAMING_SNAKE and prefixed by area; packages append their own rows here.
 */
export const ERROR_CODES = {
  // --- general ---
  INTERNAL: { httpStatus: 500, retryable: false, description: 'An unexpected internal error occurred.' },
  VALIDATION_FAILED: { httpStatus: 400, retryable: false, description: 'Input did not match the expected schema.' },
  NOT_FOUND: { httpStatus: 404, retryable: false, description: 'The requested resource does not exist.' },
  CONFIG_INVALID: { httpStatus: 500, retryable: false, description: 'Configuration is missing or invalid.' },
  ABORTED: { httpStatus: 499, retryable: false, description: 'The operation was aborted by its caller.' },
  TIMEOUT: { httpStatus: 504, retryable: true, description: 'The operation did not finish in time.' },
  RATE_LIMITED: { httpStatus: 429, retryable: true, description: 'A rate limit was reached; retry later.' },
  UNAVAILABLE: { httpStatus: 503, retryable: true, description: 'The service is temporarily unavailable.' },
  PAYLOAD_TOO_LARGE: { httpStatus: 413, retryable: false, description: 'The request body exceeds the size limit.' },
  // --- auth (admin API) ---
  AUTH_MISSING: { httpStatus: 401, retryable: false, description: 'The request carried no Authorization bearer credential.' },
  AUTH_INVALID: { httpStatus: 401, retryable: false, description: 'The API key or token is unknown, revoked or expired.' },
  AUTH_FORBIDDEN: { httpStatus: 403, retryable: false, description: 'The credential is valid but not allowed to do this.' },
  // --- tenants ---
  TENANT_NOT_FOUND: { httpStatus: 404, retryable: false, description: 'No tenant matches the given id or location.' },
  TENANT_DISABLED: { httpStatus: 403, retryable: false, description: 'The tenant is disabled.' },
  TENANT_MAINTENANCE: { httpStatus: 503, retryable: true, description: 'The tenant is in maintenance mode.' },
  TENANT_CONFIG_INVALID: { httpStatus: 500, retryable: false, description: 'A tenant file or object failed validation.' },
  TENANT_MISMATCH: { httpStatus: 400, retryable: false, description: 'A record was written under a different tenant than it belongs to.' },
  // --- stores ---
  STORE_CONFLICT: { httpStatus: 409, retryable: true, description: 'A concurrent write changed the record; reload and retry.' },
  STORE_UNAVAILABLE: { httpStatus: 503, retryable: true, description: 'The backing store could not be reached.' },
  STORE_CORRUPT: { httpStatus: 500, retryable: false, description: 'A stored record failed validation on read.' },
  OUTBOX_LEASE_LOST: { httpStatus: 409, retryable: false, description: 'The outbox lease expired or belongs to another worker.' },
  // --- locks ---
  LOCK_NOT_ACQUIRED: { httpStatus: 409, retryable: true, description: 'The lock is held by someone else.' },
  LOCK_LOST: { httpStatus: 409, retryable: false, description: 'The lock expired or was taken over before release.' },
  // --- queue ---
  QUEUE_CLOSED: { httpStatus: 503, retryable: false, description: 'The job queue is closed.' },
  QUEUE_HANDLER_MISSING: { httpStatus: 500, retryable: false, description: 'No handler is registered for the job name.' },
  QUEUE_UNAVAILABLE: { httpStatus: 503, retryable: true, description: 'The job queue backend (Redis for BullMQ, the database for the kysely queue) could not be reached.' },
  // --- Redis (packages/adapters/redis) ---
  REDIS_UNAVAILABLE: { httpStatus: 503, retryable: true, description: 'Redis could not be reached or did not answer in time.' },
  // --- LLM ---
  LLM_TIMEOUT: { httpStatus: 504, retryable: true, description: 'The model call timed out.' },
  LLM_RATE_LIMITED: { httpStatus: 429, retryable: true, description: 'The model provider rate-limited the call.' },
  LLM_UNAVAILABLE: { httpStatus: 503, retryable: true, description: 'The model provider is unavailable.' },
  LLM_BAD_OUTPUT: { httpStatus: 502, retryable: false, description: 'The model output did not match the requested schema.' },
  LLM_BUDGET_EXHAUSTED: { httpStatus: 429, retryable: false, description: 'The LLM spend limit is reached.' },
  LLM_UNEXPECTED_CALL: { httpStatus: 500, retryable: false, description: 'A scripted LLM client received a call it had no step for.' },
  LLM_REQUEST_REJECTED: { httpStatus: 502, retryable: false, description: 'The model provider rejected the request (invalid request, credentials or permission).' },
  // --- CRM ---
  CRM_ACTION_FAILED: { httpStatus: 502, retryable: true, description: 'The CRM rejected or failed an action.' },
  CRM_MAPPING_MISSING: { httpStatus: 500, retryable: false, description: 'A logical name has no GHL id in the tenant mapping.' },
  // --- GHL API (packages/ghl) ---
  GHL_API_ERROR: { httpStatus: 502, retryable: false, description: 'GHL answered with an unexpected error status.' },
  GHL_REQUEST_REJECTED: { httpStatus: 502, retryable: false, description: 'GHL rejected the request as invalid (400/422).' },
  GHL_UNAUTHORIZED: { httpStatus: 502, retryable: false, description: 'GHL rejected the access token, also after a refresh (401).' },
  GHL_FORBIDDEN: { httpStatus: 502, retryable: false, description: 'The token lacks the scope or access to the location (403).' },
  GHL_NOT_FOUND: { httpStatus: 404, retryable: false, description: 'The GHL resource does not exist (404).' },
  GHL_RATE_LIMITED: { httpStatus: 429, retryable: true, description: 'GHL rate-limited the call (429) or the local budget is spent.' },
  GHL_DAILY_LIMIT_REACHED: { httpStatus: 429, retryable: true, description: "The location's daily GHL request budget is spent." },
  GHL_UNAVAILABLE: { httpStatus: 502, retryable: true, description: 'GHL answered 5xx or could not be reached.' },
  GHL_TIMEOUT: { httpStatus: 504, retryable: true, description: 'The GHL call did not answer in time.' },
  GHL_RESPONSE_INVALID: { httpStatus: 502, retryable: false, description: 'A GHL response did not match the expected schema.' },
  GHL_AUTH_FAILED: { httpStatus: 502, retryable: false, description: 'An OAuth code exchange, refresh or location-token exchange failed.' },
  GHL_TOKEN_MISSING: { httpStatus: 500, retryable: false, description: 'No GHL access token is configured or stored for the location.' },
  // --- webhooks ---
  WEBHOOK_SIGNATURE_MISSING: { httpStatus: 401, retryable: false, description: 'The webhook carried no signature header.' },
  WEBHOOK_SIGNATURE_INVALID: { httpStatus: 401, retryable: false, description: 'The webhook signature did not verify against the raw body.' },
  WEBHOOK_TIMESTAMP_INVALID: { httpStatus: 401, retryable: false, description: 'The webhook timestamp is missing or outside the accepted window.' },
  WEBHOOK_DUPLICATE: { httpStatus: 200, retryable: false, description: 'The webhook id was already accepted (replay or redelivery).' },
  WEBHOOK_PAYLOAD_INVALID: { httpStatus: 400, retryable: false, description: 'The webhook body is not valid JSON or misses required fields.' },
  // --- alerting (packages/observability) ---
  ALERT_RULE_INVALID: { httpStatus: 400, retryable: false, description: 'An alert rule, silence or inhibition rule failed validation.' },
  ALERT_RULE_NOT_FOUND: { httpStatus: 404, retryable: false, description: 'No alert rule, silence or alert has the given id.' },
  ALERT_RULE_CONFLICT: { httpStatus: 409, retryable: false, description: 'An alert rule with the same id already exists.' },
  ALERT_CHANNEL_REJECTED: { httpStatus: 502, retryable: false, description: 'An alert channel rejected the notification (4xx); retrying will not help.' },
  ALERT_CHANNEL_UNAVAILABLE: { httpStatus: 502, retryable: true, description: 'An alert channel answered 5xx or could not be reached.' },
  ALERT_CHANNEL_RATE_LIMITED: { httpStatus: 429, retryable: true, description: 'An alert channel or its local rate limit refused the notification for now.' },
  ALERT_CHANNEL_TIMEOUT: { httpStatus: 504, retryable: true, description: 'An alert channel did not answer in time.' },
  // --- cache (core/src/cache) ---
  CIRCUIT_OPEN: { httpStatus: 503, retryable: true, description: 'A circuit breaker is open; the dependency behind it is skipped for now.' },
  // --- PII crypto (core/src/crypto) ---
  PII_KEY_MISSING: { httpStatus: 500, retryable: false, description: 'No PII encryption key is configured, or the ciphertext names a key id the keyring lacks.' },
  PII_KEYRING_INVALID: { httpStatus: 500, retryable: false, description: 'The PII keyring configuration is malformed (bad key id, key length or encoding).' },
  PII_DECRYPT_FAILED: { httpStatus: 500, retryable: false, description: 'A PII ciphertext is malformed, was tampered with, or does not match its key.' },
} as const satisfies Record<string, ErrorCodeInfo>;

/** An error code from {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** True when `value` is a known {@link ErrorCode}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}
