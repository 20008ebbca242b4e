import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES, isErrorCode } from './error-codes';
import { EnterpriseHubError } from './enterprise-hub-error';
import { toEnterpriseHubError } from './to-enterprise-hub-error';

describe('EnterpriseHubError', () => {
  it('takes retryability and HTTP status from the code table unless overridden', () => {
    const limited = new EnterpriseHubError({ code: 'LLM_RATE_LIMITED', message: 'Rate limited.' });
    expect([limited.retryable, limited.httpStatus]).toEqual([true, 429]);
    const forced = new EnterpriseHubError({
      code: 'LLM_RATE_LIMITED',
      message: 'Rate limited.',
      retryable: false,
    });
    expect(forced.retryable).toBe(false);
    expect(new EnterpriseHubError({ code: 'TENANT_NOT_FOUND', message: 'x' }).httpStatus).toBe(404);
  });

  it('recognises instances by marker, including look-alikes from another copy of the package', () => {
    const error = new EnterpriseHubError({ code: 'INTERNAL', message: 'x' });
    expect(EnterpriseHubError.isInstance(error)).toBe(true);
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('enterprisehub.error')]: true,
      code: 'INTERNAL',
    });
    expect(EnterpriseHubError.isInstance(foreign)).toBe(true);
    expect(EnterpriseHubError.isInstance(new Error('x'))).toBe(false);
    expect(EnterpriseHubError.isInstance(null)).toBe(false);
    expect(EnterpriseHubError.isInstance('INTERNAL')).toBe(false);
  });

  it('serialises code, message, retryable and details but never the cause', () => {
    const error = new EnterpriseHubError({
      code: 'STORE_UNAVAILABLE',
      message: 'Postgres unreachable.',
      cause: new Error('password=hunter2'),
      details: { attempts: 3 },
    });
    const json = JSON.stringify(error);
    expect(JSON.parse(json)).toEqual({
      name: 'EnterpriseHubError',
      code: 'STORE_UNAVAILABLE',
      message: 'Postgres unreachable.',
      retryable: true,
      details: { attempts: 3 },
    });
    expect(json).not.toContain('hunter2');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('has a well-formed code table', () => {
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(info.httpStatus).toBeGreaterThanOrEqual(200);
      expect(info.description.length).toBeGreaterThan(5);
    }
    expect(isErrorCode('LLM_TIMEOUT')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('toEnterpriseHubError', () => {
  it('returns EnterpriseHubErrors unchanged', () => {
    const error = new EnterpriseHubError({ code: 'LOCK_NOT_ACQUIRED', message: 'busy' });
    expect(toEnterpriseHubError(error)).toBe(error);
  });

  it('maps aborts and timeouts to ABORTED and TIMEOUT', () => {
    expect(toEnterpriseHubError(new DOMException('aborted', 'AbortError')).code).toBe('ABORTED');
    expect(toEnterpriseHubError(new DOMException('slow', 'TimeoutError')).code).toBe('TIMEOUT');
  });

  it('maps zod errors to VALIDATION_FAILED naming the fields but never the values', () => {
    const schema = z.object({ phone: z.number(), email: z.email() });
    const result = schema.safeParse({ phone: '+15125550100', email: 'lead@example' });
    const error = toEnterpriseHubError(result.error);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('phone');
    expect(error.message).toContain('email');
    expect(error.message).not.toContain('5125550100');
    expect(error.message).not.toContain('lead@example');
  });

  it('wraps anything else as INTERNAL without copying its (possibly PII-bearing) message', () => {
    const error = toEnterpriseHubError(new Error('lead +15125550100 failed'));
    expect(error.code).toBe('INTERNAL');
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain('5125550100');
    expect(toEnterpriseHubError('a string').code).toBe('INTERNAL');
  });
});
