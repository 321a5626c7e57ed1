import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedDatabase } from './open-database.js';
import { openTestDatabase, openTimeoutMs, testBackends } from './open-test-database.js';

const backends = await testBackends();

describe.each(backends)('values read back on $name', (backend) => {
  let database: OpenedDatabase;
  beforeAll(async () => {
    if (backend.available) database = await openTestDatabase(backend.name, { migrate: false });
  }, openTimeoutMs);
  afterAll(async () => database?.close());

  it.skipIf(!backend.available)('come back as JavaScript values of the same kind, arrays included', async () => {
    const { rows } = await sql<Record<string, unknown>>`
      select 7::int4 as count, 2.5::float8 as ratio, true as flag, '2026-02-01T09:00:00Z'::timestamptz as at,
             '{"a": [1, "b"]}'::jsonb as document, array['x', 'y']::text[] as words, array[1, 2]::int4[] as numbers,
             array['0190a0a0-0000-7000-8000-000000000001']::uuid[] as ids, array['{"k": 1}']::jsonb[] as documents`.execute(database.db);
    expect(rows[0]).toEqual({ count: 7, ratio: 2.5, flag: true, at: new Date('2026-02-01T09:00:00Z'), document: { a: [1, 'b'] }, words: ['x', 'y'], numbers: [1, 2], ids: ['0190a0a0-0000-7000-8000-000000000001'], documents: [{ k: 1 }] });
  });
});
