import { describe, expect, it } from 'vitest';
import type { ApiDiagnostic } from '../api/types.ts';
import { formatDiagnostic, sortDiagnostics } from './format-diagnostic.ts';

const warning: ApiDiagnostic = { severity: 'warning', path: 'lessons/01.md', line: 4, column: 1, message: 'lesson has no exercise' };
const laterError: ApiDiagnostic = { severity: 'error', path: 'lessons/02.md', line: 9, column: 3, message: 'unknown skill "chain"', hint: 'declare it in course.yaml' };
const earlierError: ApiDiagnostic = { severity: 'error', path: 'lessons/02.md', line: 2, column: 1, message: 'title is missing' };

describe('diagnostics', () => {
  it('read as path:line:column severity message (hint)', () => {
    expect(formatDiagnostic(laterError)).toBe('lessons/02.md:9:3 error unknown skill "chain" (declare it in course.yaml)');
    expect(formatDiagnostic(warning)).toBe('lessons/01.md:4:1 warning lesson has no exercise');
  });

  it('list errors first, then by file and line', () => {
    expect(sortDiagnostics([warning, laterError, earlierError])).toEqual([earlierError, laterError, warning]);
  });
});
