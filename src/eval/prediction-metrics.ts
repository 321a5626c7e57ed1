// Next-attempt prediction quality: AUC (rank-based, ties get their average rank) and RMSE.

export interface PredictionMetrics {
  count: number;
  auc: number;
  rmse: number;
  accuracy: number;
}

/**
 * AUC as the Mann–Whitney statistic: the probability that a random correct row is predicted
 * higher than a random incorrect one, counting ties as one half. NaN when one class is absent.
 * @example areaUnderRoc([0.2, 0.8, 0.5], [0, 1, 1]) // 1
 */
export function areaUnderRoc(predictions: ArrayLike<number>, outcomes: ArrayLike<number>): number {
  const count = predictions.length;
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => predictions[a]! - predictions[b]!);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < count; ) {
    let end = start;
    while (end + 1 < count && predictions[order[end + 1]!] === predictions[order[start]!]) end++;
    const averageRank = (start + end) / 2 + 1; // ranks are 1-based
    for (let i = start; i <= end; i++) {
      if (outcomes[order[i]!] === 1) {
        positives++;
        positiveRankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = count - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** AUC, RMSE and accuracy (threshold 0.5) of probabilities against 0/1 outcomes. */
export function predictionMetrics(predictions: ArrayLike<number>, outcomes: ArrayLike<number>): PredictionMetrics {
  let squared = 0;
  let right = 0;
  for (let i = 0; i < predictions.length; i++) {
    const error = predictions[i]! - outcomes[i]!;
    squared += error * error;
    if ((predictions[i]! >= 0.5 ? 1 : 0) === outcomes[i]) right++;
  }
  const count = predictions.length;
  return { count, auc: areaUnderRoc(predictions, outcomes), rmse: Math.sqrt(squared / Math.max(count, 1)), accuracy: right / Math.max(count, 1) };
}
