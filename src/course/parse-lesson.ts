// Reads one lesson file: YAML front matter, Markdown body, and the exercises written inside it
// as ```exercise fenced blocks. Positions in diagnostics are those of the file itself.
import type { Code, Root } from 'mdast';
import type { Diagnostic } from './diagnostic.js';
import { parseMarkdown } from './markdown.js';
import { parseYaml, type YamlSource } from './parse-yaml.js';
import { exerciseSchema, lessonFrontMatterSchema, type Exercise, type LessonFrontMatter } from './schema.js';

export type LessonSegment =
  | { kind: 'markdown'; text: string }
  | { kind: 'exercise'; source: YamlSource<Exercise>; line: number };

export interface ParsedLesson {
  path: string;
  frontMatter?: YamlSource<LessonFrontMatter>;
  body: string; // the file with its front matter blanked out, so positions match the file
  tree: Root; // the parsed body; exercise blocks are code nodes in it
  segments: LessonSegment[];
  diagnostics: Diagnostic[];
}

const frontMatterPattern = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function parseLesson(path: string, text: string): ParsedLesson {
  const diagnostics: Diagnostic[] = [];
  const match = frontMatterPattern.exec(text);
  let frontMatter: YamlSource<LessonFrontMatter> | undefined;
  let body = text;
  if (!match) {
    diagnostics.push({
      path, line: 1, column: 1, severity: 'error',
      message: 'missing front matter',
      hint: 'start the lesson with a YAML block between two "---" lines giving id, title, skills and minutes',
    });
  } else {
    frontMatter = parseYaml(match[1]!, lessonFrontMatterSchema, { path, lineOffset: 1 });
    diagnostics.push(...frontMatter.diagnostics);
    body = match[0].replace(/[^\n]/g, '') + text.slice(match[0].length);
  }

  const tree = parseMarkdown(body);
  const segments: LessonSegment[] = [];
  let cursor = 0;
  const pushMarkdown = (end: number) => {
    const piece = body.slice(cursor, end).trim();
    if (piece) segments.push({ kind: 'markdown', text: piece });
  };
  for (const node of tree.children) {
    if (node.type !== 'code' || node.lang !== 'exercise' || !node.position) continue;
    pushMarkdown(node.position.start.offset ?? cursor);
    segments.push(parseExerciseBlock(path, node));
    cursor = node.position.end.offset ?? cursor;
  }
  pushMarkdown(body.length);
  return { path, frontMatter, body, tree, segments, diagnostics };
}

function parseExerciseBlock(path: string, node: Code): LessonSegment {
  const line = node.position!.start.line;
  const source = parseYaml(node.value, exerciseSchema, { path, lineOffset: line });
  return { kind: 'exercise', source, line };
}
