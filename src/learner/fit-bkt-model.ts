// Fits one BKT model per skill from a table of graded responses: the `params.json` of `primer learner fit`.
import { z } from 'zod';
import { bktParamsSchema, defaultBktParams, type BktParams } from './bkt.js';
import { fitBkt, type FitBktOptions, type SkillSequences } from './fit-bkt.js';
import { groupBySkill, type SequenceMode } from './group-by-skill.js';
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

export interface FitBktModelOptions extends FitBktOptions {
  /** What one sequence is (default `learner`). */
  sequences?: SequenceMode;
  /** Skills with fewer responses than this get the default parameters (default 30). */
  minObservations?: number;
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
