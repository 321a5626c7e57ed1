// Storage: Kysely over PGlite (embedded, default) or PostgreSQL; migrations; the append-only
// event log with snapshots of folded learner state. Imports no other Primer module.
export type * from './database.js';
export * from './database-config.js';
export * from './open-database.js';
export * from './migrate-to-latest.js';
export { migrations } from './migration-provider.js';
export * from './stored-event.js';
export * from './create-uuid-v7.js';
export * from './create-event-log.js';
export * from './read-learner-state.js';
export * from './create-store.js';
export * from './open-store.js';
export * from './write-backup.js';
export * from './erase-learner.js';
export * from './open-test-database.js';
