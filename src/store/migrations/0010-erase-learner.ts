// A learner's right to be forgotten, with an append-only event log: no statement may change or
// delete events, except primer_erase_learner, which deletes everything one learner account left —
// its events, snapshots, chat messages, questions for the teacher, and the account with its
// sessions and enrollments — in one statement. Model calls stay for the deployment's cost
// accounting, without the learner. The trigger lets a delete through only for the learner that
// function names, in its own transaction (a setting local to it).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function primer_forbid_event_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and current_setting('primer.erasing', true) = old.learner then
        return old;
      end if;
      raise exception 'the event log is append-only: % on events is not allowed', tg_op;
    end
    $$`.execute(db);
  await sql`
    create function primer_erase_learner(for_learner text)
    returns table (events bigint, messages bigint)
    language plpgsql as $$
    declare
      erased_events bigint;
      erased_messages bigint;
    begin
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
  await sql`drop function primer_erase_learner(text)`.execute(db);
  await sql`
    create or replace function primer_forbid_event_change() returns trigger language plpgsql as $$
    begin
      raise exception 'the event log is append-only: % on events is not allowed', tg_op;
    end
    $$`.execute(db);
}
