// Child process of the crash test: opens the embedded stores on a data dir, enqueues three jobs for
// one contact, completes the first and dies (exit code 9, no cleanup) while the second is running.
import { appendFileSync } from 'node:fs';
import { createKeyring } from '@enterprisehub/core';
import { createKyselyJobQueue } from '../../src/kysely/index';
import { createPgliteStores } from '../../src/pglite/index';
import { createPgliteFromTemplate } from './pglite-template';

const [dataDir = '', logFile = '', key = ''] = process.argv.slice(2);
const keyring = createKeyring({ keys: [{ id: 'k1', key }] });
const stores = createPgliteStores({ client: await createPgliteFromTemplate(dataDir), keyring });
await stores.migrate();
const jobs = createKyselyJobQueue({ db: stores.db, keyring, concurrency: 1 });
for (const body of ['m1', 'm2', 'm3'])
  await jobs.enqueue({
    tenantId: 'tenant-crash',
    name: 'inbound',
    payload: { body },
    orderingKey: 'c1',
  });
jobs.registerHandler<{ body: string }>('inbound', (job) => {
  appendFileSync(logFile, `child:${job.payload.body}:${job.attempt}\n`);
  if (job.payload.body === 'm2') process.exit(9); // crash mid-job: m2 stays leased
  return Promise.resolve();
});
await new Promise(() => undefined);
