// Parses a CSV of graded responses (`user_id,skill_name,correct`, rows in time order per learner)
// into typed columns. Mistakes in the file come back as data, each with its line and column.

/** Graded responses as columns; users and skills are interned to indices into the name lists. */
export interface ResponseTable {
  header: string;
  /** The input rows as written (without line ending), for writing them back with predictions. */
  rows: string[];
  users: Int32Array;
  skills: Int32Array;
  correct: Uint8Array;
  userNames: string[];
  skillNames: string[];
}

export interface CsvProblem {
  path: string;
  line: number;
  column: number;
  message: string;
  hint: string;
}

export const requiredResponseColumns = ['user_id', 'skill_name', 'correct'] as const;
const maxProblems = 20;

/** Splits one CSV line; double-quoted fields may contain commas and doubled quotes. Returns each field's start column too. */
export function splitCsvLine(line: string): { fields: string[]; columns: number[] } {
  if (!line.includes('"')) {
    const fields = line.split(',');
    const columns: number[] = [];
    let position = 1;
    for (const field of fields) {
      columns.push(position);
      position += field.length + 1;
    }
    return { fields, columns };
  }
  const fields: string[] = [];
  const columns: number[] = [];
  let index = 0;
  while (index <= line.length) {
    columns.push(index + 1);
    if (line[index] === '"') {
      let value = '';
      index++;
      while (index < line.length) {
        if (line[index] === '"' && line[index + 1] === '"') { value += '"'; index += 2; }
        else if (line[index] === '"') { index++; break; }
        else value += line[index++];
      }
      const comma = line.indexOf(',', index);
      fields.push(value + line.slice(index, comma === -1 ? line.length : comma));
      index = comma === -1 ? line.length + 1 : comma + 1;
    } else {
      const comma = line.indexOf(',', index);
      fields.push(line.slice(index, comma === -1 ? line.length : comma));
      index = comma === -1 ? line.length + 1 : comma + 1;
    }
  }
  return { fields, columns };
}

/**
 * Parses response CSV text. `path` is only used in problem reports.
 * @example parseResponseCsv('user_id,skill_name,correct\nana,fractions,1\n', 'data.csv').table?.correct // Uint8Array [1]
 */
export function parseResponseCsv(text: string, path: string): { table?: ResponseTable; problems: CsvProblem[] } {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const problems: CsvProblem[] = [];
  const header = lines[0];
  if (header === undefined) {
    return { problems: [{ path, line: 1, column: 1, message: 'the file is empty', hint: `start it with the header line ${requiredResponseColumns.join(',')}` }] };
  }
  const headerFields = splitCsvLine(header.replace(/^\uFEFF/, '')).fields.map((field) => field.trim());
  const index = requiredResponseColumns.map((name) => headerFields.indexOf(name));
  const missing = requiredResponseColumns.filter((_, i) => index[i] === -1);
  if (missing.length > 0) {
    return {
      problems: [{ path, line: 1, column: 1, message: `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, hint: `the first line must name the columns, e.g. ${requiredResponseColumns.join(',')}` }],
    };
  }
  const [userColumn, skillColumn, correctColumn] = index as [number, number, number];
  const count = lines.length - 1;
  const users = new Int32Array(count);
  const skills = new Int32Array(count);
  const correct = new Uint8Array(count);
  const userIds = new Map<string, number>();
  const skillIds = new Map<string, number>();
  const rows: string[] = new Array(count);
  const intern = (map: Map<string, number>, name: string) => {
    let id = map.get(name);
    if (id === undefined) map.set(name, (id = map.size));
    return id;
  };

  for (let row = 0; row < count && problems.length < maxProblems; row++) {
    const line = lines[row + 1]!;
    const lineNumber = row + 2;
    rows[row] = line;
    const { fields, columns } = splitCsvLine(line);
    if (fields.length !== headerFields.length) {
      problems.push({ path, line: lineNumber, column: 1, message: `expected ${headerFields.length} fields but found ${fields.length}`, hint: 'every row needs one value per header column, separated by commas' });
      continue;
    }
    const user = fields[userColumn]!.trim();
    const skill = fields[skillColumn]!.trim();
    const verdict = fields[correctColumn]!.trim();
    if (user === '') problems.push({ path, line: lineNumber, column: columns[userColumn]!, message: 'user_id is empty', hint: 'give every row the id of the learner who answered' });
    if (skill === '') problems.push({ path, line: lineNumber, column: columns[skillColumn]!, message: 'skill_name is empty', hint: 'give every row the skill the answer practised' });
    if (verdict !== '0' && verdict !== '1') {
      problems.push({ path, line: lineNumber, column: columns[correctColumn]!, message: `correct must be 0 or 1, not "${verdict}"`, hint: 'write 1 for a correct first attempt and 0 for an incorrect one' });
      continue;
    }
    users[row] = intern(userIds, user);
    skills[row] = intern(skillIds, skill);
    correct[row] = verdict === '1' ? 1 : 0;
  }
  if (problems.length > 0) return { problems };
  return { table: { header, rows, users, skills, correct, userNames: [...userIds.keys()], skillNames: [...skillIds.keys()] }, problems };
}
