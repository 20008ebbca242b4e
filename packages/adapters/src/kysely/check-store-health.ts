import { sql } from 'kysely';
import { toStoreError } from './store-error';
import type { KyselyStoreContext } from './store-context';

/** What `health()` reports: for a server's `/health` endpoint. */
export type StoreHealth =
  | { status: 'up'; latencyMs: number }
  | { status: 'down'; latencyMs: number; errorCode: string; retryable: boolean };

/**
 * Probes the database with `select 1` and reports up or down with the round-trip time. Never
 * throws; a down database reports the store error code (`STORE_UNAVAILABLE`, …).
 *
 * @internal
 */
export async function checkStoreHealth(context: KyselyStoreContext): Promise<StoreHealth> {
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) * 100) / 100;
  try {
    await sql`select 1`.execute(context.db);
    return { status: 'up', latencyMs: elapsed() };
  } catch (error) {
    const storeError = toStoreError(error, 'health');
    return {
      status: 'down',
      latencyMs: elapsed(),
      errorCode: storeError.code,
      retryable: storeError.retryable,
    };
  }
}
