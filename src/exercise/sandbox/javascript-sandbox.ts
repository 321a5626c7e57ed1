// JavaScript exercises in QuickJS inside a worker thread (see worker-pool.ts for limits and restarts).
import { createRequire } from 'node:module';
import { javascriptWorkerSource } from './javascript-worker-source.js';
import { defaultLimits, type CodeLimits, type CodeRunResult } from './sandbox.js';
import { createWorkerPool } from './worker-pool.js';

export interface JavaScriptSandbox {
  run(code: string, tests: { name: string; code: string }[], limits?: Partial<CodeLimits>): Promise<CodeRunResult>;
  warmUp(): Promise<number>;
  close(): Promise<void>;
}

const requireFromHere = createRequire(import.meta.url);

/** Creates a JavaScript sandbox; its worker starts on the first run or on warmUp(). */
export function createJavaScriptSandbox(): JavaScriptSandbox {
  const pool = createWorkerPool({
    name: 'JavaScript sandbox',
    source: javascriptWorkerSource,
    workerData: { quickjsPath: requireFromHere.resolve('quickjs-emscripten') },
    heapMb: 128,
  });
  return {
    async run(code, tests, limits = {}) {
      // QuickJS gets a smaller default memory limit: it collects garbage slowly near the limit
      const merged = { ...defaultLimits, memoryBytes: 64 * 1024 * 1024, ...limits };
      const reply = await pool.run({ code, tests, timeMs: merged.timeMs, outputLimit: merged.outputBytes, memoryLimit: merged.memoryBytes }, merged.timeMs);
      const allTests = tests.map((test, index) => reply.tests[index] ?? { name: test.name, passed: false, error: 'not run' });
      return { status: reply.status, ...(reply.error ? { error: reply.error } : {}), tests: allTests, output: reply.output ?? '' };
    },
    warmUp: () => pool.warmUp(),
    close: () => pool.close(),
  };
}
