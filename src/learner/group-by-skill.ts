// Cuts a response table into BKT sequences, one skill at a time.
import type { SkillSequences } from './fit-bkt.js';
import type { ResponseTable } from './parse-response-csv.js';

/**
 * What one BKT sequence is. `learner`: all of a learner's rows on a skill. `run`: each unbroken run of
 * rows on the same skill by the same learner (a practice session, as pyBKT reads the ASSISTments
 * DKT files); a new run starts again from the prior.
 */
export type SequenceMode = 'learner' | 'run';

/** Groups responses into one sequence per (skill, learner), in row order. */
export function groupBySkill(table: ResponseTable, mode: SequenceMode = 'learner'): Map<number, SkillSequences> {
  const count = table.correct.length;
  const session = sequenceIds(table, mode);
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

/** Numbers each row's sequence within its learner: 0 for every row in `learner` mode; the run count in `run` mode. */
export function sequenceIds(table: ResponseTable, mode: SequenceMode): Int32Array {
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
