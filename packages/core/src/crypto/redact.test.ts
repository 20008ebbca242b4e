import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import { isSensitiveKey } from './is-sensitive-key';
import { redact } from './redact';
import { redactText } from './redact-text';

describe('redactText', () => {
  it.each([
    ['Call (512) 555-0123 today', 'Call [PHONE] today'],
    ['text 512.555.0123 or 512-555-0123 or 5125550123', 'text [PHONE] or [PHONE] or [PHONE]'],
    ['reach me at +1 512 555 0123.', 'reach me at [PHONE].'],
    ['UK: +44 20 7946 0958', 'UK: [PHONE]'],
    ['mail Jane.Doe+homes@Example.co.uk please', 'mail [EMAIL] please'],
    ['Authorization: Bearer abc.def.ghi-jkl_mnop', 'Authorization: [REDACTED]'],
    ['sent with Bearer eyJhbGciOi.eyJzdWIi.sig and more', 'sent with Bearer [TOKEN] and more'],
    ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.abcDEF123', 'jwt [TOKEN]'],
    ['password=hunter22 and "api_key": "abc123xyz"', 'password=[REDACTED] and "api_key": "[REDACTED]"'],
    ['key sk-ant-api03-abcdefghijklmnopqrst used', 'key [TOKEN] used'],
    ['ghl pit-3c2a1b4e-1111-2222-3333-444455556666', 'ghl [TOKEN]'],
    ['slack https://hooks.slack.com/services/T000/B000/XXXXXXXX ok', 'slack https://hooks.slack.com/[TOKEN] ok'],
    ['cb https://x.io/cb?code=abc123&state=ok', 'cb https://x.io/cb?code=[REDACTED]&state=ok'],
    ['sha deadbeefdeadbeefdeadbeefdeadbeef01234567', 'sha [TOKEN]'],
    ['b64 q2V4aW5nIHJhbmRvbQ8xZm9yIHRoZSB0ZXN0IQ==', 'b64 [TOKEN]'],
    ['env GHL_API_KEY=abc123 ALERT_EMAIL_SMTP_PASSWORD=hunter2', 'env GHL_API_KEY=[REDACTED] ALERT_EMAIL_SMTP_PASSWORD=[REDACTED]'],
    ['key ghl_live_1234567890abcdef1234567890', 'key [TOKEN]'],
  ])('masks %j', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    'budget $450,000 to $1,250,000.00',
    'Price range 300000-500000, 3 beds 2 baths 1,850 sqft built 1998',
    'on 2024-03-15T10:00:00.000Z (+05:30), 12/05/2024 at 5:30pm',
    'ZIP 78701-1234 near 78701, MLS# 4567890',
    'epoch 1718000000 / 1718000000123',
    'timeline 3-6 months, version 1.2.3, IP 192.168.100.200',
    'request 550e8400-e29b-41d4-a716-446655440000 contact ve9EPM428h8vShlRW1KT',
    'usage inputTokens: 500, outputTokens: 20',
    'max_tokens=1024 cache_token_count: 5',
    'tenant-austin-realty-downtown-office-main',
    'packages/core/src/cache/tiered-cache-types.ts',
  ])('leaves %j alone', (input) => {
    expect(redactText(input)).toBe(input);
  });

  it('never lets a formatted US phone number through', () => {
    const digit = (from: number) => fc.integer({ min: from, max: 9 }).map(String);
    const nanp = fc.tuple(digit(2), digit(0), digit(0), digit(2), digit(0), digit(0), fc.array(digit(0), { minLength: 4, maxLength: 4 }));
    const format = fc.constantFrom('(AAA) EEE-NNNN', 'AAA-EEE-NNNN', 'AAA.EEE.NNNN', 'AAAEEENNNN', '+1 AAA EEE NNNN', '1-AAA-EEE-NNNN');
    fc.assert(
      fc.property(nanp, format, fc.constantFrom('call ', 'phone: ', '', 'Text me at '), ([a, b, c, d, e, f, rest], pattern, prefix) => {
        const phone = pattern.replace('AAA', `${a}${b}${c}`).replace('EEE', `${d}${e}${f}`).replace('NNNN', rest.join(''));
        const output = redactText(`${prefix}${phone} thanks`);
        return output.includes('[PHONE]') && !output.includes(rest.join(''));
      }),
    );
  });
});

