import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blindIndex } from './blind-index';
import { createKeyring } from './keyring';
import { normalizeEmail } from './normalize-email';
import { normalizePhone } from './normalize-phone';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');

describe('normalizePhone', () => {
  it.each([
    ['(512) 555-0123', '+15125550123'],
    ['512.555.0123', '+15125550123'],
    ['512 555 0123', '+15125550123'],
    ['1-512-555-0123', '+15125550123'],
    ['+1 (512) 555-0123', '+15125550123'],
    ['tel:+15125550123', '+15125550123'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
  ])('normalises %s to %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(['call me', '555-0123', '123-456-7890', '+1 123 555 0123', '12345', '', '512-555-0123 ext 4', '+0 123 456 789', '$450,000'])(
    'returns undefined for %j',
    (input) => {
      expect(normalizePhone(input)).toBeUndefined();
    },
  );

  it('applies another default calling code to national numbers, dropping the trunk 0', () => {
    expect(normalizePhone('020 7946 0958', { defaultCallingCode: '44' })).toBe('+442079460958');
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Jane.Doe+Homes@Example.COM ')).toBe('jane.doe+homes@example.com');
  });

  it.each(['jane', 'jane@', '@example.com', 'jane doe@example.com', 'jane@example'])('returns undefined for %j', (input) => {
    expect(normalizeEmail(input)).toBeUndefined();
  });
});

describe('blindIndex', () => {
  const keyring = createKeyring({ keys: [{ id: 'k1', key: keyA }] });

  it('gives the same index for differently formatted equal values', () => {
    const a = blindIndex(keyring, { kind: 'phone', value: '(512) 555-0123' });
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(blindIndex(keyring, { kind: 'phone', value: '+1 512 555 0123' })).toBe(a);
    expect(blindIndex(keyring, { kind: 'email', value: ' Jane@Example.com' })).toBe(
      blindIndex(keyring, { kind: 'email', value: 'jane@example.com' }),
    );
  });

  it('differs between values, kinds and keys, and does not contain the value', () => {
    const phone = blindIndex(keyring, { kind: 'phone', value: '5125550123' });
    expect(blindIndex(keyring, { kind: 'phone', value: '5125550124' })).not.toBe(phone);
    expect(blindIndex(createKeyring({ keys: [{ id: 'k1', key: keyB }] }), { kind: 'phone', value: '5125550123' })).not.toBe(phone);
    expect(phone).not.toContain('5125550123');
  });

  it('uses a key derived separately from the encryption key', () => {
    const naive = createHmac('sha256', Buffer.from(keyA, 'base64')).update('phone:+15125550123').digest('base64url');
    expect(blindIndex(keyring, { kind: 'phone', value: '+15125550123' })).not.toBe(naive);
  });

  it('returns undefined when the value does not normalise', () => {
    expect(blindIndex(keyring, { kind: 'phone', value: 'not a phone' })).toBeUndefined();
    expect(blindIndex(keyring, { kind: 'email', value: 'not an email' })).toBeUndefined();
  });

  it('offers candidates under every key for lookups while the index key rotates', () => {
    const rotated = createKeyring({ keys: [{ id: 'k2', key: keyB }, { id: 'k1', key: keyA }], indexKeyId: 'k2' });
    const input = { kind: 'email', value: 'jane@example.com' } as const;
    const candidates = rotated.blindIndexCandidates(input);
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toBe(rotated.blindIndex(input));
    expect(candidates).toContain(keyring.blindIndex(input));
  });
});
