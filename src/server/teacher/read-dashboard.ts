// GET /api/teacher/courses/:course/dashboard: where a course's learners are, computed in SQL over
// the event log and the tutoring tables, plus each learner's folded state for the mastery heatmap.
import { sql } from 'kysely';
import type { CourseBundle } from '../../course/index.js';
import { answerProblemSchema } from '../../exercise/index.js';
import { skillsOutOfExercises } from '../../learner/index.js';
import type { Store } from '../../store/index.js';
import type { ApiDashboard } from '../api-types.js';
import { createStoreJournal } from '../tutoring/store-journal.js';
import { learnerDisplayName } from './learner-display-name.js';

const stuckLimit = 20;
const misconceptionLimit = 50;
const unreadableLimit = 20;
const unreadableLength = 200; // longer answers (code that does not parse) would say little here
const questionLimit = 200;

export async function readDashboard(store: Store, bundle: CourseBundle): Promise<ApiDashboard> {
  const [{ heatmap, outOfExercises }, stuck, unreadableAnswers, questions, misconceptions, cost] = await Promise.all([
    readLearnerStates(store, bundle),
    readStuck(store, bundle),
    readUnreadableAnswers(store, bundle.public.course.id),
    readQuestions(store, bundle.public.course.id),
    readMisconceptions(store, bundle.public.course.id),
    readCost(store, bundle.public.course.id),
  ]);
  return { heatmap, stuck, unreadableAnswers, outOfExercises, questions, misconceptions, cost };
}

