// `primer db migrate`: bring the database (embedded PGlite folder or PostgreSQL) up to date.
import { Command } from 'commander';
import { migrateToLatest, openDatabase, resolveDatabaseConfig } from '../../store/index.js';

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

  return db;
}
