// K-fold cross-validation of BKT next-attempt prediction, folds by learner: each user_id is held
// out exactly once (fold = FNV-1a hash of the id mod k), so every row gets an out-of-sample prediction.
import { fitBktModel, predictResponses, type FitBktModelOptions, type ResponseTable } from '../learner/index.js';
import { predictionMetrics, type PredictionMetrics } from './prediction-metrics.js';
import { hashString, selectRows } from './split-by-learner.js';

export interface CrossValidation {
  /** Out-of-sample P(correct) for every row of the input. */
  predictions: Float64Array;
  /** Metrics over all rows, pooled. */
  pooled: PredictionMetrics;
  folds: (PredictionMetrics & { fitMs: number; learners: number })[];
}

export function crossValidateByLearner(table: ResponseTable, folds: number, options: FitBktModelOptions, clock: () => number = () => performance.now()): CrossValidation {
  const foldOf = table.userNames.map((name) => hashString(name) % folds);
  const predictions = new Float64Array(table.correct.length);
  const results: CrossValidation['folds'] = [];
  for (let fold = 0; fold < folds; fold++) {
    const inFold = (row: number) => foldOf[table.users[row]!] === fold;
    const train = selectRows(table, (row) => !inFold(row));
    const test = selectRows(table, inFold);
    const started = clock();
    const model = fitBktModel(train, options);
    const fitMs = clock() - started;
    const foldPredictions = predictResponses(model, test);
    let next = 0;
    for (let row = 0; row < table.correct.length; row++) if (inFold(row)) predictions[row] = foldPredictions[next++]!;
    results.push({ ...predictionMetrics(foldPredictions, test.correct), fitMs, learners: foldOf.filter((f) => f === fold).length });
  }
  return { predictions, pooled: predictionMetrics(predictions, table.correct), folds: results };
}
