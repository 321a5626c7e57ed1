import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate-to-latest.js';
import { migrations } from './migration-provider.js';
import type { OpenedDatabase } from './open-database.js';
import { openTestDatabase, openTimeoutMs, testBackends } from './open-test-database.js';

const backends = await testBackends();

describe.each(backends)('migrations on $name', (backend) => {
  let database: OpenedDatabase;
  beforeAll(async () => {
    if (backend.available) database = await openTestDatabase(backend.name, { migrate: false });
  }, openTimeoutMs);
  afterAll(async () => database?.close());
  const migrate = () => migrateToLatest(database.db, database.schema ? { schema: database.schema } : {});

  it.skipIf(!backend.available)('creates every table once, and a second run changes nothing', async () => {
    const first = await migrate();
    expect(first.applied).toEqual(Object.keys(migrations));
    expect(first.known).toEqual(Object.keys(migrations));
    expect((await migrate()).applied).toEqual([]);
    const tables = (await database.db.introspection.getTables()).filter((table) => table.schema === (database.schema ?? 'public')).map((table) => table.name);
    for (const table of ['users', 'auth_sessions', 'courses', 'course_versions', 'course_version_keys', 'enrollments', 'events', 'snapshots', 'messages', 'translations', 'model_calls', 'unanswered_questions']) {
      expect(tables).toContain(table);
    }
  });

  it.skipIf(!backend.available)('keeps users to one account per email, whatever its case, and a known role', async () => {
    const { db } = database;
    const [teacher] = await db.insertInto('users').values({ email: 'Ada@Example.org', name: 'Ada', password_hash: null, role: 'teacher' }).returningAll().execute();
    expect(teacher).toMatchObject({ role: 'teacher', name: 'Ada' });
    await expect(db.insertInto('users').values({ email: 'ada@example.org', password_hash: null }).execute()).rejects.toThrow(/users_email_unique/);
    await expect(sql`insert into users (email, role) values ('x@example.org', 'owner')`.execute(db)).rejects.toThrow(/check constraint/);
  });

  it.skipIf(!backend.available)('stores a course version’s answer keys apart from its public bundle', async () => {
    const { db } = database;
    await db.insertInto('courses').values({ id: 'calculus', title: 'Calculus', owner_id: null, current_version: 'abc123' }).execute();
    await db.insertInto('course_versions').values({ course_id: 'calculus', content_hash: 'abc123', public_bundle: JSON.stringify({ lessons: ['limits'] }) }).execute();
    await db.insertInto('course_version_keys').values({ course_id: 'calculus', content_hash: 'abc123', keys_bundle: JSON.stringify({ e1: { answer: 'only-in-keys-7f3a' } }) }).execute();
    const version = await db.selectFrom('course_versions').selectAll().executeTakeFirstOrThrow();
    expect(JSON.stringify(version)).not.toContain('only-in-keys-7f3a');
    expect(version.public_bundle).toEqual({ lessons: ['limits'] });
    // Keys of a version that does not exist are refused.
    await expect(db.insertInto('course_version_keys').values({ course_id: 'calculus', content_hash: 'nope', keys_bundle: '{}' }).execute()).rejects.toThrow(/foreign key/);
  });

  it.skipIf(!backend.available)('lets a translation be approved only with a reviewer, and a turn hold one message per role', async () => {
    const { db } = database;
    const translation = { chunk_hash: 'h1', language: 'fr', glossary_version: 'g1', text: 'La dérivée', updated_at: new Date(), reviewer_id: null, model: 'local' };
    await db.insertInto('translations').values(translation).execute();
    await expect(db.updateTable('translations').set({ status: 'approved' }).where('chunk_hash', '=', 'h1').execute()).rejects.toThrow(/translations_approved_has_reviewer/);

    const message = { turn: 't1', learner: 'ada', course: 'calculus', role: 'learner' as const, text: 'hi', language: 'en', flag_reason: null };
    await db.insertInto('messages').values(message).execute();
    await db.insertInto('messages').values({ ...message, role: 'tutor', text: 'hello', citations: JSON.stringify(['lesson-1#0']) }).execute();
    await expect(db.insertInto('messages').values(message).execute()).rejects.toThrow(/duplicate key/);
  });
});
