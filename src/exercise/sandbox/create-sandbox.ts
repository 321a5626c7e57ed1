// One sandbox for both languages: Python in a Pyodide worker, JavaScript in QuickJS.
import { createJavaScriptSandbox } from './javascript-sandbox.js';
import { createPythonSandbox } from './python-sandbox.js';
import type { Sandbox } from './sandbox.js';

/**
 * Creates the code sandbox that checkAnswer and checkCourseExercises use. Share one per process;
 * close it on shutdown.
 * @example const sandbox = createSandbox(); await sandbox.warmUp('python');
 */
export function createSandbox(): Sandbox {
  const python = createPythonSandbox();
  const javascript = createJavaScriptSandbox();
  return {
    run(request) {
      return request.language === 'python' ? python.run(request.code, request.tests, request.limits) : javascript.run(request.code, request.tests, request.limits);
    },
    warmUp(language) {
      return language === 'python' ? python.warmUp() : javascript.warmUp();
    },
    async close() {
      await Promise.all([python.close(), javascript.close()]);
    },
  };
}
