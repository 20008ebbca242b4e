import type { Contact, ContactLookupHashes, Keyring } from '@enterprisehub/core';
import type { FieldCipher } from './pii-codec';

/** The field cipher of a core `Keyring` (AES-256-GCM, record-bound associated data). @internal */
export function keyringCipher(keyring: Keyring): FieldCipher {
  return {
    encrypt: (plaintext, options) => keyring.encrypt(plaintext, options),
    decrypt: (ciphertext, options) => keyring.decrypt(ciphertext, options),
    needsReencrypt: (ciphertext) => keyring.needsReencrypt(ciphertext),
  };
}

/** Derives a contact's blind indexes (normalised phone / email, HMAC) with a core `Keyring`. @internal */
export function keyringLookupHashes(keyring: Keyring): (contact: Contact) => ContactLookupHashes {
  return (contact) => {
    const hashes: ContactLookupHashes = {};
    const phoneHash =
      contact.phone === undefined
        ? undefined
        : keyring.blindIndex({ kind: 'phone', value: contact.phone });
    const emailHash =
      contact.email === undefined
        ? undefined
        : keyring.blindIndex({ kind: 'email', value: contact.email });
    if (phoneHash !== undefined) hashes.phoneHash = phoneHash;
    if (emailHash !== undefined) hashes.emailHash = emailHash;
    return hashes;
  };
}
