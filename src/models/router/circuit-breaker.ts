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
  // Outcomes in time order; those before `first` have left the window. Counted as they come and go,
  // so a call costs the same with ten outcomes in the window as with thousands.
  let outcomes: { at: number; failed: boolean }[] = [];
  let first = 0;
  let failures = 0;
  let openedAt = 0;
  let coolDown = settings.coolDownMs;
  let state: BreakerState = 'closed';
  let probing = false;
  let probeAt = 0;

  const calls = () => outcomes.length - first;
  const record = (at: number, failed: boolean) => {
    outcomes.push({ at, failed });
    if (failed) failures++;
    const cutoff = at - settings.windowMs;
    while (first < outcomes.length && outcomes[first]!.at <= cutoff) {
      if (outcomes[first]!.failed) failures--;
      first++;
    }
    if (first > 1024 && first * 2 > outcomes.length) {
      outcomes = outcomes.slice(first);
      first = 0;
    }
  };
  const forget = () => {
    outcomes = [];
    first = 0;
    failures = 0;
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
        forget();
        probing = false;
        return;
      }
      record(now(), false);
    },
    failure() {
      const at = now();
      if (state === 'half-open') {
        coolDown = Math.min(coolDown * 2, settings.maxCoolDownMs);
        open(at);
        return;
      }
      if (state === 'open') return;
      record(at, true);
      if (calls() >= settings.minCalls && failures / calls() >= settings.failureRatio) open(at);
    },
    state() {
      if (state === 'open' && now() - openedAt >= coolDown) return 'half-open';
      return state;
    },
  };
}
