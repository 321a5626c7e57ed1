// `npm run bench -- learner`: BKT next-attempt prediction on ASSISTments 2009–2010 (held-out
// learners), fit time, and adaptive-vs-fixed progression on simulated learners.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareProgressions, crossValidateByLearner } from '../src/eval/index.js';
import { fitBktModel, parseResponseCsv, syntheticCourse, type BktParams, type SequenceMode } from '../src/learner/index.js';
import type { BenchReport } from './report.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataFile = path.resolve(repoRoot, '../shared/data/assistments/skill_builder_train.csv');
const round = (value: number, digits = 4) => Number(value.toFixed(digits));

async function assistments(report: BenchReport): Promise<void> {
  if (!existsSync(dataFile)) {
    const notice = `ASSISTments file not found at ${dataFile}; prediction figures skipped`;
    console.log(notice);
    report.notes!.push(notice);
    return;
  }
  const started = performance.now();
  const { table, problems } = parseResponseCsv(await readFile(dataFile, 'utf8'), dataFile);
  if (!table) throw new Error(`cannot read ${dataFile}: ${problems[0]?.message}`);
  const parseMs = performance.now() - started;
  const folds = 5;
  report.notes!.push(
    `ASSISTments 2009–2010 skill builder (train half): ${table.correct.length} rows, ${table.userNames.length} "users", ${table.skillNames.length} skills; parsed in ${Math.round(parseMs)} ms. ` +
      `${folds}-fold cross-validation by learner: each fold holds out 20% of the user_ids (FNV-1a hash mod ${folds}), fits on the rest and predicts the held-out rows; AUC and RMSE are over all rows pooled, with the per-fold range.`,
  );
  const configs: { name: string; forgets: boolean; sequences: SequenceMode; unbounded?: boolean }[] = [
    { name: 'plain, per learner', forgets: false, sequences: 'learner' },
    { name: 'forgets, per learner', forgets: true, sequences: 'learner' },
    { name: 'plain, per run', forgets: false, sequences: 'run' },
    { name: 'forgets, per run', forgets: true, sequences: 'run' },
    // pyBKT's settings (no bounds on guess and slip), to compare with pyBKT's algorithm on the same folds.
    { name: 'forgets, per learner, no bounds', forgets: true, sequences: 'learner', unbounded: true },
  ];
  const results: Record<string, { auc: number; rmse: number }> = {};
  for (const config of configs) {
    const bounds = config.unbounded ? { maxGuess: 1, maxSlip: 1 } : {};
    const { pooled, folds: perFold } = crossValidateByLearner(table, folds, { forgets: config.forgets, sequences: config.sequences, ...bounds });
    results[config.name] = pooled;
    const aucs = perFold.map((fold) => fold.auc);
    report.table.push({
      measure: `BKT ${config.name}`,
      auc: round(pooled.auc),
      foldAucs: `${round(Math.min(...aucs), 3)}–${round(Math.max(...aucs), 3)}`,
      rmse: round(pooled.rmse),
      accuracy: round(pooled.accuracy),
      fitMs: Math.round(perFold.reduce((sum, fold) => sum + fold.fitMs, 0) / folds),
    });
  }
  const best = (forgets: boolean) => Math.max(...configs.filter((c) => c.forgets === forgets && !c.unbounded).map((c) => results[c.name]!.auc));
  Object.assign(report.figures, {
    aucPlainPerLearner: round(results['plain, per learner']!.auc),
    aucForgetsPerLearner: round(results['forgets, per learner']!.auc),
    aucPlainPerRun: round(results['plain, per run']!.auc),
    aucForgetsPerRun: round(results['forgets, per run']!.auc),
    aucForgetsPerLearnerNoBounds: round(results['forgets, per learner, no bounds']!.auc),
    pyBktForgetsPerLearnerSameFolds: 0.8102,
    rmsePlainPerRun: round(results['plain, per run']!.rmse),
    rmseForgetsPerRun: round(results['forgets, per run']!.rmse),
    targetAucPlain: 0.76,
    targetAucForgets: 0.83,
    aucPlainMet: best(false) >= 0.76,
    aucForgetsMet: best(true) >= 0.83,
  });
  report.notes!.push(
    'aucPlainMet and aucForgetsMet take the better of the two sequence modes (per learner, per run), with the default bounds (guess, slip ≤ 0.3).',
    'pyBktForgetsPerLearnerSameFolds: pyBKT\'s algorithm (EM_fit, M_step, predict_onestep; 5 and 20 random starts, seeds 0 and 1), ported to numpy for a one-off measurement and run on these same 5 folds, gave pooled AUC 0.8102 with forgetting (folds 0.8006, 0.8188, 0.8236, 0.8172, 0.7920) and 0.7716 plain; the published 0.83 is on the test half, which is not here. See docs/learner-model.md.',
    'Fit times are wall clock (fitMs…) and CPU time of this process (fitCpuMs…), one fit of all 407,967 rows per run mode; on a shared machine the wall clock can be several times the CPU time.',
  );
  for (const forgets of [false, true]) {
    const fitStarted = performance.now();
    const cpuStarted = process.cpuUsage();
    const model = fitBktModel(table, { forgets, sequences: 'run' });
    const cpu = process.cpuUsage(cpuStarted);
    const name = forgets ? 'Forgets' : 'Plain';
    report.figures[`fitMsAllRows${name}`] = Math.round(performance.now() - fitStarted);
    report.figures[`fitCpuMsAllRows${name}`] = Math.round((cpu.user + cpu.system) / 1000);
    report.figures.skillsFitted = Object.keys(model.skills).length;
  }
}

