/**
 * First-start secrets of the embedded mode, kept in `DATA_DIR` with owner-only permissions: the PII keyring, an admin
 * API key, the JWT secret and the local simulator's Ed25519 key pair. Production never uses these files: there the
 * keys come from the environment and the config refuses to start without them.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKeyringEnvValue } from '@enterprisehub/core';

/** The secrets file's shape. */
export interface EmbeddedSecrets {
  piiEncryptionKeys: string;
  adminApiKey: string;
  jwtSecret: string;
  simulator: { publicKeyPem: string; privateKeyPem: string };
}

/** Result of {@link loadEmbeddedSecrets}: the secrets and whether this start created them. */
export interface LoadedSecrets {
  secrets: EmbeddedSecrets;
  created: boolean;
  path: string;
}

/** The secrets file's name inside `DATA_DIR`. */
export const SECRETS_FILE = 'secrets.json';

/** Creates a new admin API key: a recognisable prefix and 32 random bytes. */
export function generateApiKey(): string {
  return `ehk_${randomBytes(32).toString('base64url')}`;
}

function generate(): EmbeddedSecrets {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    piiEncryptionKeys: generateKeyringEnvValue(),
    adminApiKey: generateApiKey(),
    jwtSecret: randomBytes(48).toString('base64url'),
    simulator: {
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    },
  };
}

/** Reads the embedded secrets from `dataDir`, creating them (mode 0600) on first start. */
export async function loadEmbeddedSecrets(dataDir: string): Promise<LoadedSecrets> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, SECRETS_FILE);
  try {
    const secrets = JSON.parse(await readFile(path, 'utf8')) as EmbeddedSecrets;
    return { secrets, created: false, path };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secrets = generate();
  await writeFile(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return { secrets, created: true, path };
}
