// Python exercises in Pyodide inside a worker thread (see worker-pool.ts for limits and restarts).
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pythonWorkerSource } from './python-worker-source.js';
import { defaultLimits, type CodeLimits, type CodeRunResult } from './sandbox.js';
import { createWorkerPool } from './worker-pool.js';

export interface PythonSandbox {
  run(code: string, tests: { name: string; code: string }[], limits?: Partial<CodeLimits>): Promise<CodeRunResult>;
  warmUp(): Promise<number>;
  close(): Promise<void>;
}

const requireFromHere = createRequire(import.meta.url);

/** Creates a Python sandbox; its worker starts (in seconds) on the first run or on warmUp(). */
export function createPythonSandbox(options: { heapMb?: number } = {}): PythonSandbox {
  const entry = requireFromHere.resolve('pyodide/pyodide.mjs');
  const pool = createWorkerPool({
    name: 'Python sandbox',
    source: pythonWorkerSource,
    workerData: { pyodideUrl: pathToFileURL(entry).href, indexURL: `${path.dirname(entry)}${path.sep}` },
    heapMb: options.heapMb ?? 256,
  });
  return {
    async run(code, tests, limits = {}) {
      const merged = { ...defaultLimits, ...limits };
      const reply = await pool.run({ code, tests, outputLimit: merged.outputBytes, memoryLimit: merged.memoryBytes }, merged.timeMs);
      const allTests = tests.map((test, index) => reply.tests[index] ?? { name: test.name, passed: false, error: 'not run' });
      return { status: reply.status, ...(reply.error ? { error: reply.error } : {}), tests: allTests, output: reply.output ?? '' };
    },
    warmUp: () => pool.warmUp(),
    close: () => pool.close(),
  };
}
