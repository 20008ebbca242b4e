import { randomBytes } from 'node:crypto';
import { createKeyring, type Keyring } from '@enterprisehub/core';

/** A core keyring with one fresh random key (`k1` unless named), for tests. */
export function createTestKeyring(keyId = 'k1'): Keyring {
  return createKeyring({ keys: [{ id: keyId, key: randomBytes(32).toString('base64') }] });
}
