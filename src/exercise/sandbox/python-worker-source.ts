// The JavaScript half of the Python sandbox: source of a worker thread (run with `eval: true`) that
// loads Pyodide once, cuts every path from Python back to JavaScript and the host, then runs
// requests one at a time. Everything here runs off the main thread; a stuck run is ended by
// terminating the worker.
import { pythonRunnerSource } from './python-runner-source.js';

export const pythonWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const blocked = () => { throw new Error('not available in the sandbox'); };
// Memory: Pyodide grows its WebAssembly memory through Memory.prototype.grow; past the cap the growth
// fails, so Python's allocation fails and the learner's code gets a MemoryError.
let memoryCap = Infinity;
const grow = WebAssembly.Memory.prototype.grow;
WebAssembly.Memory.prototype.grow = function (pages) {
  if (this.buffer.byteLength + pages * 65536 > memoryCap) throw new RangeError('memory limit of the sandbox');
  return grow.call(this, pages);
};
(async () => {
  const { loadPyodide } = await import(workerData.pyodideUrl);
  const pyodide = await loadPyodide({
    indexURL: workerData.indexURL,
    jsglobals: {},
    env: { HOME: '/home/pyodide' },
    stdout: () => {},
    stderr: () => {},
    stdin: () => null,
  });
  const interrupt = new Int32Array(workerData.interruptBuffer);
  pyodide.setInterruptBuffer(interrupt);
  pyodide.runPython(${JSON.stringify(pythonRunnerSource)});
  const run = pyodide.globals.get('_primer_run');
  const emscripten = pyodide._module;
  const memoryBytes = () => emscripten.HEAP8.buffer.byteLength;
  // Cut the JavaScript side: no host modules, no code from strings, no file-system mounts.
  for (const name of Object.getOwnPropertyNames(pyodide)) {
    try { delete pyodide[name]; } catch {}
  }
  globalThis.require = blocked;
  globalThis.eval = blocked;
  for (const fn of [function () {}, async function () {}, function* () {}, async function* () {}]) {
    Object.defineProperty(Object.getPrototypeOf(fn), 'constructor', { value: blocked, writable: false, configurable: false });
  }
  globalThis.Function = blocked;
  delete globalThis.fetch;
  delete globalThis.WebSocket;
  parentPort.on('message', (request) => {
    let reply;
    Atomics.store(interrupt, 0, 0);
    memoryCap = readyBytes + request.memoryLimit;
    try {
      reply = JSON.parse(run(request.code, JSON.stringify(request.tests), request.outputLimit));
    } catch (error) {
      reply = { status: 'crashed', error: String(error && error.message || error).slice(0, 300), tests: [], output: '', dirty: true };
    }
    reply.memoryBytes = memoryBytes();
    parentPort.postMessage({ id: request.id, ...reply });
  });
  const readyBytes = memoryBytes();
  parentPort.postMessage({ ready: true, memoryBytes: readyBytes });
})().catch((error) => {
  parentPort.postMessage({ failed: String(error && error.stack || error) });
});
`;
