// The learner-state read as a function in the database: the newest snapshot of a fold version
// and the events after it, packed into one JSON array. PL/pgSQL keeps the plans of its queries
// for the session, so a read is not parsed and planned again each time (about a third of its
// cost on PGlite). Tables are found through the caller's search path, like every other query.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function primer_learner_state_tail(for_learner text, for_course text, for_fold_version text)
    returns table (snapshot_sequence bigint, snapshot_state jsonb, tail json)
    language plpgsql stable as $$
    declare
      found_sequence bigint;
      found_state jsonb;
    begin
      select s.sequence, s.state into found_sequence, found_state
      from snapshots s
      where s.learner = for_learner and s.course = for_course and s.fold_version = for_fold_version;
      return query
        select found_sequence, found_state,
               (select coalesce(json_agg(json_build_array(e.sequence, e.id, e.course_version, e.time, e.type, e.payload, e.idempotency_key) order by e.sequence), '[]'::json)
                from events e
                where e.learner = for_learner and e.course = for_course and e.sequence > coalesce(found_sequence, 0));
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function primer_learner_state_tail(text, text, text)`.execute(db);
}
