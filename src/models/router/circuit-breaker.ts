// Per chain entry: takes an entry out after repeated failures, probes it again after a cool-down.

export interface BreakerSettings {
  /** Outcomes older than this are forgotten. */
  windowMs: number;
  /** No opening before this many calls in the window. */
  minCalls: number;
  /** Opens when failures / calls reaches this. */
  failureRatio: number;
  /** First cool-down; doubles each time a probe fails, up to `maxCoolDownMs`. */
  coolDownMs: number;
  maxCoolDownMs: number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreaker {
  /** May a call go to this entry now? In half-open state only one probe is let through. */
  allow(): boolean;
  success(): void;
  failure(): void;
  state(): BreakerState;
}

/** `now` is the injected clock, in milliseconds. */
export function createCircuitBreaker(settings: BreakerSettings, now: () => number): CircuitBreaker {
  let outcomes: { at: number; failed: boolean }[] = [];
  let openedAt = 0;
  let coolDown = settings.coolDownMs;
  let state: BreakerState = 'closed';
  let probing = false;
  let probeAt = 0;

  const prune = (at: number) => {
    const cutoff = at - settings.windowMs;
    if (outcomes.length > 0 && outcomes[0]!.at <= cutoff) outcomes = outcomes.filter((outcome) => outcome.at > cutoff);
  };
  const open = (at: number) => {
    state = 'open';
    openedAt = at;
    probing = false;
  };

  return {
    allow() {
      if (state === 'closed') return true;
      const at = now();
      if (state === 'open' && at - openedAt >= coolDown) {
        state = 'half-open';
        probing = false;
      }
      // A probe whose outcome never came back (an aborted call) does not block the entry forever.
      if (state === 'half-open' && (!probing || at - probeAt >= coolDown)) {
        probing = true;
        probeAt = at;
        return true;
      }
      return false;
    },
    success() {
      if (state === 'half-open') {
        state = 'closed';
        coolDown = settings.coolDownMs;
        outcomes = [];
        probing = false;
        return;
      }
      const at = now();
      outcomes.push({ at, failed: false });
      prune(at);
    },
    failure() {
      const at = now();
      if (state === 'half-open') {
        coolDown = Math.min(coolDown * 2, settings.maxCoolDownMs);
        open(at);
        return;
      }
      if (state === 'open') return;
      outcomes.push({ at, failed: true });
      prune(at);
      const failures = outcomes.filter((outcome) => outcome.failed).length;
      if (outcomes.length >= settings.minCalls && failures / outcomes.length >= settings.failureRatio) open(at);
    },
    state() {
      if (state === 'open' && now() - openedAt >= coolDown) return 'half-open';
      return state;
    },
  };
}