describe('redact', () => {
  it('masks sensitive keys whatever their value and redacts strings deeply, without mutating', () => {
    const input = {
      contact: { phone: '+15125550123', email: 'jane@example.com', budgetMax: 450_000, dnd: false },
      headers: { Authorization: 'Bearer abcdefgh12345678', 'x-api-key': 'k', accept: 'application/json' },
      config: { ALERT_EMAIL_SMTP_PASSWORD: 'hunter2', ALERT_EMAIL_ENABLED: true, ALERT_EMAIL_TO: 'ops@agency.com' },
      usage: { inputTokens: 500, outputTokens: 20, accessToken: 'abc' },
      notes: ['call 512-555-0123', { refresh_token: 'xyz' }],
      missing: { email: null, phone: undefined },
    };
    const snapshot = structuredClone(input);
    expect(redact(input)).toEqual({
      contact: { phone: '[REDACTED]', email: '[REDACTED]', budgetMax: 450_000, dnd: false },
      headers: { Authorization: '[REDACTED]', 'x-api-key': '[REDACTED]', accept: 'application/json' },
      config: { ALERT_EMAIL_SMTP_PASSWORD: '[REDACTED]', ALERT_EMAIL_ENABLED: true, ALERT_EMAIL_TO: '[EMAIL]' },
      usage: { inputTokens: 500, outputTokens: 20, accessToken: '[REDACTED]' },
      notes: ['call [PHONE]', { refresh_token: '[REDACTED]' }],
      missing: { email: null, phone: undefined },
    });
    expect(input).toEqual(snapshot);
  });

  it('survives cycles and keeps shared (non-circular) references', () => {
    const shared = { note: 'jane@example.com' };
    const root: Record<string, unknown> = { a: shared, b: shared };
    root['self'] = root;
    expect(redact(root)).toEqual({ a: { note: '[EMAIL]' }, b: { note: '[EMAIL]' }, self: '[Circular]' });
  });

  it('stops at depth 20', () => {
    let nested: Record<string, unknown> = { leaf: true };
    for (let level = 0; level < 30; level += 1) nested = { nested };
    expect(JSON.stringify(redact(nested))).toContain('[MaxDepth]');
  });

  it('turns errors into plain objects with redacted message, stack, fields and cause', () => {
    const error = new EnterpriseHubError({
      code: 'CRM_ACTION_FAILED',
      message: 'Send failed.',
      cause: new Error('GHL said 512-555-0123 is invalid'),
      details: { contactId: 'c1' },
    });
    const output = redact(error) as unknown as Record<string, unknown>;
    expect(output).toMatchObject({ name: 'EnterpriseHubError', message: 'Send failed.', code: 'CRM_ACTION_FAILED' });
    expect(output['cause']).toMatchObject({ message: 'GHL said [PHONE] is invalid' });
    expect(JSON.stringify(output)).not.toContain('555-0123');
  });

  it('handles maps, sets, dates, URLs, binary data and toJSON objects', () => {
    const when = new Date('2026-01-01T00:00:00Z');
    const output = redact({
      map: new Map<string, unknown>([['email', 'x@y.co'], ['note', 'x@y.co']]),
      set: new Set(['512-555-0123']),
      when,
      url: new URL('https://x.io/cb?token=abc123'),
      bytes: Buffer.from('secret'),
      custom: { toJSON: () => ({ phone: '5125550123' }) },
    });
    expect(output.map).toEqual(new Map([['email', '[REDACTED]'], ['note', '[EMAIL]']]));
    expect(output.set).toEqual(new Set(['[PHONE]']));
    expect(output.when).toEqual(when);
    expect(output.url).toBe('https://x.io/cb?token=[REDACTED]');
    expect(output.bytes).toBe('[Binary 6 bytes]');
    expect(output.custom).toEqual({ phone: '[REDACTED]' });
  });

  it('passes primitives through and redacts a bare string', () => {
    expect(redact(42)).toBe(42);
    expect(redact(null)).toBeNull();
    expect(redact('jane@example.com')).toBe('[EMAIL]');
  });
});

describe('isSensitiveKey', () => {
  it.each(['password', 'ALERT_WEBHOOK_PAGERDUTY_API_KEY', 'apiKey', 'clientSecret', 'access_token', 'Authorization', 'set-cookie', 'phoneNumber', 'email', 'slackWebhookUrl'])(
    'flags %s',
    (key) => expect(isSensitiveKey(key)).toBe(true),
  );

  it.each(['inputTokens', 'maxTokens', 'key', 'emailEnabled', 'ALERT_EMAIL_TO', 'contactId', 'budgetMax', 'author'])('does not flag %s', (key) =>
    expect(isSensitiveKey(key)).toBe(false),
  );
});
