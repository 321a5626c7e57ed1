// All migrations, listed statically (no file-system globbing, so bundlers and tsx both work).
// Kysely applies them in name order; add new ones at the end and never edit an applied one.
import type { Migration, MigrationProvider } from 'kysely';
import * as accounts from './migrations/0001-accounts.js';
import * as courses from './migrations/0002-courses.js';
import * as eventLog from './migrations/0003-event-log.js';
import * as tutoring from './migrations/0004-tutoring.js';
import * as translations from './migrations/0005-translations.js';
import * as modelCalls from './migrations/0006-model-calls.js';
import * as learnerStateRead from './migrations/0007-learner-state-read.js';
import * as appendInOneStatement from './migrations/0008-append-in-one-statement.js';
import * as recentTotalInSnapshot from './migrations/0009-recent-total-in-snapshot.js';
import * as eraseLearner from './migrations/0010-erase-learner.js';
import * as erasedLearners from './migrations/0011-erased-learners.js';

export const migrations: Record<string, Migration> = {
  '0001-accounts': accounts,
  '0002-courses': courses,
  '0003-event-log': eventLog,
  '0004-tutoring': tutoring,
  '0005-translations': translations,
  '0006-model-calls': modelCalls,
  '0007-learner-state-read': learnerStateRead,
  '0008-append-in-one-statement': appendInOneStatement,
  '0009-recent-total-in-snapshot': recentTotalInSnapshot,
  '0010-erase-learner': eraseLearner,
  '0011-erased-learners': erasedLearners,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
