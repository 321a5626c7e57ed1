// The number of a learner's events of the recent type (their chat messages) was counted over their
// whole history on every read, so a turn grew slower with every message a learner ever wrote. A
// snapshot now also keeps that count as of its sequence (`recent_type`, `recent_total`), and a read
// counts only the events of that type after it. A snapshot's sequence may now run past the last
// event the fold read: it is the last event the snapshot accounts for, folded or counted.
// primer_learner_state_read also returns how many events it counted (`recent_counted`) and the
// last of them (`recent_last`), so the reader knows when a fresh snapshot is due. The latest
// events are found by scanning the index backwards and stopping at the limit.
import { sql, type Kysely } from 'kysely';
import { up as createTailFunction } from './0007-learner-state-read.js';
import { up as createFunctionsOf0008 } from './0008-append-in-one-statement.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('snapshots').addColumn('recent_type', 'text').addColumn('recent_total', 'bigint').execute();
  await dropFunctions(db);
  await sql`
    create function primer_learner_state_read(
      for_learner text, for_course text, for_fold_version text, fold_types text[], recent_type text, recent_limit integer)
    returns table (snapshot_sequence bigint, snapshot_state jsonb, tail json, recent json, recent_total bigint, recent_counted bigint, recent_last bigint)
    language plpgsql stable as $$
    declare
      found_sequence bigint;
      found_state jsonb;
      found_recent_type text;
      found_recent_total bigint;
      known_total bigint := 0;
      counted_from bigint := 0;
      counted bigint := 0;
      last_counted bigint;
    begin
      select s.sequence, s.state, s.recent_type, s.recent_total
      into found_sequence, found_state, found_recent_type, found_recent_total
      from snapshots s
      where s.learner = for_learner and s.course = for_course and s.fold_version = for_fold_version;
      -- The snapshot's count serves only a read of the same type; otherwise count from the start.
      if found_recent_type = primer_learner_state_read.recent_type and found_recent_total is not null then
        known_total := found_recent_total;
        counted_from := found_sequence;
      end if;
      if recent_type is not null then
        select count(*), max(e.sequence) into counted, last_counted
        from events e
        where e.learner = for_learner and e.course = for_course and e.sequence > counted_from and e.type = recent_type;
      end if;
      return query
        select found_sequence, found_state,
               (select coalesce(json_agg(json_build_array(e.sequence, e.id, e.course_version, e.time, e.type, e.payload, e.idempotency_key) order by e.sequence), '[]'::json)
                from events e
                where e.learner = for_learner and e.course = for_course and e.sequence > coalesce(found_sequence, 0)
                  and (fold_types is null or e.type = any(fold_types))),
               (select json_agg(latest.payload order by latest.sequence)
                from (
                  select e.sequence, e.payload
                  from events e
                  where recent_type is not null and e.learner = for_learner and e.course = for_course and e.type = recent_type
                  order by e.sequence desc
                  limit greatest(recent_limit, 0)
                ) latest),
               known_total + counted, counted, last_counted;
    end
    $$`.execute(db);
  await sql`
    create function primer_append_and_read(
      for_learner text, for_course text, for_course_version text, for_key text,
      new_events jsonb, new_messages jsonb, take_lock boolean,
      for_fold_version text, fold_types text[], recent_type text, recent_limit integer)
    returns table (appended json, snapshot_sequence bigint, snapshot_state jsonb, tail json, recent json, recent_total bigint, recent_counted bigint, recent_last bigint)
    language plpgsql as $$
    declare
      appended_events json;
    begin
      select coalesce(json_agg(json_build_array(a.sequence, a.id, a.course_version, a.time, a.type, a.payload, a.idempotency_key) order by a.sequence), '[]'::json)
      into appended_events
      from primer_append_events(for_learner, for_course, for_course_version, for_key, new_events, new_messages, take_lock) a;
      return query
        select appended_events, r.snapshot_sequence, r.snapshot_state, r.tail, r.recent, r.recent_total, r.recent_counted, r.recent_last
        from primer_learner_state_read(for_learner, for_course, for_fold_version, fold_types, recent_type, recent_limit) r;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropFunctions(db);
  // Back to 0007's functions, then 0008's migration creates its own again.
  await sql`drop function primer_append_events(text, text, text, text, jsonb, jsonb, boolean)`.execute(db);
  await createTailFunction(db);
  await createFunctionsOf0008(db);
  await db.schema.alterTable('snapshots').dropColumn('recent_type').dropColumn('recent_total').execute();
}

async function dropFunctions(db: Kysely<unknown>): Promise<void> {
  await sql`drop function primer_append_and_read(text, text, text, text, jsonb, jsonb, boolean, text, text[], text, integer)`.execute(db);
  await sql`drop function primer_learner_state_read(text, text, text, text[], text, integer)`.execute(db);
}
