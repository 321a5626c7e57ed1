// Opens the database, applies pending migrations and returns the store: what a server or
// CLI command calls at start.
import { createStore, type Store, type StoreCapabilities } from './create-store.js';
import type { DatabaseConfig } from './database-config.js';
import { migrateToLatest } from './migrate-to-latest.js';
import { openDatabase, type OpenDatabaseOptions } from './open-database.js';

export async function openStore(
  config: DatabaseConfig,
  capabilities: Omit<StoreCapabilities, 'database'>,
  options: OpenDatabaseOptions = {},
): Promise<Store> {
  const database = await openDatabase(config, options);
  try {
    await migrateToLatest(database.db, options.schema ? { schema: options.schema } : {});
  } catch (error) {
    await database.close();
    throw error;
  }
  return createStore({ ...capabilities, database });
}
