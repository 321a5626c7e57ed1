// What a code sandbox does: run learner code, then each hidden test, within limits.

export type CodeLanguage = 'python' | 'javascript';

export interface CodeLimits {
  timeMs: number; // wall time for the learner's code and all tests together
  memoryBytes: number; // memory the run may add
  outputBytes: number; // characters the code may print
}

export const defaultLimits: CodeLimits = { timeMs: 2000, memoryBytes: 256 * 1024 * 1024, outputBytes: 64 * 1024 };

export interface CodeRunRequest {
  language: CodeLanguage;
  code: string;
  tests: { name: string; code: string }[];
  limits?: Partial<CodeLimits>;
}

export type CodeRunStatus = 'ok' | 'syntax-error' | 'time-limit' | 'memory-limit' | 'output-limit' | 'crashed';

export interface CodeRunResult {
  status: CodeRunStatus;
  error?: string; // what went wrong in the learner's own code, e.g. "NameError: name 'x' is not defined"
  tests: { name: string; passed: boolean; error?: string }[]; // error: what a failing test raised, never its source
  output: string; // what the learner's code printed, capped
}

export interface Sandbox {
  run(request: CodeRunRequest): Promise<CodeRunResult>;
  /** Starts what is slow to start (Pyodide) so the first learner does not wait; resolves to the milliseconds it took. */
  warmUp(language: CodeLanguage): Promise<number>;
  close(): Promise<void>;
}
