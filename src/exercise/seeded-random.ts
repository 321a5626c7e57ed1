// Deterministic randomness for variants and equivalence tests: same seed, same numbers, on every machine.

/** A 32-bit hash of a string (FNV-1a); stable across runs and platforms. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A generator of numbers in [0, 1) from a 32-bit seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed for one learner's variant of an exercise (variant 0 first; the next after each right answer);
 * `redraw` gives further seeds for the same variant (see learnerVariantSeed).
 * @example variantSeed('learner-42', 'chain-rule-1', 3) // the same number every time
 */
export function variantSeed(learnerId: string, exerciseId: string, variant: number, redraw = 0): number {
  return hashString(`${learnerId}\u0000${exerciseId}\u0000${variant}${redraw === 0 ? '' : `\u0000${redraw}`}`);
}
