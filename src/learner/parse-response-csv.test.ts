import { describe, expect, it } from 'vitest';
import { parseResponseCsv } from './parse-response-csv.js';

describe('parseResponseCsv', () => {
  it('reads rows into columns, keeping extra columns and interning names', () => {
    const { table, problems } = parseResponseCsv('order,user_id,skill_name,correct\r\n1,ana,"fractions, basic",1\r\n2,bo,ratios,0\r\n3,ana,ratios,1\r\n', 'data.csv');
    expect(problems).toEqual([]);
    expect([...table!.correct]).toEqual([1, 0, 1]);
    expect(table!.userNames).toEqual(['ana', 'bo']);
    expect(table!.skillNames).toEqual(['fractions, basic', 'ratios']);
    expect([...table!.users]).toEqual([0, 1, 0]);
    expect(table!.rows[0]).toBe('1,ana,"fractions, basic",1');
  });

  it('reports every bad row with its file, line and column', () => {
    const { table, problems } = parseResponseCsv('user_id,skill_name,correct\nana,fractions,1\nana,fractions,yes\nbo,ratios\n,ratios,0\n', 'data.csv');
    expect(table).toBeUndefined();
    expect(problems.map(({ path, line, column, message }) => `${path}:${line}:${column}: ${message}`)).toEqual([
      'data.csv:3:15: correct must be 0 or 1, not "yes"',
      'data.csv:4:1: expected 3 fields but found 2',
      'data.csv:5:1: user_id is empty',
    ]);
    expect(problems[0]!.hint).toMatch(/write 1 for a correct first attempt/);
  });

  it('says which header columns are missing', () => {
    const { problems } = parseResponseCsv('student,skill_name,correct\nana,fractions,1\n', 'data.csv');
    expect(problems).toEqual([expect.objectContaining({ line: 1, message: 'the header lacks the column user_id' })]);
    expect(parseResponseCsv('', 'empty.csv').problems[0]!.message).toBe('the file is empty');
  });
});
