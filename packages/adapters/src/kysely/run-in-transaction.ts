import { toStoreError } from './store-error';
import type { KyselyStoreContext } from './store-context';

/**
 * Runs `work` in one transaction. Errors thrown by the work itself pass through untouched (after
 * rollback); failures to begin or commit (database down, stores closed) become store errors.
 *
 * @internal
 */
export async function runInTransaction<T>(
  context: KyselyStoreContext,
  operation: string,
  work: (trx: KyselyStoreContext['db']) => Promise<T>,
): Promise<T> {
  let workFailed = false;
  try {
    return await context.db.transaction().execute(async (trx) => {
      try {
        return await work(trx);
      } catch (error) {
        workFailed = true;
        throw error;
      }
    });
  } catch (error) {
    if (workFailed) throw error;
    throw toStoreError(error, operation);
  }
}
