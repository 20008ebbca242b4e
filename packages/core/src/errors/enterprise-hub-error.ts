import { ERROR_CODES, type ErrorCode } from './error-codes';

const MARKER = Symbol.for('enterprisehub.error');

/** Non-PII details attached to an error: ids, counts, flags. */
export type ErrorDetails = Record<string, string | number | boolean>;

/** The JSON form of an {@link EnterpriseHubError}: safe to return to API clients. */
export interface EnterpriseHubErrorJson {
  /** Always `EnterpriseHubError`. */
  name: string;
  /** Error code. */
  code: ErrorCode;
  /** PII-free message. */
  message: string;
  /** Whether retrying may succeed. */
  retryable: boolean;
  /** Non-PII details. */
  details: ErrorDetails;
}

/** Options for {@link EnterpriseHubError}. */
export interface EnterpriseHubErrorOptions {
  /** Code from the error table. */
  code: ErrorCode;
  /** One sentence naming what failed and a non-PII identifier. Never secrets, phones or emails. */
  message: string;
  /** Override the table's retryability. */
  retryable?: boolean;
  /** Underlying error (kept for debugging; never serialised). */
  cause?: unknown;
  /** Non-PII details. */
  details?: ErrorDetails;
}

/**
 * The one error class of EnterpriseHub: a code from {@link ERROR_CODES}, retryability and safe details.
 *
 * @example
 * ```ts
 * throw new EnterpriseHubError({ code: 'TENANT_NOT_FOUND', message: 'No tenant for location loc_1.' });
 * ```
 */
export class EnterpriseHubError extends Error {
  /** Error code. */
  readonly code: ErrorCode;
  /** Whether retrying may succeed. */
  readonly retryable: boolean;
  /** Non-PII details. */
  readonly details: ErrorDetails;
  private readonly [MARKER] = true;

  /** Creates an error from a code and a PII-free message. */
  constructor(options: EnterpriseHubErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EnterpriseHubError';
    this.code = options.code;
    this.retryable = options.retryable ?? ERROR_CODES[options.code].retryable;
    this.details = options.details ?? {};
  }

  /** HTTP status the server answers with for this error's code. */
  get httpStatus(): number {
    return ERROR_CODES[this.code].httpStatus;
  }

  /** True for any EnterpriseHubError, even one created by another copy of the package. */
  static isInstance(value: unknown): value is EnterpriseHubError {
    return typeof value === 'object' && value !== null && MARKER in value && value[MARKER] === true;
  }

  /** A safe JSON form (code, message, retryable, details; never the cause). */
  toJSON(): EnterpriseHubErrorJson {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      details: this.details,
    };
  }
}
