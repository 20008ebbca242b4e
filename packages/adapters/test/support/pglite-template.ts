import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const TEMPLATE_PATH = join(tmpdir(), 'eh-adapters-pglite-0.5-template.tar');

/**
 * A freshly initialised (empty, unmigrated) PGlite data dir as a tarball, cached in the OS temp
 * dir: `initdb` in WASM takes 5–20 s on a busy 2-core machine, loading the tarball well under
 * that. Test files start their PGlite from it.
 */
async function pgliteTemplate(): Promise<Blob> {
  try {
    return new Blob([await readFile(TEMPLATE_PATH)]);
  } catch {
    const client = await PGlite.create();
    const dump = await client.dumpDataDir('none');
    await client.close();
    const partial = `${TEMPLATE_PATH}.${process.pid}.partial`;
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    await rename(partial, TEMPLATE_PATH); // atomic: concurrent test files never read half a file
    return dump;
  }
}

/** Opens a PGlite on `dataDir`, seeded from the cached template (rebuilt if it no longer loads). */
export async function createPgliteFromTemplate(dataDir: string): Promise<PGlite> {
  try {
    return await PGlite.create(dataDir, { loadDataDir: await pgliteTemplate() });
  } catch {
    await rm(TEMPLATE_PATH, { force: true });
    await rm(dataDir, { recursive: true, force: true });
    return PGlite.create(dataDir);
  }
}
