/** Thrown when a key cannot be used (e.g. an expression that does not parse); `primer course check` reports these before learners meet them. */
export class ExerciseKeyError extends Error {
  override name = 'ExerciseKeyError';
}
