import type { Migration } from '../migration';
import { migration0001InitialStores } from './0001-initial-stores';
import { migration0002JobQueue } from './0002-job-queue';
import { migration0003AdminRecords } from './0003-admin-records';
import { migration0004InboxProcessed } from './0004-inbox-processed';

/** Every migration this package ships, by version; the same list runs on PostgreSQL and PGlite. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001InitialStores,
  migration0002JobQueue,
  migration0003AdminRecords,
  migration0004InboxProcessed,
];