function simulations(report: BenchReport): void {
  const skills = [
    { id: 'a' },
    { id: 'b', prerequisites: ['a'] },
    { id: 'c', prerequisites: ['a'] },
    { id: 'd', prerequisites: ['b', 'c'] },
    { id: 'e' },
    { id: 'f', prerequisites: ['d', 'e'] },
  ];
  const base: BktParams = { prior: 0.25, learn: 0.2, guess: 0.2, slip: 0.1, forget: 0 };
  const params = Object.fromEntries(skills.map((skill, i) => [skill.id, { ...base, learn: 0.12 + 0.04 * i }]));
  const learners = 300;
  let headline: ReturnType<typeof compareProgressions> | undefined;
  for (const [perSkill, misconceptionRate] of [[6, 0], [10, 0], [15, 0], [10, 0.2]] as const) {
    const course = syntheticCourse({ skills, exercisesPerSkill: perSkill });
    const started = performance.now();
    const result = compareProgressions({ course, params, learners, seed: 2026, misconceptionRate });
    const ms = Math.round(performance.now() - started);
    if (perSkill === 10 && misconceptionRate === 0) headline = result;
    const label = `${perSkill} exercises/skill${misconceptionRate ? `, ${misconceptionRate * 100}% misconceptions` : ''}`;
    for (const mode of ['adaptive', 'fixed'] as const) {
      const summary = result[mode];
      report.table.push({
        measure: `simulation ${mode}: ${label}`,
        itemsPerSkill: round(summary.itemsPerSkill, 2),
        itemsToFinish: round(summary.itemsToFinish, 1),
        falseMastery: round(summary.falseMasteryRate, 3),
        trueMasteryAtEnd: round(summary.trueMasteryAtEnd, 3),
        declaredAtEnd: round(summary.declaredMasteryAtEnd, 3),
        ...(mode === 'adaptive' ? { ratio: round(result.itemsRatio, 3), ms } : {}),
      });
    }
  }
  Object.assign(report.figures, {
    adaptiveVsFixedItems: round(headline!.itemsRatio, 3),
    adaptiveVsFixedItemsToFinish: round(headline!.adaptive.itemsToFinish / headline!.fixed.itemsToFinish, 3),
    adaptiveVsFixedTarget: 0.6,
    adaptiveVsFixedMet: headline!.itemsRatio <= 0.6,
    falseMastery: round(headline!.adaptive.falseMasteryRate, 4),
    falseMasteryTarget: 0.05,
    falseMasteryMet: headline!.adaptive.falseMasteryRate <= 0.05,
  });
  report.notes!.push(
    `Simulation: ${learners} learners per course; 6 skills in a DAG, one lesson each; true parameters per learner vary ±50% around the population's (prior 0.25, learn 0.12–0.32, guess 0.2, slip 0.1), which Primer's model uses; mastery threshold 0.95. ` +
      'Items per skill: adaptive = practice items until the model declares mastery; fixed = every exercise once, so it equals the bank size. Items to finish also count remediation items spent after a skill was declared mastered. The ratio therefore depends on the bank size: the headline uses 10 exercises per skill; the table shows 6 and 15 too.',
  );
}

export default async function learnerBenchmark(): Promise<BenchReport> {
  const report: BenchReport = { figures: {}, table: [], notes: [`node ${process.version} on ${process.platform}/${process.arch}`] };
  await assistments(report);
  simulations(report);
  return report;
}
