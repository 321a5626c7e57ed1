// Next-attempt prediction with a fitted model: the `p_correct` of `primer learner predict`.
import { probabilityCorrect, updateMastery } from './bkt.js';
import type { BktModel } from './fit-bkt-model.js';
import { sequenceIds } from './group-by-skill.js';
import type { ResponseTable } from './parse-response-csv.js';

/** P(correct) of each row given only the same learner's earlier rows on that skill (next-attempt prediction). */
export function predictResponses(model: BktModel, table: ResponseTable): Float64Array {
  const count = table.correct.length;
  const predictions = new Float64Array(count);
  const params = table.skillNames.map((name) => model.skills[name] ?? model.default);
  const mastery = new Map<number, number>(); // key: user * skillCount + skill
  const skillCount = table.skillNames.length;
  const session = sequenceIds(table, model.sequences);
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
