// Source of the worker thread that runs JavaScript exercises in QuickJS (WebAssembly). Each run gets a
// fresh runtime with a memory limit, a stack limit and an interrupt handler (deadline or the shared
// interrupt flag). The only host function is a captured console.
export const javascriptWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { getQuickJS } = require(workerData.quickjsPath);
const interrupt = new Int32Array(workerData.interruptBuffer);

function describe(context, handle) {
  const value = context.dump(handle);
  if (value && typeof value === 'object' && 'message' in value) return (String(value.name || 'Error') + ': ' + String(value.message)).slice(0, 300);
  return ('Error: ' + String(value)).slice(0, 300);
}

function installConsole(context, write) {
  const consoleObject = context.newObject();
  for (const name of ['log', 'info', 'warn', 'error', 'debug']) {
    const fn = context.newFunction(name, (...args) => {
      const line = args.map((arg) => {
        const value = context.dump(arg);
        return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
      }).join(' ');
      if (!write(line)) return { error: context.newError('output limit') };
      return undefined;
    });
    context.setProp(consoleObject, name, fn);
    fn.dispose();
  }
  context.setProp(context.global, 'console', consoleObject);
  consoleObject.dispose();
}

function run(quickjs, request) {
  const runtime = quickjs.newRuntime();
  runtime.setMemoryLimit(request.memoryLimit);
  runtime.setMaxStackSize(256 * 1024);
  const deadline = Date.now() + request.timeMs;
  let timedOut = false;
  runtime.setInterruptHandler(() => {
    if (Atomics.load(interrupt, 0) !== 0 || Date.now() > deadline) timedOut = true;
    return timedOut;
  });
  const context = runtime.newContext();
  const output = [];
  let size = 0;
  let outputExceeded = false;
  const result = { status: 'ok', tests: [], output: '', dirty: false };
  installConsole(context, (line) => {
    if (size + line.length + 1 > request.outputLimit) {
      output.push(line.slice(0, Math.max(0, request.outputLimit - size)));
      size = request.outputLimit;
      outputExceeded = true;
      return false;
    }
    output.push(line + '\\n');
    size += line.length + 1;
    return true;
  });
  const learner = context.evalCode(request.code, 'your-code.js');
  if (learner.error) {
    const error = describe(context, learner.error);
    learner.error.dispose();
    if (/^SyntaxError/.test(error)) result.status = 'syntax-error';
    result.error = error;
  } else learner.value.dispose();
  for (const test of request.tests) {
    if (result.status !== 'ok' || result.error || timedOut || outputExceeded) {
      result.tests.push({ name: test.name, passed: false, error: 'not run' });
      continue;
    }
    const outcome = context.evalCode('{\\n' + test.code + '\\n}', 'test.js');
    if (outcome.error) {
      const error = describe(context, outcome.error);
      outcome.error.dispose();
      result.tests.push(error.startsWith('Error') ? { name: test.name, passed: false } : { name: test.name, passed: false, error });
    } else {
      outcome.value.dispose();
      result.tests.push({ name: test.name, passed: true });
    }
  }
  const messages = [result.error, ...result.tests.map((test) => test.error)].join(' ');
  if (timedOut) result.status = 'time-limit';
  else if (outputExceeded) result.status = 'output-limit';
  else if (result.status === 'ok' && /out of memory|stack overflow/i.test(messages)) result.status = /out of memory/i.test(messages) ? 'memory-limit' : 'ok';
  try {
    context.dispose();
    runtime.dispose();
  } catch {
    result.dirty = true; // a runtime that ran out of memory may not free cleanly: use a fresh worker
  }
  if (result.status === 'memory-limit') result.dirty = true;
  result.output = output.join('');
  return result;
}

(async () => {
  const quickjs = await getQuickJS();
  parentPort.on('message', (request) => {
    Atomics.store(interrupt, 0, 0);
    let reply;
    try {
      reply = run(quickjs, request);
    } catch (error) {
      reply = { status: 'crashed', error: String((error && error.message) || error).slice(0, 300), tests: [], output: '', dirty: true };
    }
    parentPort.postMessage({ id: request.id, ...reply });
  });
  parentPort.postMessage({ ready: true });
})().catch((error) => parentPort.postMessage({ failed: String((error && error.stack) || error) }));
`;
