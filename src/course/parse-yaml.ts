// Parses YAML with positions, validates it with a Zod schema, and turns every problem into a
// Diagnostic at the right file:line:column. `locate` finds any value's position for later checks.
import { isMap, isNode, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, Position } from './diagnostic.js';

export type YamlPath = readonly (string | number)[];

export interface YamlSource<T> {
  data?: T; // present when the text parsed and validated
  diagnostics: Diagnostic[];
  /** Position of the value at `path` (or of the nearest enclosing value that exists). */
  locate(path: YamlPath): Position;
}

export interface YamlLocation {
  path: string; // file path for diagnostics
  lineOffset?: number; // lines before the YAML text in its file (for blocks inside Markdown)
}

const formatHelp = 'see docs/course-format.md';

export function parseYaml<S extends z.ZodType>(text: string, schema: S, where: YamlLocation): YamlSource<z.output<S>> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const offset = where.lineOffset ?? 0;
  const at = (index: number): Position => {
    const { line, col } = lineCounter.linePos(index);
    return { line: line + offset, column: col };
  };
  const locate = (path: YamlPath): Position => at(findRange(document, path)[0]);
  const diagnostics: Diagnostic[] = [];
  const report = (position: Position, message: string, hint?: string) =>
    diagnostics.push({ path: where.path, ...position, severity: 'error', message, hint });

  for (const error of document.errors) {
    report(at(error.pos[0]), `invalid YAML: ${firstLine(error.message)}`, yamlHint(error.code));
  }
  if (document.errors.length > 0) return { diagnostics, locate };

  const data: unknown = document.toJS();
  const result = schema.safeParse(data);
  if (result.success) return { data: result.data, diagnostics, locate };

  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        report(at(findKeyRange(document, path, key)), `unknown field "${key}"${describePath(path, ' in ')}`, `check the spelling; the fields allowed here are listed in ${formatHelp}`);
      }
      continue;
    }
    report(locate(path), describeIssue(issue, path, valueAt(data, path)), formatHelp);
  }
  return { diagnostics, locate };
}

function describeIssue(issue: z.core.$ZodIssue, path: YamlPath, value: unknown): string {
  const field = path.at(-1);
  if (issue.code === 'invalid_type' && value === undefined) {
    return `missing required field "${String(field)}"${describePath(path.slice(0, -1), ' in ')}`;
  }
  if (issue.code === 'invalid_type') {
    // Say what was written, not only its type: `answer: expected a number, not the text "forty-nine"`.
    return `${describePath(path, '', ': ')}expected ${article(issue.expected)}, not ${describeValue(value)}`;
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const small = issue.code === 'too_small';
    const limit = Number(small ? issue.minimum : issue.maximum);
    const bound = issue.inclusive === false ? (small ? 'more than' : 'less than') : small ? 'at least' : 'at most';
    if (issue.origin === 'number' || issue.origin === 'int') return `${describePath(path, '', ': ')}must be ${bound} ${limit}, not ${String(value)}`;
    if (issue.origin === 'string' && small && limit === 1) return `${describePath(path, '', ': ')}must not be empty`;
    if (issue.origin === 'array' && small && limit === 1) return `${describePath(path, '', ': ')}must list at least one`;
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    return `"${issue.discriminator}" must be one of: choice, numeric, expression, text, free-response, code`;
  }
  if (issue.code === 'invalid_union') {
    return `${describePath(path, '', ': ')}expected text or a {text, …} entry; text containing ": " must be put in quotes`;
  }
  return `${describePath(path, '', ': ')}${issue.message}`;
}

/** The value at `path` in the parsed YAML (undefined when it is not there). */
function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

function article(expected: string): string {
  const names: Record<string, string> = { number: 'a number', string: 'text', boolean: 'true or false', array: 'a list', object: 'fields (name: value)', int: 'a whole number' };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'fields (name: value)';
  return `${typeof value === 'number' ? 'the number' : ''} ${String(value)}`.trim();
}

function describePath(path: YamlPath, before: string, after = ''): string {
  if (path.length === 0) return '';
  const text = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return `${before}${text}${after}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'each field may appear once; remove or rename the repeated one';
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR') return 'check the indentation and that every "key: value" pair is complete';
  if (code === 'TAB_AS_INDENT') return 'indent YAML with spaces, not tabs';
  return 'check the YAML syntax around this position (indentation, colons, quotes)';
}

/** Range of the deepest existing node on `path`, falling back to the document start. */
function findRange(document: Document, path: YamlPath): [number, number] {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = document.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return [node.range[0], node.range[1]];
  }
  return document.contents && isNode(document.contents) && document.contents.range ? [document.contents.range[0], document.contents.range[1]] : [0, 0];
}

function findKeyRange(document: Document, path: YamlPath, key: string): number {
  const parent = path.length === 0 ? document.contents : document.getIn(path, true);
  if (isMap(parent)) {
    for (const pair of parent.items) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === key && pair.key.range) return pair.key.range[0];
    }
  }
  return findRange(document, path)[0];
}
