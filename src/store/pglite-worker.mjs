// The embedded database on a thread of its own: PGlite (PostgreSQL compiled to WebAssembly) runs
// here, so its work does not hold up the server's event loop and uses a second core. The main
// thread talks to it through `openPgliteWorker` (open-pglite-worker.ts); a query is one message
// each way. Plain JavaScript, because a worker thread does not inherit the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

/** @type {PGlite} */
let pglite;
/** Parsers for arrays, by the array type's OID: see takeArrayParsers. */
let arrayParsers = new Map();
try {
  // relaxedDurability must stay false: a query resolves only after its writes reached the file
  // system, so an acknowledged append survives the process being killed.
  // restoreFrom: a backup (writeBackup's archive) unpacked into the empty data folder first.
  pglite = await PGlite.create({
    ...(workerData.dataDir ? { dataDir: workerData.dataDir } : {}),
    ...(workerData.restoreFrom ? { loadDataDir: new Blob([workerData.restoreFrom]) } : {}),
    relaxedDurability: false,
  });
  arrayParsers = await takeArrayParsers(pglite);
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
  if (message.backup) {
    try {
      const bytes = await dumpDataFolder();
      parentPort.postMessage({ id: message.id, backup: bytes }, [bytes.buffer]); // handed over, not copied
    } catch (error) {
      parentPort.postMessage({ id: message.id, error: describeError(error) });
    }
    return;
  }
  try {
    const result = await pglite.query(message.sql, message.params);
    parseArrays(result);
    parentPort.postMessage({ id: message.id, rows: result.rows, affectedRows: result.affectedRows });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: describeError(error) });
  }
});

/**
 * The data folder as a gzipped tar, a consistent copy: a checkpoint writes out what the database
 * holds in memory, then no statement runs while the files are read (about half a second for a
 * 40 MB folder). Restoring it is crash recovery from that moment.
 */
async function dumpDataFolder() {
  await pglite.query('checkpoint');
  const archive = await pglite.runExclusive(() => pglite.dumpDataDir('gzip'));
  return new Uint8Array(await archive.arrayBuffer());
}

/** An error as plain data (message, and PostgreSQL's fields such as code, detail, constraint). */
function describeError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = Object.fromEntries(Object.entries(error).filter(([, value]) => value === null || ['string', 'number', 'boolean'].includes(typeof value)));
  return { ...fields, name: error.name, message: error.message };
}

/**
 * PGlite copies its table of result parsers on every query (`{ ...parsers }`), and the copy is as
 * large as the highest type OID in it: with a parser for the array of every type in the catalog
 * that is over 120 KB of garbage per query, even `select 1`. So the table is emptied: PGlite then
 * parses with its shared table of built-in types (text, numbers, booleans, JSON, dates, bytea),
 * copying nothing, and arrays are parsed by parseArrays, only in the columns that hold them.
 */
async function takeArrayParsers(database) {
  const { rows } = await database.query('select oid, typarray from pg_type where typarray <> 0');
  database.parsers = {};
  return new Map(rows.map(({ oid, typarray }) => [typarray, (text) => types.arrayParser(text, types.parsers[oid], typarray)]));
}

/** Parses, in place, the array columns of a result (they came back as text). */
function parseArrays(result) {
  for (const { name, dataTypeID } of result.fields) {
    const parse = arrayParsers.get(dataTypeID);
    if (!parse) continue;
    for (const row of result.rows) if (row[name] !== null) row[name] = parse(row[name]);
  }
}
