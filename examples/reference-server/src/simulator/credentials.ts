/**
 * The simulator's credentials: the Ed25519 private key the embedded server trusts for webhooks, and the admin API key
 * it polls replies with. Both live in `DATA_DIR/secrets.json`, created by the first embedded start.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SimulatorError } from './errors';

/** What the simulator needs to talk to a server. */
export interface SimulatorCredentials {
  /** PKCS#8 PEM Ed25519 key for `x-ghl-signature`. */
  privateKeyPem: string;
  /** Admin API key (all-tenant scope) for reading replies. */
  adminApiKey: string;
  /** Where they came from, for messages. */
  source: string;
}

/** Options of {@link loadCredentials}. */
export interface LoadCredentialsOptions {
  /** The server's `DATA_DIR`. @defaultValue `.data` */
  dataDir?: string;
  /** Overrides the admin key from the secrets file (e.g. a production `ADMIN_API_KEY`). */
  adminApiKey?: string;
}

interface SecretsFile {
  adminApiKey?: unknown;
  simulator?: { privateKeyPem?: unknown };
}

/** Reads the simulator key and admin key from `DATA_DIR/secrets.json`, with a clear error when they are missing. */
export async function loadCredentials(
  options: LoadCredentialsOptions = {},
): Promise<SimulatorCredentials> {
  const dataDir = resolve(options.dataDir ?? '.data');
  const path = join(dataDir, 'secrets.json');
  let parsed: SecretsFile;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8')) as SecretsFile;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new SimulatorError(
        `no simulator key at ${path}: start the server in embedded mode first (./dev start) or pass --data-dir <the server's DATA_DIR>`,
      );
    }
    if (error instanceof SyntaxError) throw new SimulatorError(`${path} is not valid JSON`);
    throw new SimulatorError(`cannot read ${path} (${code ?? 'unknown error'})`);
  }
  const privateKeyPem = parsed.simulator?.privateKeyPem;
  if (typeof privateKeyPem !== 'string' || !privateKeyPem.includes('PRIVATE KEY')) {
    throw new SimulatorError(
      `${path} holds no simulator key (simulator.privateKeyPem); delete the file's DATA_DIR or restart the server in embedded mode`,
    );
  }
  const adminApiKey =
    options.adminApiKey ?? (typeof parsed.adminApiKey === 'string' ? parsed.adminApiKey : '');
  if (!adminApiKey) {
    throw new SimulatorError(
      `${path} holds no admin API key; pass --admin-key or set ADMIN_API_KEY`,
    );
  }
  return { privateKeyPem, adminApiKey, source: path };
}
