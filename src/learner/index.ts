// The learner model: events, BKT mastery, FSRS reviews, progression, profile and memory. Pure.
export * from './events.js';
export * from './bkt.js';
export * from './attempt-evidence.js';
export * from './fit-bkt.js';
export * from './fit-bkt-model.js';
export * from './group-by-skill.js';
export * from './predict-responses.js';
export * from './parse-response-csv.js';
export * from './review-schedule.js';
export * from './learner-state.js';
export * from './fold-learner-state.js';
export * from './choose-next-activity.js';
export * from './synthetic-course.js';
