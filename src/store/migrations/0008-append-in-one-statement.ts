// A tutor turn's storage in fewer round trips, each through a database function (PL/pgSQL keeps
// the plans of its queries for the session, so they are not parsed and planned each time):
// - primer_append_events stores an append's events and the chat messages they carry in one
//   statement: both or neither, and none again when the key was used before. With PostgreSQL it
//   first takes the learner's append lock, held until the statement commits, so no explicit
//   transaction (four round trips) is needed.
// - primer_learner_state_read returns the snapshot and the tail of the event types the fold reads
//   (a fold that ignores chat messages is not sent them), and the latest events of one type with
//   how many there are (the recent conversation), in the same call.
// - primer_append_and_read does both in one call (a tutor turn stores the learner's message and
//   then reads their state): the read sees the events just appended.
import { sql, type Kysely } from 'kysely';
import { up as createTailFunction } from './0007-learner-state-read.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function primer_append_events(
      for_learner text, for_course text, for_course_version text, for_key text,
      new_events jsonb, new_messages jsonb, take_lock boolean)
    returns setof events
    language plpgsql as $$
    begin
      if take_lock then
        perform pg_advisory_xact_lock(hashtext(for_learner), hashtext(for_course));
      end if;
      return query
        with inserted as (
          insert into events (id, learner, course, course_version, time, type, payload, idempotency_key, key_index)
          select v.id, for_learner, for_course, for_course_version, v.time, v.type, v.payload, for_key,
                 case when for_key is null then null else v.position end
          from jsonb_to_recordset(new_events) as v (position integer, id uuid, time timestamptz, type text, payload jsonb)
          where not exists (
            select 1 from events e
            where e.learner = for_learner and e.course = for_course and e.idempotency_key = for_key)
          order by v.position
          returning *
        ), conversation as (
          insert into messages (turn, learner, course, role, text, language, citations, created_at)
          select m.turn, for_learner, for_course, m.role, m.text, m.language, coalesce(m.citations, '[]'::jsonb), m.time
          from jsonb_to_recordset(new_messages) as m (turn text, role text, text text, language text, citations jsonb, time timestamptz)
          where exists (select 1 from inserted)
          on conflict (learner, course, turn, role) do nothing
        )
        select * from inserted;
      if not found and for_key is not null then
        return query
          select * from events e
          where e.learner = for_learner and e.course = for_course and e.idempotency_key = for_key
          order by e.sequence;
      end if;
    end
    $$`.execute(db);

  await sql`drop function primer_learner_state_tail(text, text, text)`.execute(db);
  await sql`
    create function primer_learner_state_read(
      for_learner text, for_course text, for_fold_version text, fold_types text[], recent_type text, recent_limit integer)
    returns table (snapshot_sequence bigint, snapshot_state jsonb, tail json, recent json, recent_total bigint)
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
                where e.learner = for_learner and e.course = for_course and e.sequence > coalesce(found_sequence, 0)
                  and (fold_types is null or e.type = any(fold_types))),
               r.payloads, coalesce(r.total, 0)
        from (
          select json_agg(latest.payload order by latest.sequence) as payloads, max(latest.total) as total
          from (
            select e.sequence, e.payload, count(*) over () as total
            from events e
            where recent_type is not null and e.learner = for_learner and e.course = for_course and e.type = recent_type
            order by e.sequence desc
            limit greatest(recent_limit, 0)
          ) latest
        ) r;
    end
    $$`.execute(db);
  await sql`
    create function primer_append_and_read(
      for_learner text, for_course text, for_course_version text, for_key text,
      new_events jsonb, new_messages jsonb, take_lock boolean,
      for_fold_version text, fold_types text[], recent_type text, recent_limit integer)
    returns table (appended json, snapshot_sequence bigint, snapshot_state jsonb, tail json, recent json, recent_total bigint)
    language plpgsql as $$
    declare
      appended_events json;
    begin
      select coalesce(json_agg(json_build_array(a.sequence, a.id, a.course_version, a.time, a.type, a.payload, a.idempotency_key) order by a.sequence), '[]'::json)
      into appended_events
      from primer_append_events(for_learner, for_course, for_course_version, for_key, new_events, new_messages, take_lock) a;
      return query
        select appended_events, r.snapshot_sequence, r.snapshot_state, r.tail, r.recent, r.recent_total
        from primer_learner_state_read(for_learner, for_course, for_fold_version, fold_types, recent_type, recent_limit) r;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function primer_append_and_read(text, text, text, text, jsonb, jsonb, boolean, text, text[], text, integer)`.execute(db);
  await sql`drop function primer_learner_state_read(text, text, text, text[], text, integer)`.execute(db);
  await sql`drop function primer_append_events(text, text, text, text, jsonb, jsonb, boolean)`.execute(db);
  await createTailFunction(db);
}