/** Learners with any event in the course, with their account (null when it was deleted). */
async function readLearners(store: Store, course: string) {
  const { rows } = await sql<{ id: string; name: string | null; email: string | null }>`
    select learners.learner as id, users.name, users.email
    from (select distinct learner from events where course = ${course}) as learners
    left join users on users.id::text = learners.learner`.execute(store.db);
  return rows.map((row) => ({ id: row.id, name: learnerDisplayName(row) })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The mastery heatmap and the skills learners ran out of exercises on, from each learner's folded state. */
async function readLearnerStates(store: Store, bundle: CourseBundle): Promise<Pick<ApiDashboard, 'heatmap' | 'outOfExercises'>> {
  const learners = await readLearners(store, bundle.public.course.id);
  const skills = bundle.public.course.skills.map((skill) => ({ id: skill.id, title: skill.title }));
  // The tutor's own journal folds the state, so the heatmap shows exactly what the tutor believes (and shares its snapshots).
  const journal = createStoreJournal(store, bundle);
  const mastery: (number | null)[][] = []; // null: the learner has no graded answer on the skill, so there is no evidence (only the prior)
  const outOf = new Map<string, number>();
  for (const learner of learners) {
    const { state } = await journal.read(learner.id);
    mastery.push(skills.map((skill) => (state.skills[skill.id]?.opportunities ? state.skills[skill.id]!.mastery : null)));
    for (const skill of skillsOutOfExercises(state, bundle.public)) outOf.set(skill, (outOf.get(skill) ?? 0) + 1);
  }
  const outOfExercises = skills.filter((skill) => outOf.has(skill.id)).map((skill) => ({ skill: skill.id, title: skill.title, learners: outOf.get(skill.id)! }));
  return { heatmap: { learners, skills, mastery, masteryThreshold: bundle.public.course.masteryThreshold }, outOfExercises: outOfExercises.sort((a, b) => b.learners - a.learners) };
}

async function readStuck(store: Store, bundle: CourseBundle): Promise<ApiDashboard['stuck']> {
  const { rows } = await sql<{ exercise: string; failed: string | number; unreadable: string | number; hints: string | number; learners: string | number }>`
    select payload->>'exercise' as exercise,
           count(*) filter (where type = 'attempt' and payload->>'verdict' in ('incorrect', 'partially-correct')) as failed,
           count(*) filter (where type = 'attempt' and payload->>'verdict' = 'unparseable') as unreadable,
           count(*) filter (where type = 'hint') as hints,
           count(distinct learner) filter (where type = 'hint' or payload->>'verdict' <> 'correct') as learners
    from events
    where course = ${bundle.public.course.id} and type in ('attempt', 'hint')
    group by 1
    having count(*) filter (where type = 'hint' or payload->>'verdict' <> 'correct') > 0
    order by count(*) filter (where type = 'hint' or payload->>'verdict' <> 'correct') desc, 1
    limit ${stuckLimit}`.execute(store.db);
  const lessonOf = new Map(bundle.public.exercises.map((exercise) => [exercise.id, exercise.lesson]));
  return rows.map((row) => {
    const lesson = lessonOf.get(row.exercise);
    return { exercise: row.exercise, ...(lesson ? { lesson } : {}), failedAttempts: Number(row.failed), unreadable: Number(row.unreadable), hints: Number(row.hints), learners: Number(row.learners) };
  });
}

async function readQuestions(store: Store, course: string): Promise<ApiDashboard['questions']> {
  const { rows } = await sql<{ id: string; question: string; language: string | null; status: 'open' | 'answered' | 'dismissed'; created_at: Date | string; learner: string; name: string | null; email: string | null }>`
    select q.id, q.question, q.language, q.status, q.created_at, q.learner, users.name, users.email
    from unanswered_questions q
    left join users on users.id::text = q.learner
    where q.course = ${course}
    order by (q.status = 'open') desc, q.created_at desc
    limit ${questionLimit}`.execute(store.db);
  return rows.map((row) => ({
    id: row.id,
    question: row.question,
    language: row.language,
    learner: learnerDisplayName({ id: row.learner, name: row.name, email: row.email }),
    createdAt: new Date(row.created_at).toISOString(),
    status: row.status,
  }));
}

async function readUnreadableAnswers(store: Store, course: string): Promise<ApiDashboard['unreadableAnswers']> {
  const { rows } = await sql<{ exercise: string; answer: string; count: string | number; learners: string | number; problem: unknown }>`
    select payload->>'exercise' as exercise, btrim(payload->>'answer') as answer, count(*) as count, count(distinct learner) as learners,
           (array_agg(payload->'problem' order by sequence desc))[1] as problem
    from events
    where course = ${course} and type = 'attempt' and payload->>'verdict' = 'unparseable' and length(payload->>'answer') <= ${unreadableLength}
    group by 1, 2
    order by 3 desc, 4 desc, 1, 2
    limit ${unreadableLimit}`.execute(store.db);
  return rows.map((row) => {
    // recorded with the attempt (older attempts have none); read as the exercise module writes it
    const problem = answerProblemSchema.safeParse(typeof row.problem === 'string' ? JSON.parse(row.problem) : row.problem);
    return { exercise: row.exercise, answer: row.answer, count: Number(row.count), learners: Number(row.learners), ...(problem.success ? { problem: problem.data } : {}) };
  });
}

async function readMisconceptions(store: Store, course: string): Promise<ApiDashboard['misconceptions']> {
  const { rows } = await sql<{ exercise: string; misconception: string; count: string | number; learners: string | number }>`
    select payload->>'exercise' as exercise, payload->>'misconception' as misconception, count(*) as count, count(distinct learner) as learners
    from events
    where course = ${course} and type = 'attempt' and payload->>'misconception' is not null
    group by 1, 2
    order by 3 desc, 1, 2
    limit ${misconceptionLimit}`.execute(store.db);
  return rows.map((row) => ({ exercise: row.exercise, misconception: row.misconception, count: Number(row.count), learners: Number(row.learners) }));
}

async function readCost(store: Store, course: string): Promise<ApiDashboard['cost']> {
  const { rows } = await sql<{ day: string; task: string; tier: string; calls: string | number; cost: string | number; input: string | number; output: string | number }>`
    select to_char(time at time zone 'UTC', 'YYYY-MM-DD') as day, task, tier,
           count(*) as calls, sum(cost_usd) as cost, sum(input_tokens) as input, sum(output_tokens) as output
    from model_calls
    where course = ${course}
    group by 1, 2, 3
    order by 1, 2, 3`.execute(store.db);
  return rows.map((row) => ({ day: row.day, task: row.task, tier: row.tier, calls: Number(row.calls), costUsd: Number(row.cost), inputTokens: Number(row.input), outputTokens: Number(row.output) }));
}
