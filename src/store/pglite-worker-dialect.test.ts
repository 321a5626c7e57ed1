// The embedded database sends statements outside a transaction at once, side by side; a transaction
// still has the session to itself: a statement sent while it is open is neither part of it nor lost with it.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from './open-database.js';
import { openTestDatabase, openTimeoutMs } from './open-test-database.js';

describe('statements on the embedded database', () => {
  let database: OpenedDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('pglite', { migrate: false });
    await sql`create table marks (label text not null)`.execute(database.db);
  }, openTimeoutMs);
  afterAll(async () => database?.close());

  const labels = async () => (await sql<{ label: string }>`select label from marks order by label`.execute(database.db)).rows.map((row) => row.label);

  it('run side by side outside a transaction, each with its own result', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, index) => sql<{ n: number }>`select ${index}::int4 as n`.execute(database.db)));
    expect(results.map((result) => result.rows[0]!.n)).toEqual(Array.from({ length: 50 }, (_, index) => index));
  });

  it('wait for an open transaction instead of joining it, so a rollback takes only its own writes', async () => {
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const rolledBack = database.db.transaction().execute(async (transaction) => {
      await sql`insert into marks values ('inside')`.execute(transaction);
      opened();
      await new Promise((resolve) => setTimeout(resolve, 50)); // the statement below is sent meanwhile
      throw new Error('changed my mind');
    });
    await open;
    const outside = sql`insert into marks values ('outside')`.execute(database.db);
    await expect(rolledBack).rejects.toThrow('changed my mind');
    await outside;
    expect(await labels()).toEqual(['outside']);
  });

  it('let a waiting transaction go before statements sent after it', async () => {
    const order: string[] = [];
    const busy = Promise.all(Array.from({ length: 20 }, () => sql`select pg_sleep(0.001)`.execute(database.db)));
    const transaction = database.db.transaction().execute(async (trx) => {
      await sql`insert into marks values ('committed')`.execute(trx);
      order.push('transaction');
    });
    const later = sql`select 1`.execute(database.db).then(() => order.push('later'));
    await Promise.all([busy, transaction, later]);
    expect(order).toEqual(['transaction', 'later']);
    expect(await labels()).toEqual(['committed', 'outside']);
  });
});
