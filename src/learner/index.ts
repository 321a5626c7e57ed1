// The learner model: events, BKT mastery, FSRS reviews, progression, profile and memory. Pure.
export * from './events.js';
