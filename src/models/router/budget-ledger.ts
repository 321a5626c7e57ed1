// Money budgets per learner, course and deployment. Amounts are integer nano-dollars, so sums are exact.
import type { BudgetsConfig } from '../model-config.js';

export interface BudgetLine {
  /** e.g. `learner:42:day:2026-11-26` */
  key: string;
  limitNanoUsd: number;
  /** For reasons and errors, e.g. `learner budget per day`. */
  label: string;
}

export interface BudgetReservation {
  keys: string[];
  amountNanoUsd: number;
}

export type ReserveResult = { ok: true; reservation: BudgetReservation } | { ok: false; line: BudgetLine };

/**
 * Where spending is kept. `reserve` must be atomic: it reserves on every line or on none, so racing
 * calls can never together go over a limit. The store module can provide one backed by SQL.
 */
export interface BudgetStore {
  reserve(lines: BudgetLine[], amountNanoUsd: number): Promise<ReserveResult>;
  /** Releases the reservation and books what the call really cost. */
  settle(reservation: BudgetReservation, actualNanoUsd: number): Promise<void>;
  /** Spent plus reserved on a line. */
  used(key: string): Promise<number>;
}

export function usdToNano(usd: number): number {
  return Math.round(usd * 1e9);
}

export function nanoToUsd(nano: number): number {
  return nano / 1e9;
}

/** A budget store in memory, for one process. */
export function createMemoryBudgetStore(): BudgetStore {
  const spent = new Map<string, number>();
  const reserved = new Map<string, number>();
  const usedNow = (key: string) => (spent.get(key) ?? 0) + (reserved.get(key) ?? 0);
  return {
    // No await before the check-and-add: within one process this is atomic.
    async reserve(lines, amountNanoUsd) {
      for (const line of lines) {
        if (usedNow(line.key) + amountNanoUsd > line.limitNanoUsd) return { ok: false, line };
      }
      for (const line of lines) reserved.set(line.key, (reserved.get(line.key) ?? 0) + amountNanoUsd);
      return { ok: true, reservation: { keys: lines.map((line) => line.key), amountNanoUsd } };
    },
    async settle(reservation, actualNanoUsd) {
      for (const key of reservation.keys) {
        reserved.set(key, (reserved.get(key) ?? 0) - reservation.amountNanoUsd);
        spent.set(key, (spent.get(key) ?? 0) + actualNanoUsd);
      }
    },
    async used(key) {
      return usedNow(key);
    },
  };
}

/** The budget lines that apply to one call, for the day and month (UTC) of `at`. */
export function budgetLinesFor(budgets: BudgetsConfig, who: { learner?: string; course?: string }, at: number): BudgetLine[] {
  const iso = new Date(at).toISOString();
  const day = iso.slice(0, 10);
  const month = iso.slice(0, 7);
  const lines: BudgetLine[] = [];
  const add = (limitUsd: number | undefined, key: string, label: string) => {
    if (limitUsd !== undefined) lines.push({ key, limitNanoUsd: usdToNano(limitUsd), label });
  };
  if (who.learner !== undefined) add(budgets.learnerPerDayUsd, `learner:${who.learner}:day:${day}`, 'learner budget per day');
  if (who.course !== undefined) {
    add(budgets.coursePerDayUsd, `course:${who.course}:day:${day}`, 'course budget per day');
    add(budgets.coursePerMonthUsd, `course:${who.course}:month:${month}`, 'course budget per month');
  }
  add(budgets.deploymentPerDayUsd, `deployment:day:${day}`, 'deployment budget per day');
  add(budgets.deploymentPerMonthUsd, `deployment:month:${month}`, 'deployment budget per month');
  return lines;
}
