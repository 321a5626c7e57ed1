// Expectation–maximisation (Baum–Welch) for one skill's BKT parameters, on typed arrays.
// The E step uses the two-state forward filter and the smoothing recursion
// γ_t(i) = Σ_j f_t(i)·A(i,j)·γ_{t+1}(j) / p_{t+1}(j), so it needs no separate backward pass.
import type { BktParams } from './bkt.js';

/** All opportunities of one skill: learners' sequences laid end to end. */
export interface SkillSequences {
  /** 1 = correct, 0 = incorrect, in time order within each sequence. */
  observations: Uint8Array;
  /** Start offset of each sequence, plus a final entry equal to observations.length. */
  starts: Int32Array;
}

export interface FitBktOptions {
  /** Fit P(forget); otherwise it stays 0 (classic BKT). */
  forgets?: boolean;
  /** Upper bounds that keep the parameters meaningful (default 0.3 each). */
  maxGuess?: number;
  maxSlip?: number;
  maxIterations?: number;
  /** Stop when the log-likelihood improves by less than this fraction. */
  tolerance?: number;
}

export interface FitBktResult {
  params: BktParams;
  logLikelihood: number;
  iterations: number;
}

const epsilon = 1e-6;
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

// Deterministic starting points (no randomness needed); the best final likelihood wins.
const starts: BktParams[] = [
  { prior: 0.5, learn: 0.1, guess: 0.2, slip: 0.1, forget: 0.05 },
  { prior: 0.2, learn: 0.3, guess: 0.1, slip: 0.05, forget: 0.1 },
  { prior: 0.8, learn: 0.05, guess: 0.25, slip: 0.2, forget: 0.02 },
];

/** Fits one skill by EM from several starting points and keeps the most likely fit. */
export function fitBkt(data: SkillSequences, options: FitBktOptions = {}): FitBktResult {
  let best: FitBktResult | undefined;
  const scratch = { filtered: new Float64Array(data.observations.length), smoothed: new Float64Array(data.observations.length) };
  for (const start of starts) {
    const result = runEm(data, start, options, scratch);
    if (!best || result.logLikelihood > best.logLikelihood) best = result;
  }
  return best!;
}

function runEm(data: SkillSequences, initial: BktParams, options: FitBktOptions, scratch: { filtered: Float64Array; smoothed: Float64Array }): FitBktResult {
  const forgets = options.forgets ?? false;
  const maxGuess = options.maxGuess ?? 0.3;
  const maxSlip = options.maxSlip ?? 0.3;
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-7;
  const { observations, starts: offsets } = data;
  const { filtered, smoothed } = scratch;
  const sequenceCount = offsets.length - 1;

  let prior = clamp(initial.prior, epsilon, 1 - epsilon);
  let learn = clamp(initial.learn, epsilon, 1 - epsilon);
  let guess = clamp(initial.guess, epsilon, maxGuess);
  let slip = clamp(initial.slip, epsilon, maxSlip);
  let forget = forgets ? clamp(initial.forget, epsilon, 1 - epsilon) : 0;
  let logLikelihood = -Infinity;
  let iterations = 0;

  for (; iterations < maxIterations; iterations++) {
    let total = 0;
    let priorSum = 0;
    let learnedTransitions = 0, notLearnedMass = 0; // U→L and time spent in U before a transition
    let forgotTransitions = 0, learnedMass = 0; // L→U and time spent in L before a transition
    let correctWhenNot = 0, massNot = 0, wrongWhenLearned = 0, massLearned = 0;

    for (let s = 0; s < sequenceCount; s++) {
      const first = offsets[s]!;
      const end = offsets[s + 1]!;
      if (end <= first) continue;
      // Forward filter: filtered[t] = P(L_t | o_1..t); likelihood factor per step.
      let predicted = prior;
      for (let t = first; t < end; t++) {
        const correct = observations[t] === 1;
        const ifLearned = correct ? 1 - slip : slip;
        const ifNot = correct ? guess : 1 - guess;
        const evidence = predicted * ifLearned + (1 - predicted) * ifNot;
        total += Math.log(evidence);
        const posterior = (predicted * ifLearned) / evidence;
        filtered[t] = posterior;
        predicted = posterior * (1 - forget) + (1 - posterior) * learn;
      }
      // Backward smoothing with expected transition counts.
      smoothed[end - 1] = filtered[end - 1]!;
      for (let t = end - 2; t >= first; t--) {
        const f = filtered[t]!;
        const nextPredicted = f * (1 - forget) + (1 - f) * learn;
        const g = smoothed[t + 1]!;
        const ratioLearned = g / Math.max(nextPredicted, 1e-300);
        const ratioNot = (1 - g) / Math.max(1 - nextPredicted, 1e-300);
        const learnedToLearned = f * (1 - forget) * ratioLearned;
        const learnedToNot = f * forget * ratioNot;
        const notToLearned = (1 - f) * learn * ratioLearned;
        const gammaLearned = learnedToLearned + learnedToNot;
        smoothed[t] = gammaLearned;
        learnedTransitions += notToLearned;
        notLearnedMass += 1 - gammaLearned;
        forgotTransitions += learnedToNot;
        learnedMass += gammaLearned;
      }
      priorSum += smoothed[first]!;
      for (let t = first; t < end; t++) {
        const g = smoothed[t]!;
        if (observations[t] === 1) correctWhenNot += 1 - g;
        else wrongWhenLearned += g;
        massNot += 1 - g;
        massLearned += g;
      }
    }

    const improved = total - logLikelihood;
    logLikelihood = total;
    // M step, projected onto the bounds.
    prior = clamp(priorSum / Math.max(sequenceCount, 1), epsilon, 1 - epsilon);
    learn = clamp(notLearnedMass > 0 ? learnedTransitions / notLearnedMass : learn, epsilon, 1 - epsilon);
    if (forgets) forget = clamp(learnedMass > 0 ? forgotTransitions / learnedMass : forget, epsilon, 1 - epsilon);
    guess = clamp(massNot > 0 ? correctWhenNot / massNot : guess, epsilon, maxGuess);
    slip = clamp(massLearned > 0 ? wrongWhenLearned / massLearned : slip, epsilon, maxSlip);
    if (iterations > 0 && improved >= 0 && improved < tolerance * Math.abs(total)) {
      iterations++;
      break;
    }
  }
  return { params: { prior, learn, guess, slip, forget }, logLikelihood, iterations };
}
