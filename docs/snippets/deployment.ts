/**
 * Compiled snippet for docs/deployment.md: opening the stores on PostgreSQL in production and on
 * embedded PGlite otherwise, migrating at start, and a key-rotation pass.
 */
import { parseKeyring } from '@enterprisehub/core';
import type { KyselyStores, PiiRotationResult } from '@enterprisehub/adapters/kysely';
import { createPgliteStores } from '@enterprisehub/adapters/pglite';
import { createPostgresStores } from '@enterprisehub/adapters/postgres';

/** Opens and migrates the stores: PostgreSQL when `DATABASE_URL` is set, else PGlite in `DATA_DIR`. */
export async function openStores(
  env: Readonly<Record<string, string | undefined>>,
): Promise<KyselyStores> {
  const keyring = parseKeyring(env['PII_ENCRYPTION_KEYS']);
  const databaseUrl = env['DATABASE_URL'];
  const stores =
    databaseUrl === undefined
      ? createPgliteStores({ dataDir: `${env['DATA_DIR'] ?? './.data'}/pglite`, keyring })
      : createPostgresStores({
          connectionString: databaseUrl,
          schema: 'enterprisehub',
          keyring,
          poolSettings: { max: 10, connectionTimeoutMs: 5000 },
          auditRetentionMs: 365 * 86_400_000,
        });
  const { applied, currentVersion } = await stores.migrate();
  if (applied.length > 0) process.stdout.write(`migrated to schema version ${currentVersion}\n`);
  return stores;
}

/** After prepending a new key to PII_ENCRYPTION_KEYS: re-encrypt each tenant's PII under it. */
export async function rotatePii(
  stores: KyselyStores,
  tenantIds: readonly string[],
): Promise<PiiRotationResult[]> {
  const results: PiiRotationResult[] = [];
  for (const tenantId of tenantIds) results.push(await stores.reencryptPii({ tenantId }));
  return results;
}
