import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EnterpriseHubError } from '../errors/enterprise-hub-error';
import { decryptField, encryptField, reencrypt } from './field-encryption';
import { createKeyring } from './keyring';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const phone = '+15125550123';

/** Flips one bit of the given segment (3 = ciphertext body, 4 = tag). */
function tamper(ciphertext: string, segment: 3 | 4): string {
  const parts = ciphertext.split('.');
  const bytes = Buffer.from(parts[segment] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[segment] = bytes.toString('base64url');
  return parts.join('.');
}

function failure(run: () => unknown): EnterpriseHubError {
  try {
    run();
  } catch (error) {
    if (EnterpriseHubError.isInstance(error)) return error;
    throw new Error('expected an EnterpriseHubError', { cause: error });
  }
  throw new Error('expected a failure');
}

describe('encryptField / decryptField', () => {
  const keyring = createKeyring({ keys: [{ id: 'k1', key: keyA }], currentKeyId: 'k1' });

  it('round-trips any UTF-8 text, empty included', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => decryptField(keyring, encryptField(keyring, text)) === text));
    expect(decryptField(keyring, encryptField(keyring, ''))).toBe('');
  });

  it('writes v1.<kid>.<iv>.<ciphertext>.<tag> in base64url with a fresh IV each time', () => {
    const first = encryptField(keyring, phone);
    const second = encryptField(keyring, phone);
    expect(first).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('5125550123');
  });

  it('fails with PII_DECRYPT_FAILED on a tampered ciphertext, without plaintext or key in the message', () => {
    const stored = encryptField(keyring, phone);
    expect(failure(() => decryptField(keyring, tamper(stored, 4))).code).toBe('PII_DECRYPT_FAILED');
    const error = failure(() => decryptField(keyring, tamper(stored, 3)));
    expect(error.code).toBe('PII_DECRYPT_FAILED');
    expect(error.message).not.toContain(phone);
    expect(error.message).not.toContain(keyA);
    expect(JSON.stringify(error)).not.toContain(keyA);
  });

  it('fails with PII_DECRYPT_FAILED under a wrong key of the same id', () => {
    const stored = encryptField(keyring, phone);
    const impostor = createKeyring({ keys: [{ id: 'k1', key: keyB }] });
    expect(failure(() => decryptField(impostor, stored)).code).toBe('PII_DECRYPT_FAILED');
  });

  it('fails with PII_KEY_MISSING when the ciphertext names a key the ring lacks', () => {
    const stored = encryptField(createKeyring({ keys: [{ id: 'old', key: keyB }] }), phone);
    const error = failure(() => decryptField(keyring, stored));
    expect(error.code).toBe('PII_KEY_MISSING');
    expect(error.details).toEqual({ keyId: 'old' });
  });

  it('rejects malformed ciphertexts with PII_DECRYPT_FAILED', () => {
    const stored = encryptField(keyring, phone);
    for (const bad of ['', phone, 'v2' + stored.slice(2), stored.replace(/\.[^.]+$/, '.short'), `${stored}.extra`, 'v1.k1.!!!.x.y']) {
      expect(failure(() => decryptField(keyring, bad)).code).toBe('PII_DECRYPT_FAILED');
    }
  });

  it('binds the ciphertext to its context so it cannot be moved to another record', () => {
    const stored = encryptField(keyring, phone, { context: 'contact:t1:c1:phone' });
    expect(decryptField(keyring, stored, { context: 'contact:t1:c1:phone' })).toBe(phone);
    expect(failure(() => decryptField(keyring, stored, { context: 'contact:t1:c2:phone' })).code).toBe('PII_DECRYPT_FAILED');
    expect(failure(() => decryptField(keyring, stored)).code).toBe('PII_DECRYPT_FAILED');
  });

  it('never exposes key material through JSON or inspect', () => {
    expect(JSON.stringify(keyring)).toBe('{"currentKeyId":"k1","indexKeyId":"k1","keyIds":["k1"]}');
    expect(inspect(keyring, { showHidden: true, depth: 5 })).not.toContain(keyA);
  });
});

describe('key rotation', () => {
  const before = createKeyring({ keys: [{ id: 'k1', key: keyA }] });
  const after = createKeyring({ keys: [{ id: 'k2', key: keyB }, { id: 'k1', key: keyA }], currentKeyId: 'k2' });

  it('decrypts old ciphertexts, encrypts new ones with the current key and re-encrypts on demand', () => {
    const old = encryptField(before, phone);
    expect(decryptField(after, old)).toBe(phone);
    expect(encryptField(after, phone).startsWith('v1.k2.')).toBe(true);
    expect(after.needsReencrypt(old)).toBe(true);
    const rotated = reencrypt(after, old);
    expect(rotated.startsWith('v1.k2.')).toBe(true);
    expect(after.needsReencrypt(rotated)).toBe(false);
    expect(decryptField(createKeyring({ keys: [{ id: 'k2', key: keyB }] }), rotated)).toBe(phone);
  });

  it('returns a ciphertext already under the current key unchanged, after verifying it', () => {
    const current = encryptField(after, phone);
    expect(reencrypt(after, current)).toBe(current);
    expect(failure(() => reencrypt(after, tamper(current, 4))).code).toBe('PII_DECRYPT_FAILED');
  });

  it('keeps the context through re-encryption', () => {
    const old = encryptField(before, phone, { context: 'c' });
    expect(decryptField(after, reencrypt(after, old, { context: 'c' }), { context: 'c' })).toBe(phone);
  });
});
