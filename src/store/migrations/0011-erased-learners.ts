// Nothing is stored for a learner after they are erased. A tutor turn can be in flight while its
// learner deletes their account (the model still writing its reply); when it ended, its reply, a
// snapshot or a question for the teacher went back into the tables the erasure had just emptied.
// Now primer_erase_learner also keeps the erased account's id (a random id, nothing else) in
// `erased_learners`, and a trigger on every table that holds a learner's data refuses an insert
// for an erased learner with SQLSTATE PRM01; a model call made for them is kept for costs, without
// the learner. With PostgreSQL the erasure and the inserts take one advisory lock per learner
// (the erasure alone, each insert shared), so an insert that began first is erased with the rest,
// and one that comes later sees the erasure.
import { sql, type Kysely } from 'kysely';
import { up as createFunctionsOf0010 } from './0010-erase-learner.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('erased_learners')
    .addColumn('learner', 'text', (column) => column.primaryKey())
    .addColumn('erased_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  // The trigger's argument: 'refuse' raises PRM01; 'forget' stores the row without the learner.
  await sql`
    create function primer_guard_erased_learner() returns trigger language plpgsql as $$
    begin
      if new.learner is null then
        return new;
      end if;
      perform pg_advisory_xact_lock_shared(hashtext(new.learner));
      if exists (select 1 from erased_learners x where x.learner = new.learner) then
        if tg_argv[0] = 'forget' then
          new.learner := null;
          return new;
        end if;
        raise exception 'learner % was erased: nothing more is stored for them', new.learner using errcode = 'PRM01';
      end if;
      return new;
    end
    $$`.execute(db);
  for (const table of ['events', 'snapshots', 'messages', 'unanswered_questions']) {
    await sql`create trigger ${sql.id(`${table}_not_for_erased_learners`)} before insert on ${sql.table(table)} for each row execute function primer_guard_erased_learner('refuse')`.execute(db);
  }
  await sql`create trigger model_calls_without_erased_learners before insert on model_calls for each row execute function primer_guard_erased_learner('forget')`.execute(db);
  await sql`
    create or replace function primer_erase_learner(for_learner text)
    returns table (events bigint, messages bigint)
    language plpgsql as $$
    declare
      erased_events bigint;
      erased_messages bigint;
    begin
      -- Waits for inserts for this learner that are under way; later ones wait for this and then see the erasure.
      perform pg_advisory_xact_lock(hashtext(for_learner));
      insert into erased_learners (learner) values (for_learner) on conflict do nothing;
      perform set_config('primer.erasing', for_learner, true);
      delete from events e where e.learner = for_learner;
      get diagnostics erased_events = row_count;
      perform set_config('primer.erasing', '', true);
      delete from snapshots s where s.learner = for_learner;
      delete from messages m where m.learner = for_learner;
      get diagnostics erased_messages = row_count;
      delete from unanswered_questions q where q.learner = for_learner;
      update model_calls c set learner = null where c.learner = for_learner;
      delete from users u where u.id::text = for_learner; -- its sessions and enrollments go with it
      return query select erased_events, erased_messages;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['events', 'snapshots', 'messages', 'unanswered_questions', 'model_calls']) {
    const trigger = table === 'model_calls' ? 'model_calls_without_erased_learners' : `${table}_not_for_erased_learners`;
    await sql`drop trigger ${sql.id(trigger)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function primer_guard_erased_learner()`.execute(db);
  await db.schema.dropTable('erased_learners').execute();
  await sql`drop function primer_erase_learner(text)`.execute(db);
  await createFunctionsOf0010(db);
}
