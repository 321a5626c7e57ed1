// A teacher's mistake is data: where it is, what is wrong, and how to fix it. All are collected
// and shown at once; the compiler never throws for a problem in a course.

export interface Diagnostic {
  path: string; // relative to the course folder, e.g. "lessons/02-rules.md"
  line: number; // 1-based
  column: number; // 1-based
  severity: 'error' | 'warning';
  message: string;
  hint?: string; // how to fix it
}

export interface Position {
  line: number;
  column: number;
}

/** Formats a diagnostic as `file:line:column: severity: message` followed by the hint. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = `${diagnostic.path}:${diagnostic.line}:${diagnostic.column}`;
  const hint = diagnostic.hint ? `\n  hint: ${diagnostic.hint}` : '';
  return `${where}: ${diagnostic.severity}: ${diagnostic.message}${hint}`;
}

/** Sorts diagnostics by file, then line, then column, so a teacher reads them top to bottom. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column,
  );
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
