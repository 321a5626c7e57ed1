import { describe, expect, it } from 'vitest';
import { openPgliteWorker } from './open-pglite-worker.js';
import { openTimeoutMs } from './open-test-database.js';

describe('PGlite on its worker thread', () => {
  it(
    'answers queries, passes PostgreSQL errors through with their fields and the caller\'s stack, and refuses queries once closed',
    async () => {
      const client = await openPgliteWorker(null);
      const { rows } = await client.query('select $1::int + 1 as next, now() as at, $2::jsonb as data', [41, JSON.stringify({ a: [1] })]);
      expect(rows).toEqual([{ next: 42, at: expect.any(Date), data: { a: [1] } }]);

      await client.query('create table notes (id int primary key)');
      await client.query('insert into notes values (1)');
      const duplicate = await client.query('insert into notes values (1)').catch((error: unknown) => error);
      expect(duplicate).toBeInstanceOf(Error);
      expect(duplicate).toMatchObject({ message: expect.stringMatching(/duplicate key value violates unique constraint "notes_pkey"/), code: '23505', constraint: 'notes_pkey' });
      expect((duplicate as Error).stack).toContain('open-pglite-worker.test.ts'); // the caller's stack, not the reply handler's
      expect((await client.query('select count(*)::int as n from notes')).rows).toEqual([{ n: 1 }]); // still usable after an error

      await client.close();
      await expect(client.query('select 1')).rejects.toThrow(/database thread stopped/);
    },
    openTimeoutMs,
  );
});
