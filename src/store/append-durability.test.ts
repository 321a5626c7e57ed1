// An acknowledged append survives the process being killed (SIGKILL) in the middle of a
// burst of writes, and no append is ever half-stored.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from './database-config.js';
import { openDatabase, type OpenedDatabase } from './open-database.js';
import { openTestDatabase, openTimeoutMs, testBackends, testPostgresUrl } from './open-test-database.js';
import { toStoredEvent } from './stored-event.js';

const backends = await testBackends();
const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'append-burst-process.ts');
const learner = 'durable-learner';

/** Runs the child until it has acknowledged `killAfter` batches, kills it, and returns every acknowledged batch. */
async function burstAndKill(options: { database: DatabaseConfig; schema?: string; round: number; killAfter: number }): Promise<Map<string, string[]>> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify({ ...options, learner })], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acknowledged = new Map<string, string[]>();
  let stderr = '';
  let buffered = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const [word, key, ids] = line.split(' ');
      if (word === 'ack' && key && ids) acknowledged.set(key, ids.split(','));
      if (acknowledged.size === options.killAfter) child.kill('SIGKILL'); // mid-burst: the next append is under way
    }
  });
  const signal = await exited;
  if (signal !== 'SIGKILL') throw new Error(`the append child ended without being killed (signal ${signal}): ${stderr}`);
  // Lines the child wrote before dying are still in the pipe: they were acknowledged too.
  await new Promise((resolve) => (child.stdout.readableEnded ? resolve(undefined) : child.stdout.on('end', resolve)));
  return acknowledged;
}

async function storedBatches(database: OpenedDatabase): Promise<Map<string, { ids: string[]; indexes: number[] }>> {
  const rows = await database.db.selectFrom('events').selectAll().where('learner', '=', learner).orderBy('sequence').execute();
  const batches = new Map<string, { ids: string[]; indexes: number[] }>();
  for (const row of rows) {
    const batch = batches.get(row.idempotency_key ?? '') ?? { ids: [], indexes: [] };
    batch.ids.push(toStoredEvent(row).id);
    batch.indexes.push(row.key_index ?? -1);
    batches.set(row.idempotency_key ?? '', batch);
  }
  return batches;
}

describe.each(backends)('durability on $name', (backend) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it.skipIf(!backend.available)(
    'keeps every acknowledged append and no partial one after SIGKILL mid-burst, twice over',
    async () => {
      let database: DatabaseConfig;
      let schema: string | undefined;
      let reopen: () => Promise<OpenedDatabase>;
      if (backend.name === 'pglite') {
        const dataDir = await mkdtemp(path.join(tmpdir(), 'primer-durability-'));
        cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
        database = { kind: 'pglite', dataDir };
        reopen = () => openDatabase(database);
      } else {
        const owner = await openTestDatabase('postgres'); // owns the schema and drops it at the end
        cleanups.push(() => owner.close());
        schema = owner.schema;
        database = { kind: 'postgres', url: testPostgresUrl };
        reopen = async () => ({ ...owner, close: async () => {} });
      }

      const acknowledged = new Map<string, string[]>();
      for (const round of [1, 2]) {
        const acks = await burstAndKill({ database, ...(schema ? { schema } : {}), round, killAfter: 10 });
        for (const [key, ids] of acks) acknowledged.set(key, ids);

        const reopened = await reopen();
        try {
          const stored = await storedBatches(reopened);
          for (const [key, ids] of acknowledged) expect(stored.get(key)?.ids, `acknowledged batch ${key}`).toEqual(ids);
          for (const [key, batch] of stored) expect(batch.indexes, `batch ${key} is whole`).toEqual([0, 1, 2, 3, 4]);
          // At most the one append in flight per kill committed without its acknowledgement reaching us.
          expect(stored.size - acknowledged.size).toBeGreaterThanOrEqual(0);
          expect(stored.size - acknowledged.size).toBeLessThanOrEqual(round);
        } finally {
          await reopened.close();
        }
      }
      expect(acknowledged.size).toBeGreaterThanOrEqual(20);
    },
    openTimeoutMs * 4, // four PGlite opens: two children, two reopenings
  );
});
