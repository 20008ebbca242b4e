import { EnterpriseHubError, type ErrorCode, type ErrorDetails } from '@enterprisehub/core';

/** HTTP methods the GHL client uses. */
export type GhlHttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Options for {@link GhlApiError}. */
export interface GhlApiErrorOptions {
  /** Error code; derived from `status` by {@link ghlErrorCodeForStatus} when omitted. */
  code?: ErrorCode;
  /** HTTP status GHL answered with; `undefined` when no response arrived (network error, timeout). */
  status: number | undefined;
  /** HTTP method. */
  method: GhlHttpMethod;
  /** Path template of the operation, e.g. `/contacts/{contactId}` (never the filled-in path). */
  pathTemplate: string;
  /** GHL's `traceId` (from the body or the `x-request-id`/`traceid` header), for support tickets. */
  requestId?: string;
  /** How long GHL asked us to wait before retrying, ms. */
  retryAfterMs?: number;
  /** Override the retryability the code implies. */
  retryable?: boolean;
  /** What went wrong, one sentence without PII; a default naming method, path and status is used when omitted. */
  message?: string;
  /** Underlying error. */
  cause?: unknown;
  /** Extra non-PII details. */
  details?: ErrorDetails;
}

/** Maps a GHL HTTP status (or none: network failure) to our error code. */
export function ghlErrorCodeForStatus(status: number | undefined): ErrorCode {
  if (status === undefined) return 'GHL_UNAVAILABLE';
  if (status === 400 || status === 422) return 'GHL_REQUEST_REJECTED';
  if (status === 401) return 'GHL_UNAUTHORIZED';
  if (status === 403) return 'GHL_FORBIDDEN';
  if (status === 404) return 'GHL_NOT_FOUND';
  if (status === 408) return 'GHL_TIMEOUT';
  if (status === 429) return 'GHL_RATE_LIMITED';
  if (status >= 500) return 'GHL_UNAVAILABLE';
  return 'GHL_API_ERROR';
}

/**
 * A failed GHL API call: status, method, path template, GHL's request id and retry-after — never headers,
 * bodies or tokens (they can carry secrets and PII).
 *
 * @example
 * ```ts
 * try { await client.contacts.get(id); } catch (error) {
 *   if (GhlApiError.isGhlApiError(error) && error.status === 404) return undefined;
 *   throw error;
 * }
 * ```
 */
export class GhlApiError extends EnterpriseHubError {
  /** HTTP status, or `undefined` when no response arrived. */
  readonly status: number | undefined;
  /** HTTP method. */
  readonly method: GhlHttpMethod;
  /** Operation path template, e.g. `/contacts/{contactId}`. */
  readonly pathTemplate: string;
  /** GHL's trace id, when it sent one. */
  readonly requestId: string | undefined;
  /** Wait GHL asked for before a retry, ms. */
  readonly retryAfterMs: number | undefined;

  /** Creates the error; the message names method, path template and status unless given. */
  constructor(options: GhlApiErrorOptions) {
    const code = options.code ?? ghlErrorCodeForStatus(options.status);
    const statusText = options.status === undefined ? 'no response' : `status ${options.status}`;
    super({
      code,
      message: options.message ?? `GHL ${options.method} ${options.pathTemplate} failed with ${statusText}.`,
      ...(options.retryable === undefined ? {} : { retryable: options.retryable }),
      ...(options.cause === undefined ? {} : { cause: options.cause }),
      details: {
        ...options.details,
        method: options.method,
        pathTemplate: options.pathTemplate,
        ...(options.status === undefined ? {} : { status: options.status }),
        ...(options.requestId === undefined ? {} : { requestId: options.requestId }),
        ...(options.retryAfterMs === undefined ? {} : { retryAfterMs: options.retryAfterMs }),
      },
    });
    this.name = 'GhlApiError';
    this.status = options.status;
    this.method = options.method;
    this.pathTemplate = options.pathTemplate;
    this.requestId = options.requestId;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** True for a {@link GhlApiError} (also one from another copy of this package). */
  static isGhlApiError(value: unknown): value is GhlApiError {
    return EnterpriseHubError.isInstance(value) && value.name === 'GhlApiError' && 'pathTemplate' in value;
  }
}
