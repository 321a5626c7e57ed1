// Runs tutor turns for the HTTP routes: the per-account turn limit, one run per turn id at a time
// (a re-sent id waits for the first and then replays it), and a metrics report for every turn.
// The turn stream, the attempts endpoint and the hints endpoint all go through here to `tutor.turn`.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { isLearnerErased } from '../../store/index.js';
import type { TurnRequest, TurnSummary, Tutor, TutorStreamPart } from '../../tutor/index.js';
import type { ServerContext } from '../server-context.js';

export interface TurnRunner {
  /** Undefined when the account may start a turn now; otherwise the seconds to wait. */
  admit(account: string): Promise<number | undefined>;
  /** Runs one turn; `onPart` sees each part as the tutor produces it. Throws what the tutor throws (after reporting it). */
  run(input: { course: string; tutor: Tutor; request: TurnRequest; onPart?: (part: TutorStreamPart) => void }): Promise<TurnSummary>;
}

export function createTurnRunner(context: Pick<ServerContext, 'limits' | 'metrics'>): TurnRunner {
  const limiter = new RateLimiterMemory({ points: context.limits.turnsPerMinute, duration: 60 });
  const running = new Map<string, Promise<unknown>>();
  return {
    async admit(account) {
      try {
        await limiter.consume(account);
        return undefined;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw rejection;
      }
    },
    async run({ course, tutor, request, onPart }) {
      const key = `${course}\u0000${request.learner}\u0000${request.turnId}`;
      const earlier = running.get(key);
      if (earlier) await earlier.catch(() => undefined); // then this one replays what it stored
      const started = performance.now();
      let firstPartMs: number | undefined;
      const turn = tutor.turn(request, (part) => {
        firstPartMs ??= performance.now() - started;
        onPart?.(part);
      });
      running.set(key, turn);
      try {
        const summary = await turn;
        const mode = summary.replayed ? 'replayed' : summary.mode;
        context.metrics.turn({ course, mode, ...(summary.tier ? { tier: summary.tier } : {}), ...(firstPartMs !== undefined ? { firstPartMs } : {}), totalMs: performance.now() - started });
        return summary;
      } catch (error) {
        context.metrics.turn({ course, mode: 'error', ...(firstPartMs !== undefined ? { firstPartMs } : {}), totalMs: performance.now() - started });
        // A learner who deleted their account while their turn ran: the database kept nothing of it.
        if (isLearnerErased(error)) console.error(`Tutor turn ${request.turnId} in course ${course} stopped: its learner was erased meanwhile, and nothing of it was stored.`);
        else console.error(`Tutor turn ${request.turnId} in course ${course} failed:`, error);
        throw error;
      } finally {
        if (running.get(key) === turn) running.delete(key);
      }
    },
  };
}
