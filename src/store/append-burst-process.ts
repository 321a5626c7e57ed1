// A child process for the durability test: opens the store, appends batches as fast as it
// can and prints one line per acknowledged batch, until it is killed.
// Usage: node --import tsx src/store/append-burst-process.ts '<json: { database, schema?, learner, round }>'
import { databaseConfigSchema } from './database-config.js';
import { openStore } from './open-store.js';
import { parseTestEvent } from './test-events.js';

const { database, schema, learner, round } = JSON.parse(process.argv[2] ?? '{}') as { database: unknown; schema?: string; learner: string; round: number };
const store = await openStore(databaseConfigSchema.parse(database), { parseEvent: parseTestEvent }, schema ? { schema } : {});
process.stdout.write('ready\n');
for (let batch = 0; ; batch += 1) {
  const key = `round-${round}-batch-${batch}`;
  const events = Array.from({ length: 5 }, (_, index) => ({ type: 'message', payload: { turn: key, text: `${index} ${'x'.repeat(2000)}` } }));
  const outcome = await store.appendEvents({ learner, course: 'durability', courseVersion: 'v1', key, events });
  // Writes to a pipe are synchronous on Linux: once this returns, the parent can read the line.
  process.stdout.write(`ack ${key} ${outcome.events.map((event) => event.id).join(',')}\n`);
}
