// Fits one BKT model per skill from a table of graded responses, and predicts next attempts.
import { z } from 'zod';
import { bktParamsSchema, defaultBktParams, probabilityCorrect, updateMastery, type BktParams } from './bkt.js';
import { fitBkt, type FitBktOptions, type SkillSequences } from './fit-bkt.js';
import type { ResponseTable } from './parse-response-csv.js';

/** The `params.json` written by `primer learner fit`. */
export const bktModelSchema = z.strictObject({
  format: z.literal(1),
  forgets: z.boolean().describe('Whether P(forget) was fitted.'),
  sequences: z.enum(['learner', 'run']).default('learner').describe('What one sequence was when fitting; prediction uses the same.'),
  default: bktParamsSchema.describe('Parameters for skills not listed, or listed with too little data to fit.'),
  skills: z.record(z.string(), bktParamsSchema),
});
export type BktModel = z.infer<typeof bktModelSchema>;

/**
 * What one BKT sequence is. `learner`: all of a learner's rows on a skill. `run`: each unbroken run of
 * rows on the same skill by the same learner (a practice session, as pyBKT reads the ASSISTments
 * DKT files); a new run starts again from the prior.
 */
export type SequenceMode = 'learner' | 'run';

export interface FitBktModelOptions extends FitBktOptions {
  sequences?: SequenceMode;
  /** Skills with fewer responses than this get the default parameters (default 30). */
  minObservations?: number;
}

/** Groups responses into one sequence per (skill, learner), in row order. */
export function groupBySkill(table: ResponseTable, mode: SequenceMode = 'learner'): Map<number, SkillSequences> {
  const count = table.correct.length;
  const session = runIds(table, mode);
  const order = new Int32Array(count);
  for (let row = 0; row < count; row++) order[row] = row;
  const { skills, users, correct } = table;
  order.sort((a, b) => skills[a]! - skills[b]! || users[a]! - users[b]! || session[a]! - session[b]! || a - b);
  const bySkill = new Map<number, SkillSequences>();
  let from = 0;
  while (from < count) {
    const skill = skills[order[from]!]!;
    let to = from;
    const starts: number[] = [];
    while (to < count && skills[order[to]!] === skill) {
      if (to === from || users[order[to]!] !== users[order[to - 1]!] || session[order[to]!] !== session[order[to - 1]!]) starts.push(to - from);
      to++;
    }
    starts.push(to - from);
    const observations = new Uint8Array(to - from);
    for (let i = from; i < to; i++) observations[i - from] = correct[order[i]!]!;
    bySkill.set(skill, { observations, starts: Int32Array.from(starts) });
    from = to;
  }
  return bySkill;
}

/** Fits every skill by EM; the default is fitted on all responses pooled, for skills with little data. */
export function fitBktModel(table: ResponseTable, options: FitBktModelOptions = {}): BktModel {
  const minObservations = options.minObservations ?? 30;
  const forgets = options.forgets ?? false;
  const groups = groupBySkill(table, options.sequences);
  const pooled = poolSequences([...groups.values()]);
  const fallback = pooled.observations.length >= minObservations ? fitBkt(pooled, options).params : { ...defaultBktParams };
  const skills: Record<string, BktParams> = {};
  for (const [skill, sequences] of groups) {
    const name = table.skillNames[skill]!;
    skills[name] = sequences.observations.length >= minObservations ? fitBkt(sequences, options).params : { ...fallback };
  }
  return { format: 1, forgets, sequences: options.sequences ?? 'learner', default: fallback, skills };
}

/** Numbers each row's sequence within its learner: 0 for every row in `learner` mode; the run count in `run` mode. */
function runIds(table: ResponseTable, mode: SequenceMode): Int32Array {
  const count = table.correct.length;
  const ids = new Int32Array(count);
  if (mode === 'learner') return ids;
  const lastSkill = new Map<number, number>();
  const runCount = new Map<number, number>();
  for (let row = 0; row < count; row++) {
    const user = table.users[row]!;
    const skill = table.skills[row]!;
    let run = runCount.get(user) ?? 0;
    if (lastSkill.get(user) !== skill) runCount.set(user, ++run);
    lastSkill.set(user, skill);
    ids[row] = run;
  }
  return ids;
}

function poolSequences(groups: SkillSequences[]): SkillSequences {
  const total = groups.reduce((sum, group) => sum + group.observations.length, 0);
  const observations = new Uint8Array(total);
  const starts: number[] = [];
  let offset = 0;
  for (const group of groups) {
    observations.set(group.observations, offset);
    for (let s = 0; s < group.starts.length - 1; s++) starts.push(offset + group.starts[s]!);
    offset += group.observations.length;
  }
  starts.push(offset);
  return { observations, starts: Int32Array.from(starts) };
}

/** P(correct) of each row given only the same learner's earlier rows on that skill (next-attempt prediction). */
export function predictResponses(model: BktModel, table: ResponseTable): Float64Array {
  const count = table.correct.length;
  const predictions = new Float64Array(count);
  const params = table.skillNames.map((name) => model.skills[name] ?? model.default);
  const mastery = new Map<number, number>(); // key: user * skillCount + skill
  const skillCount = table.skillNames.length;
  const session = runIds(table, model.sequences);
  const sessionOf = new Map<number, number>();
  for (let row = 0; row < count; row++) {
    const skill = table.skills[row]!;
    const skillParams = params[skill]!;
    const key = table.users[row]! * skillCount + skill;
    if (sessionOf.get(key) !== session[row]) {
      sessionOf.set(key, session[row]!);
      mastery.delete(key);
    }
    const current = mastery.get(key) ?? skillParams.prior;
    predictions[row] = probabilityCorrect(current, skillParams);
    mastery.set(key, updateMastery(current, { correct: table.correct[row] === 1 }, skillParams));
  }
  return predictions;
}
