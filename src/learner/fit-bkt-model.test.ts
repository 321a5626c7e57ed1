import { describe, expect, it } from 'vitest';
import { probabilityCorrect, updateMastery } from './bkt.js';
import { bktModelSchema, fitBktModel, type BktModel } from './fit-bkt-model.js';
import { groupBySkill } from './group-by-skill.js';
import { predictResponses } from './predict-responses.js';
import { parseResponseCsv } from './parse-response-csv.js';

const csv = (rows: string[]) => parseResponseCsv(['user_id,skill_name,correct', ...rows].join('\n'), 'test.csv').table!;
const params = { prior: 0.3, learn: 0.15, guess: 0.2, slip: 0.1, forget: 0 };

describe('predictResponses', () => {
  const model: BktModel = { format: 1, forgets: false, sequences: 'learner', default: params, skills: { a: params } };

  it("predicts each row from that learner's earlier rows on the skill only", () => {
    const table = csv(['ana,a,1', 'bo,a,0', 'ana,a,0', 'ana,b,1', 'ana,a,1']);
    const predictions = predictResponses(model, table);
    const first = probabilityCorrect(0.3, params);
    expect(predictions[0]).toBeCloseTo(first, 12);
    expect(predictions[1]).toBeCloseTo(first, 12); // bo has no history
    expect(predictions[2]).toBeCloseTo(probabilityCorrect(updateMastery(0.3, { correct: true }, params), params), 12);
    expect(predictions[3]).toBeCloseTo(first, 12); // skill b: default parameters, no history
    const changedFuture = predictResponses(model, csv(['ana,a,1', 'bo,a,0', 'ana,a,0', 'ana,b,1', 'ana,a,0']));
    expect([...changedFuture]).toEqual([...predictions]); // a row's own outcome never leaks into its prediction
  });

  it('starts each run again from the prior in run mode', () => {
    const rows = ['ana,a,1', 'ana,a,1', 'ana,b,0', 'ana,a,1'];
    const byLearner = predictResponses(model, csv(rows));
    const byRun = predictResponses({ ...model, sequences: 'run' }, csv(rows));
    expect(byRun[3]).toBeCloseTo(probabilityCorrect(0.3, params), 12);
    expect(byLearner[3]).toBeGreaterThan(byRun[3]!);
    const groups = groupBySkill(csv(rows), 'run');
    expect([...groups.get(0)!.starts]).toEqual([0, 2, 3]);
    expect([...groupBySkill(csv(rows), 'learner').get(0)!.starts]).toEqual([0, 3]);
  });
});

describe('fitBktModel', () => {
  it('fits skills with enough data, gives the others the pooled default, and writes valid params', () => {
    const rows: string[] = [];
    for (let learner = 0; learner < 40; learner++) for (let t = 0; t < 6; t++) rows.push(`u${learner},big,${t >= learner % 5 ? 1 : 0}`);
    rows.push('u1,rare,1', 'u2,rare,0');
    const model = fitBktModel(csv(rows), { minObservations: 30 });
    expect(bktModelSchema.parse(JSON.parse(JSON.stringify(model)))).toEqual(model);
    expect(model.skills.rare).toEqual(model.default);
    expect(model.skills.big!.learn).toBeGreaterThan(0.1);
    expect(model.skills.big!.guess).toBeLessThanOrEqual(0.3);
  });
});
