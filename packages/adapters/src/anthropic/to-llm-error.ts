import { EnterpriseHubError, toEnterpriseHubError, type ErrorCode } from '@enterprisehub/core';

function read(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** API error types (the `error.type` of an error body or stream `error` event) mapped to codes. */
const BY_TYPE: Record<string, ErrorCode> = {
  rate_limit_error: 'LLM_RATE_LIMITED',
  overloaded_error: 'LLM_UNAVAILABLE',
  api_error: 'LLM_UNAVAILABLE',
  timeout_error: 'LLM_TIMEOUT',
  invalid_request_error: 'LLM_REQUEST_REJECTED',
  authentication_error: 'LLM_REQUEST_REJECTED',
  permission_error: 'LLM_REQUEST_REJECTED',
  not_found_error: 'LLM_REQUEST_REJECTED',
  request_too_large: 'LLM_REQUEST_REJECTED',
  billing_error: 'LLM_REQUEST_REJECTED',
};

function codeFor(status: number | undefined, type: string | undefined): ErrorCode {
  if (status === 429) return 'LLM_RATE_LIMITED';
  if (status === 408 || status === 504) return 'LLM_TIMEOUT';
  if (status !== undefined && status >= 500) return 'LLM_UNAVAILABLE';
  if (type !== undefined && BY_TYPE[type] !== undefined) return BY_TYPE[type];
  if (status !== undefined && status >= 400) return 'LLM_REQUEST_REJECTED';
  return 'LLM_UNAVAILABLE';
}

/**
 * Maps an `@anthropic-ai/sdk` failure to an {@link EnterpriseHubError} — by the SDK error's class
 * name, HTTP status and API error type, never copying the API's message (it may quote the prompt):
 * 429 → `LLM_RATE_LIMITED`; 408/504, connection timeouts and the call's own deadline →
 * `LLM_TIMEOUT`; 529 (`overloaded_error`), other 5xx and connection failures → `LLM_UNAVAILABLE`;
 * other 4xx → `LLM_REQUEST_REJECTED`; the caller's abort → `ABORTED`.
 *
 * @internal
 */
export function toLlmError(
  error: unknown,
  context: { timedOut: boolean; aborted: boolean; timeoutMs: number },
): EnterpriseHubError {
  if (EnterpriseHubError.isInstance(error)) return error;
  const name = read(error, 'name');
  if (context.timedOut) {
    return new EnterpriseHubError({
      code: 'LLM_TIMEOUT',
      message: `The model call did not finish within ${context.timeoutMs} ms.`,
      cause: error,
      details: { timeoutMs: context.timeoutMs },
    });
  }
  if (context.aborted || name === 'APIUserAbortError') {
    return new EnterpriseHubError({
      code: 'ABORTED',
      message: 'The model call was aborted.',
      cause: error,
    });
  }
  if (name === 'APIConnectionTimeoutError') {
    return new EnterpriseHubError({
      code: 'LLM_TIMEOUT',
      message: 'The model provider did not answer in time.',
      cause: error,
    });
  }
  const statusValue = read(error, 'status');
  const status = typeof statusValue === 'number' ? statusValue : undefined;
  const typeValue = read(error, 'type');
  const type = typeof typeValue === 'string' ? typeValue : undefined;
  if (status === undefined && type === undefined && name !== 'APIConnectionError') {
    return toEnterpriseHubError(error);
  }
  const code = codeFor(status, type);
  const details: Record<string, string | number | boolean> = {};
  if (status !== undefined) details['status'] = status;
  if (type !== undefined) details['errorType'] = type;
  const requestId = read(error, 'requestID');
  if (typeof requestId === 'string') details['requestId'] = requestId;
  return new EnterpriseHubError({
    code,
    message:
      status === undefined
        ? `The model provider failed the call (${type ?? 'connection error'}).`
        : `The model provider answered ${status}${type === undefined ? '' : ` (${type})`}.`,
    cause: error,
    details,
  });
}
