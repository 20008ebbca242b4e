import { z } from 'zod';
import { EnterpriseHubError } from './enterprise-hub-error';

function errorName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('name' in value)) return undefined;
  return typeof value.name === 'string' ? value.name : undefined;
}

/**
 * Converts anything thrown into an {@link EnterpriseHubError}, without copying foreign messages
 * (they may carry PII): abort → `ABORTED`, timeout → `TIMEOUT`, zod → `VALIDATION_FAILED`
 * (with the failing field paths), anything else → `INTERNAL`. The original is kept as `cause`.
 *
 * @example
 * ```ts
 * catch (error) { const hubError = toEnterpriseHubError(error); log(hubError.code); }
 * ```
 */
export function toEnterpriseHubError(value: unknown): EnterpriseHubError {
  if (EnterpriseHubError.isInstance(value)) return value;
  const name = errorName(value);
  if (name === 'AbortError') {
    return new EnterpriseHubError({
      code: 'ABORTED',
      message: 'The operation was aborted.',
      cause: value,
    });
  }
  if (name === 'TimeoutError') {
    return new EnterpriseHubError({
      code: 'TIMEOUT',
      message: 'The operation timed out.',
      cause: value,
    });
  }
  if (value instanceof z.ZodError) {
    const paths = value.issues.map((issue) => issue.path.map(String).join('.') || '(root)');
    return new EnterpriseHubError({
      code: 'VALIDATION_FAILED',
      message: `Validation failed at ${[...new Set(paths)].slice(0, 5).join(', ')}.`,
      cause: value,
      details: { issues: value.issues.length },
    });
  }
  return new EnterpriseHubError({
    code: 'INTERNAL',
    message: 'An unexpected internal error occurred.',
    cause: value,
  });
}
