import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import { decryptField, encryptField } from './field-encryption';
import { generateKeyringEnvValue } from './generate-keyring-env-value';
import { createKeyring } from './keyring';
import { parseKeyring } from './parse-keyring';

const key = (): string => randomBytes(32).toString('base64');

function failure(run: () => unknown): EnterpriseHubError {
  try {
    run();
  } catch (error) {
    if (EnterpriseHubError.isInstance(error)) return error;
    throw new Error('expected an EnterpriseHubError', { cause: error });
  }
  throw new Error('expected a failure');
}

describe('parseKeyring', () => {
  it('makes the first listed key current and the last the index key', () => {
    const keyring = parseKeyring(` k2:${key()} , k1:${key()} `);
    expect(keyring.keyIds).toEqual(['k2', 'k1']);
    expect(keyring.currentKeyId).toBe('k2');
    expect(keyring.indexKeyId).toBe('k1');
  });

  it('accepts base64url keys and an explicit index key id', () => {
    const keyring = parseKeyring(`a:${randomBytes(32).toString('base64url')},b:${key()}`, { indexKeyId: 'a' });
    expect(keyring.indexKeyId).toBe('a');
  });

  it('fails with PII_KEY_MISSING when unset or blank, naming the variable', () => {
    for (const value of [undefined, '', ' , ']) {
      const error = failure(() => parseKeyring(value));
      expect(error.code).toBe('PII_KEY_MISSING');
      expect(error.message).toContain('PII_ENCRYPTION_KEYS');
    }
  });

  it('fails with PII_KEYRING_INVALID on malformed entries without echoing key material', () => {
    const secret = randomBytes(16).toString('base64'); // 16 bytes: too short
    const cases = [`k1:${secret}`, `k1${key()}`, `k.1:${key()}`, `k1:${key()},k1:${key()}`, `k1:not base64!!`];
    for (const value of cases) {
      const error = failure(() => parseKeyring(value));
      expect(error.code).toBe('PII_KEYRING_INVALID');
      expect(error.message).not.toContain(secret);
    }
  });
});

describe('createKeyring', () => {
  it('rejects a current or index key id that is not in the ring', () => {
    expect(failure(() => createKeyring({ keys: [{ id: 'k1', key: key() }], currentKeyId: 'k9' })).code).toBe('PII_KEYRING_INVALID');
    expect(failure(() => createKeyring({ keys: [{ id: 'k1', key: key() }], indexKeyId: 'k9' })).code).toBe('PII_KEYRING_INVALID');
    expect(failure(() => createKeyring({ keys: [] })).code).toBe('PII_KEYRING_INVALID');
  });

  it('accepts raw 32-byte keys', () => {
    const keyring = createKeyring({ keys: [{ id: 'raw', key: randomBytes(32) }] });
    expect(decryptField(keyring, encryptField(keyring, 'x'))).toBe('x');
  });
});

describe('generateKeyringEnvValue', () => {
  it('produces a value parseKeyring accepts, with a fresh key each time', () => {
    const first = generateKeyringEnvValue();
    expect(first).toMatch(/^k1:[A-Za-z0-9+/]{43}=$/);
    expect(generateKeyringEnvValue()).not.toBe(first);
    expect(parseKeyring(first).currentKeyId).toBe('k1');
  });

  it('prepends a new current key for rotation and keeps old data readable and indexes stable', () => {
    const initial = generateKeyringEnvValue();
    const before = parseKeyring(initial);
    const stored = encryptField(before, '+15125550123');
    const rotated = generateKeyringEnvValue({ existing: initial });
    const after = parseKeyring(rotated);
    expect(after.keyIds).toEqual(['k2', 'k1']);
    expect(decryptField(after, stored)).toBe('+15125550123');
    const input = { kind: 'email', value: 'jane@example.com' } as const;
    expect(after.blindIndex(input)).toBe(before.blindIndex(input));
  });

  it('refuses a key id already in use', () => {
    const initial = generateKeyringEnvValue({ keyId: 'main' });
    expect(failure(() => generateKeyringEnvValue({ existing: initial, keyId: 'main' })).code).toBe('PII_KEYRING_INVALID');
  });
});
