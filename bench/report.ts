// The shape every benchmark returns; `bench/run.ts` prints it as a table and saves it as JSON.
export interface BenchReport {
  /** Headline figures, e.g. { checkMs: 210, buildMs: 340, targetMs: 1000 }. */
  figures: Record<string, number | string | boolean>;
  /** Rows printed as a table, e.g. one per measured operation. */
  table: Record<string, number | string>[];
  /** Free-form notes: machine, data used, caveats. */
  notes?: string[];
}

export type Benchmark = () => Promise<BenchReport>;
