/** Compiled snippet for docs/deployment.md, "PGlite (embedded) › Connection settings". */
import type { Keyring } from '@enterprisehub/core';

declare const keyring: Keyring;

// #region pglite
import { createPgliteStores } from '@enterprisehub/adapters/pglite';

const stores = createPgliteStores({ dataDir: './.data/pglite', keyring });
await stores.migrate();
// #endregion pglite
