// The embedded database on a thread of its own: PGlite (PostgreSQL compiled to WebAssembly) runs
// here, so its work does not hold up the server's event loop and uses a second core. The main
// thread talks to it through `openPgliteWorker` (open-pglite-worker.ts); a query is one message
// each way. Plain JavaScript, because a worker thread does not inherit the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @type {PGlite} */
let pglite;
try {
  // relaxedDurability must stay false: a query resolves only after its writes reached the file
  // system, so an acknowledged append survives the process being killed.
  pglite = await PGlite.create({ ...(workerData.dataDir ? { dataDir: workerData.dataDir } : {}), relaxedDurability: false });
  dropUnusedParsers(pglite);
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: describeError(error) });
}

parentPort.on('message', async (message) => {
  if (message.close) {
    await pglite.close();
    parentPort.postMessage({ closed: true });
    parentPort.close();
    return;
  }
  try {
    const result = await pglite.query(message.sql, message.params);
    parentPort.postMessage({ id: message.id, rows: result.rows, affectedRows: result.affectedRows });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: describeError(error) });
  }
});

/** An error as plain data (message, and PostgreSQL's fields such as code, detail, constraint). */
function describeError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = Object.fromEntries(Object.entries(error).filter(([, value]) => value === null || ['string', 'number', 'boolean'].includes(typeof value)));
  return { ...fields, name: error.name, message: error.message };
}

/**
 * PGlite copies its table of result parsers on every query (`{ ...parsers }`), and the copy is as
 * large as the highest type OID in it: with array parsers for every system catalog's row type (OIDs
 * above 10000, and above 16384 for Primer's own tables once a data folder is reopened) that is over
 * 120 KB of garbage per query, even `select 1`. Primer only reads built-in types (text, numbers,
 * booleans, uuid, JSON, times) and arrays of them, all below OID 4000, so the other parsers go: a
 * query then leaves about 75 KB. A type above 4000 (a multirange, an array of a row type) would
 * come back as its text.
 */
function dropUnusedParsers(database) {
  // A new object rather than deletes: V8 copies an object that had keys deleted far less cheaply.
  database.parsers = Object.fromEntries(Object.entries(database.parsers).filter(([key]) => !(Number(key) >= 4000)));
}
