// The load generator of `npm run bench -- serve`: guest learners who each sign in, then keep a tutor
// conversation going — send a turn, read the UI message stream to its end, think, send the next —
// and the time from sending each turn to its first text-delta, as the browser would see it.
import { Agent, request as httpRequest } from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface LearnerLoadOptions {
  /** Server base URLs; learner i talks to servers[i % servers.length] (a sticky load balancer). */
  servers: string[];
  course: string;
  learners: number;
  /** Each learner's first turn starts at a uniformly random moment in [0, rampSeconds). */
  rampSeconds: number;
  /** Turns that start within this many seconds after the ramp are measured; none start after it. */
  measureSeconds: number;
  /** Think time between turns, uniform in [min, max] seconds. */
  thinkSeconds: { min: number; max: number };
  random: () => number;
  log: (line: string) => void;
}

export interface TurnRecord {
  learner: number;
  /** When the turn was sent, in ms since the conversations began. */
  startedMs: number;
  /** From sending the request to the first text-delta arriving (ms); absent when none came. */
  firstTextMs?: number;
  totalMs: number;
  /** How the server says it answered (model, no-model, command, replayed). */
  mode?: string;
  /** Why the turn failed: HTTP status, network error, a stream without finish or with an error part. */
  error?: string;
}

export interface LearnerLoadResult {
  signInErrors: string[];
  signInSeconds: number;
  turns: TurnRecord[];
  /** Most turns in flight at one moment. */
  peakTurnsInFlight: number;
  /** The load generator's own event-loop delay, p99 (ms): when large, the client inflates what it measures. */
  clientLoopDelayP99Ms: number;
  /** The load generator's CPU time over the conversations (seconds). */
  clientCpuSeconds: number;
  conversationSeconds: number;
}

const questions = [
  'Where do I start?',
  'What is a derivative, in plain words?',
  'Why does the chain rule multiply the derivatives?',
  'Can you give me an example with numbers?',
  'How is this used in backpropagation?',
  'I am not sure I follow the last step. Can you explain it differently?',
  'What should I practise next?',
  'Is the derivative of x squared really 2x? Why?',
];

const turnTimeoutMs = 60_000;

export async function runLearnerLoad(options: LearnerLoadOptions): Promise<LearnerLoadResult> {
  // Idle sockets go after 50 s, before the server's 65 s keep-alive ends, as a browser's would: never one the server is closing.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: options.learners * 2, timeout: 50_000 });
  try {
    const signInStarted = performance.now();
    const signInErrors: string[] = [];
    const cookies: (string | undefined)[] = new Array(options.learners);
    await forEachWithConcurrency(options.learners, 32, async (learner) => {
      const base = options.servers[learner % options.servers.length]!;
      const response = await send(agent, base, '/api/auth/guest', { method: 'POST', headers: { origin: base } });
      const cookie = response.headers['set-cookie']?.[0]?.split(';')[0];
      if (response.status !== 201 || !cookie) signInErrors.push(`guest sign-in: HTTP ${response.status} ${response.body.slice(0, 200)}`);
      cookies[learner] = cookie;
    });
    const signInSeconds = (performance.now() - signInStarted) / 1000;
    options.log(`${options.learners - signInErrors.length} guests signed in in ${signInSeconds.toFixed(1)} s; conversations begin`);

    const turns: TurnRecord[] = [];
    let inFlight = 0;
    let peakTurnsInFlight = 0;
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const cpuBefore = process.cpuUsage();
    const began = performance.now();
    const endMs = (options.rampSeconds + options.measureSeconds) * 1000;
    const progress = setInterval(() => options.log(`${Math.round((performance.now() - began) / 1000)} s: ${turns.length} turns, ${inFlight} in flight, ${turns.filter((turn) => turn.error).length} errors`), 15_000);

    const converse = async (learner: number) => {
      const cookie = cookies[learner];
      if (!cookie) return;
      const base = options.servers[learner % options.servers.length]!;
      await sleep(options.random() * options.rampSeconds * 1000);
      for (let index = 0; performance.now() - began < endMs; index++) {
        inFlight++;
        peakTurnsInFlight = Math.max(peakTurnsInFlight, inFlight);
        const body = JSON.stringify({ turnId: `bench-${learner}-${index}-${Math.floor(options.random() * 1e9)}`, text: questions[(learner + index) % questions.length] });
        const record = await sendTurn(agent, base, options.course, cookie, body, performance.now() - began);
        inFlight--;
        turns.push({ learner, ...record });
        const think = options.thinkSeconds.min + options.random() * (options.thinkSeconds.max - options.thinkSeconds.min);
        if (performance.now() - began + think * 1000 >= endMs) break;
        await sleep(think * 1000);
      }
    };
    await Promise.all(Array.from({ length: options.learners }, (_, learner) => converse(learner)));
    clearInterval(progress);
    loopDelay.disable();
    const cpu = process.cpuUsage(cpuBefore);
    return {
      signInErrors,
      signInSeconds,
      turns,
      peakTurnsInFlight,
      clientLoopDelayP99Ms: loopDelay.percentile(99) / 1e6,
      clientCpuSeconds: (cpu.user + cpu.system) / 1e6,
      conversationSeconds: (performance.now() - began) / 1000,
    };
  } finally {
    agent.destroy();
  }
}

/** One turn over HTTP: POST /api/courses/:course/turns, the stream read to its end. */
function sendTurn(agent: Agent, base: string, course: string, cookie: string, body: string, startedMs: number): Promise<Omit<TurnRecord, 'learner'>> {
  return new Promise((resolve) => {
    const sent = performance.now();
    let firstTextMs: number | undefined;
    let text = '';
    let settled = false;
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const mode = /"type":"data-turn","data":\{"mode":"([\w-]+)"/.exec(text)?.[1];
      resolve({ startedMs, totalMs: performance.now() - sent, ...(firstTextMs !== undefined ? { firstTextMs } : {}), ...(mode ? { mode } : {}), ...(error ? { error } : {}) });
    };
    const url = new URL(`/api/courses/${course}/turns`, base);
    const outgoing = httpRequest(url, { method: 'POST', agent, headers: { origin: base, cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (incoming) => {
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => {
        text += chunk;
        if (firstTextMs === undefined && text.includes('"type":"text-delta"')) firstTextMs = performance.now() - sent;
      });
      incoming.on('end', () => {
        if (incoming.statusCode !== 200) return finish(`HTTP ${incoming.statusCode}: ${text.slice(0, 200)}`);
        if (text.includes('"type":"error"')) return finish(`error part: ${/"errorText":"([^"]*)"/.exec(text)?.[1] ?? '?'}`);
        if (!text.includes('"type":"finish"')) return finish('stream ended without a finish part');
        if (firstTextMs === undefined) return finish('no text in the reply');
        finish();
      });
      incoming.on('error', (error) => finish(`response: ${error.message}`));
    });
    const timer = setTimeout(() => {
      outgoing.destroy();
      finish(`no end after ${turnTimeoutMs / 1000} s`);
    }, turnTimeoutMs);
    outgoing.on('error', (error: NodeJS.ErrnoException) => finish(`request: ${error.code ?? error.message}`));
    outgoing.end(body);
  });
}

function send(agent: Agent, base: string, path: string, init: { method: string; headers: Record<string, string> }): Promise<{ status: number; headers: Record<string, string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(new URL(path, base), { ...init, agent }, (incoming) => {
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => (body += chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: { 'set-cookie': incoming.headers['set-cookie'] }, body }));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function forEachWithConcurrency(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) await work(next++);
  }));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
