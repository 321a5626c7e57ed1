// Evaluation: simulated learners, course simulations, prediction metrics on public data.
export * from './prediction-metrics.js';
export { seededRandom as createSeededRandom } from '../exercise/index.js';
export * from './simulate-course.js';
export * from './simulated-learner.js';
export * from './split-by-learner.js';
export * from './summarize-simulation.js';
export * from './compare-progressions.js';
export * from './cross-validate-by-learner.js';
