// A deterministic hold-out split of a response table by learner: the same user_id always lands
// on the same side, whatever the row order or the machine.
import type { ResponseTable } from '../learner/index.js';

/** FNV-1a hash of a string, as an unsigned 32-bit integer. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Keeps the rows for which `keep(row)` is true; names and indices stay shared with the input. */
export function selectRows(table: ResponseTable, keep: (row: number) => boolean): ResponseTable {
  const rows: number[] = [];
  for (let row = 0; row < table.correct.length; row++) if (keep(row)) rows.push(row);
  const pick = <T extends Int32Array | Uint8Array>(column: T, empty: T): T => {
    rows.forEach((row, i) => (empty[i] = column[row]!));
    return empty;
  };
  return {
    header: table.header,
    rows: rows.map((row) => table.rows[row]!),
    users: pick(table.users, new Int32Array(rows.length)),
    skills: pick(table.skills, new Int32Array(rows.length)),
    correct: pick(table.correct, new Uint8Array(rows.length)),
    userNames: table.userNames,
    skillNames: table.skillNames,
  };
}

/** Splits by learner: about `testShare` of the user_ids (by hash) go to `test`, the rest to `train`. */
export function splitByLearner(table: ResponseTable, testShare = 0.2): { train: ResponseTable; test: ResponseTable } {
  const isTest = table.userNames.map((name) => hashString(name) % 1000 < testShare * 1000);
  return {
    train: selectRows(table, (row) => !isTest[table.users[row]!]),
    test: selectRows(table, (row) => isTest[table.users[row]!]!),
  };
}
