// `primer db migrate`: bring the database (embedded PGlite folder or PostgreSQL) up to date.
// `primer db restore`: fill an empty PGlite data folder from a backup the server wrote, and erase again
// the learners listed as erased beside it (erased-learners.txt), whom an older backup still holds.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { sql } from 'kysely';
import { eraseLearner, erasureListName, migrateToLatest, openDatabase, readErasures, resolveDatabaseConfig } from '../../store/index.js';
import { UsageError } from '../load-course.js';

export function dbCommand(): Command {
  const db = new Command('db').description('Manage the database: an embedded PGlite folder by default, PostgreSQL when DATABASE_URL is set.');

  db.command('migrate')
    .description('Apply every pending migration (Primer also does this at start). Safe to run again.')
    .option('--data <dir>', 'PGlite data folder (env PRIMER_DATA; default ./primer-data)')
    .option('--database-url <url>', 'PostgreSQL URL, e.g. postgres://user@host:5432/primer (env DATABASE_URL); wins over --data')
    .action(async (options: { data?: string; databaseUrl?: string }) => {
      const config = resolveDatabaseConfig({ data: options.data, databaseUrl: options.databaseUrl, environment: process.env });
      const database = await openDatabase(config);
      try {
        const { applied, known } = await migrateToLatest(database.db);
        if (applied.length === 0) console.log(`${database.description} is up to date (${known.length} migrations)`);
        else console.log(`applied ${applied.length} migration(s) to ${database.description}: ${applied.join(', ')}`);
      } finally {
        await database.close();
      }
    });

  db.command('restore')
    .description('Fill a new PGlite data folder from a backup (primer-backup-….tar.gz, which primer serve writes), bring it up to date, and erase again the learners listed in erased-learners.txt beside it. Stop Primer and move the old folder aside first.')
    .argument('<backup>', 'the backup file')
    .option('--data <dir>', 'the PGlite data folder to create (env PRIMER_DATA; default ./primer-data); it must be empty or absent')
    .action(async (backup: string, options: { data?: string }) => {
      const config = resolveDatabaseConfig({ data: options.data, environment: { ...process.env, DATABASE_URL: undefined } });
      if (config.kind !== 'pglite' || !config.dataDir) throw new UsageError('restore needs a PGlite data folder (--data); restore PostgreSQL with pg_restore');
      const archive = await readFile(backup).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot read the backup ${backup}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
      });
      const backupFolder = path.dirname(backup);
      const erasureList = path.join(backupFolder, erasureListName);
      const erased = await readErasures(backupFolder);
      const database = await openDatabase(config, { restoreFrom: new Uint8Array(archive) });
      try {
        const { applied } = await migrateToLatest(database.db);
        for (const learner of erased) await eraseLearner(database.db, learner);
        const { rows } = await sql<{ accounts: number; learners: number; events: number }>`
          select (select count(*)::int from users) as accounts,
                 (select count(distinct learner)::int from events) as learners,
                 (select count(*)::int from events) as events`.execute(database.db);
        const { accounts, learners, events } = rows[0]!;
        console.log(`restored ${backup} into ${database.description}: ${accounts} accounts, ${learners} learners, ${events} events${applied.length > 0 ? `; applied ${applied.length} newer migration(s)` : ''}`);
        console.log(erased.length > 0 ? `erased again the ${erased.length} learner(s) listed in ${erasureList}` : `no learners listed as erased in ${erasureList}`);
      } finally {
        await database.close();
      }
    });

  return db;
}
