// How a course check result reads in the teacher app: `path:line:column severity message (hint)`,
// the same shape `primer course check` prints, so a teacher can paste the location into an editor.
import type { ApiDiagnostic } from '../api/types.ts';

/** `lessons/01-intro.md:12:3` — the location an editor's "go to file" understands. */
export function diagnosticLocation(diagnostic: ApiDiagnostic): string {
  return `${diagnostic.path}:${diagnostic.line}:${diagnostic.column}`;
}

/** The whole line, e.g. `course.yaml:3:1 error title is missing (add a title: line)`. */
export function formatDiagnostic(diagnostic: ApiDiagnostic): string {
  const hint = diagnostic.hint ? ` (${diagnostic.hint})` : '';
  return `${diagnosticLocation(diagnostic)} ${diagnostic.severity} ${diagnostic.message}${hint}`;
}

/** Errors before warnings, then by file and position, so the first thing to fix is on top. */
export function sortDiagnostics(diagnostics: readonly ApiDiagnostic[]): ApiDiagnostic[] {
  const rank = (diagnostic: ApiDiagnostic) => (diagnostic.severity === 'error' ? 0 : 1);
  return [...diagnostics].sort(
    (left, right) =>
      rank(left) - rank(right) ||
      left.path.localeCompare(right.path) ||
      left.line - right.line ||
      left.column - right.column,
  );
}
