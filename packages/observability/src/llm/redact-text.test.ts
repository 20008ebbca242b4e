import { describe, expect, it } from 'vitest';
import { redactText } from './redact-text';

describe('redactText', () => {
  it('masks e-mail addresses, phone numbers and long digit runs', () => {
    expect(
      redactText(
        'reach me: jo.doe+home@example.co.uk, (512) 555-0142, +1 512.555.0199, acct 123456789012',
      ),
    ).toBe(
      'reach me: [REDACTED_EMAIL], [REDACTED_PHONE], [REDACTED_PHONE], acct [REDACTED_NUMBER]',
    );
  });

  it('masks social security numbers and nine-digit ids', () => {
    expect(redactText('ssn 123-45-6789 or 123456789')).toBe(
      'ssn [REDACTED_NUMBER] or [REDACTED_NUMBER]',
    );
  });

  it('masks bearer tokens, JWTs, API keys and hex secrets', () => {
    const text = [
      'Authorization: Bearer abcdefghijklmnop',
      'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl',
      'key sk-ant-api03-abcdefghijklmnopqrstuvwxyz',
      'hash 0123456789abcdef0123456789abcdef',
    ].join('\n');
    const redacted = redactText(text);
    expect(redacted).not.toMatch(/abcdefghijklmnop|eyJhbGci|sk-ant|0123456789abcdef0123/);
    expect(redacted).toContain('[REDACTED_TOKEN]');
    expect(redacted).toContain('[REDACTED_JWT]');
    expect(redacted).toContain('[REDACTED_KEY]');
    expect(redacted).toContain('[REDACTED_SECRET]');
  });

  it('leaves ordinary real-estate text alone', () => {
    const text = 'Looking for a 3 bed in Cedar Park under $450k, moving in 6 months.';
    expect(redactText(text)).toBe(text);
  });
});
