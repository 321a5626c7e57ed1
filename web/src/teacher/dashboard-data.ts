// Reshapes the dashboard's JSON into the tidy rows Observable Plot draws and the fallback tables list.
import type { ApiDashboard } from '../api/types.ts';

export interface MasteryCell {
  learner: string; // the learner's name (unique: a repeated name gets a number)
  skill: string; // the skill's title
  mastery: number | null; // 0–1; null: no graded answer on the skill yet (no evidence)
}

/** One cell per learner and skill, also where there is no evidence yet; learners who share a name are told apart as "Ana (2)". */
export function masteryCells(heatmap: ApiDashboard['heatmap']): MasteryCell[] {
  const learnerLabels = uniqueLabels(heatmap.learners.map((learner) => learner.name || learner.id));
  const skillLabels = uniqueLabels(heatmap.skills.map((skill) => skill.title || skill.id));
  const cells: MasteryCell[] = [];
  heatmap.learners.forEach((_, learnerIndex) => {
    heatmap.skills.forEach((_, skillIndex) => {
      const mastery = heatmap.mastery[learnerIndex]?.[skillIndex];
      const known = typeof mastery === 'number' && !Number.isNaN(mastery);
      cells.push({ learner: learnerLabels[learnerIndex] ?? '', skill: skillLabels[skillIndex] ?? '', mastery: known ? clamp(mastery) : null });
    });
  });
  return cells;
}

/** How many learner × skill pairs are mastered: at or above the course's threshold. */
export function masteredPairs(heatmap: ApiDashboard['heatmap']): number {
  return masteryCells(heatmap).filter((cell) => cell.mastery !== null && cell.mastery >= heatmap.masteryThreshold).length;
}

export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}

export interface StuckBar {
  exercise: string;
  kind: 'failedAttempts' | 'unreadable' | 'hints';
  count: number;
}

/** Two stacked segments per exercise (failed attempts, hints), exercises worst first, at most `limit`. */
export function stuckBars(stuck: ApiDashboard['stuck'], limit = 15): StuckBar[] {
  return [...stuck]
    .sort((left, right) => stuckScore(right) - stuckScore(left) || left.exercise.localeCompare(right.exercise))
    .slice(0, limit)
    .flatMap((row) => [
      { exercise: row.exercise, kind: 'failedAttempts' as const, count: row.failedAttempts },
      { exercise: row.exercise, kind: 'unreadable' as const, count: row.unreadable },
      { exercise: row.exercise, kind: 'hints' as const, count: row.hints },
    ]);
}

/** How stuck learners were on an exercise: every answer that was not right, and every hint. */
export function stuckScore(row: ApiDashboard['stuck'][number]): number {
  return row.failedAttempts + row.unreadable + row.hints;
}

export interface CostSeriesRow {
  day: string; // YYYY-MM-DD
  series: string; // "tutor · local"
  costUsd: number;
  calls: number;
}

/** Cost per day and (task, tier), summing rows the server may have split further. Oldest day first. */
export function costSeries(cost: ApiDashboard['cost']): CostSeriesRow[] {
  const rows = new Map<string, CostSeriesRow>();
  for (const row of cost) {
    const day = row.day.slice(0, 10);
    const series = `${row.task} · ${row.tier}`;
    const key = `${day}\u0000${series}`;
    const existing = rows.get(key);
    if (existing) {
      existing.costUsd += row.costUsd;
      existing.calls += row.calls;
    } else {
      rows.set(key, { day, series, costUsd: row.costUsd, calls: row.calls });
    }
  }
  return [...rows.values()].sort((left, right) => left.day.localeCompare(right.day) || left.series.localeCompare(right.series));
}

export interface CostTotal {
  task: string;
  tier: string;
  calls: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
}

/** Totals per task and tier over the whole period, most expensive first: the fallback table and summary. */
export function costTotals(cost: ApiDashboard['cost']): CostTotal[] {
  const totals = new Map<string, CostTotal>();
  for (const row of cost) {
    const key = `${row.task}\u0000${row.tier}`;
    const total = totals.get(key) ?? { task: row.task, tier: row.tier, calls: 0, costUsd: 0, inputTokens: 0, outputTokens: 0 };
    total.calls += row.calls;
    total.costUsd += row.costUsd;
    total.inputTokens += row.inputTokens;
    total.outputTokens += row.outputTokens;
    totals.set(key, total);
  }
  return [...totals.values()].sort((left, right) => right.costUsd - left.costUsd || right.calls - left.calls);
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
