import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { PgliteDialect } from './pglite-dialect';

interface TestDb {
  items: { id: number; label: string };
}

const client = new PGlite();
const db = new Kysely<TestDb>({ dialect: new PgliteDialect({ client }) });
await sql`create table items (id integer primary key, label text not null)`.execute(db);

afterAll(async () => {
  await db.destroy();
  await client.close();
});

describe('PgliteDialect', () => {
  it('runs parameterised queries and reports affected rows when inserting and updating', async () => {
    const inserted = await db
      .insertInto('items')
      .values([
        { id: 1, label: 'a' },
        { id: 2, label: 'b' },
      ])
      .executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(2n);
    const updated = await db
      .updateTable('items')
      .set({ label: 'z' })
      .where('id', '=', 2)
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(1n);
    const rows = await db.selectFrom('items').selectAll().orderBy('id').execute();
    expect(rows).toEqual([
      { id: 1, label: 'a' },
      { id: 2, label: 'z' },
    ]);
    await db.deleteFrom('items').execute();
  });

  it('rolls a failed transaction back without leaking its writes', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('items').values({ id: 10, label: 'x' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.selectFrom('items').selectAll().where('id', '=', 10).execute()).toEqual([]);
  });

  it('never interleaves a concurrent query into an open transaction', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const inTransaction = db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 20, label: 'tx' }).execute();
      await gate;
      throw new Error('rollback');
    });
    // This write queues behind the transaction; if it ran inside it, the rollback would drop it.
    const outside = db.insertInto('items').values({ id: 21, label: 'outside' }).execute();
    release();
    await expect(inTransaction).rejects.toThrow('rollback');
    await outside;
    const ids = (await db.selectFrom('items').select('id').orderBy('id').execute()).map(
      (row) => row.id,
    );
    expect(ids).toEqual([21]);
    await db.deleteFrom('items').execute();
  });

  it('does not close an injected client when the Kysely instance is destroyed', async () => {
    const other = new Kysely<TestDb>({ dialect: new PgliteDialect({ client }) });
    await other.selectFrom('items').selectAll().execute();
    await other.destroy();
    expect(client.closed).toBe(false);
    expect(await db.selectFrom('items').selectAll().execute()).toEqual([]);
  });
});
