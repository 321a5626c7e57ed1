// OATutor text → Primer Markdown. OATutor writes math between `$$…$$` inline, line breaks as a
// literal `\n`, figures as `##figure1.gif##` and variables as `@{name}`; it splits a line on
// `$$` first and on `##` second. We read it the same way and write `$…$`, paragraphs, images or
// a placeholder, and `{{name}}` (or a chosen value). Math KaTeX cannot parse is kept as code.
import katex from 'katex';

/** How `@{name}` is written: as a template placeholder `{{name}}`, or replaced by a fixed value. */
export type VariableWriting = { kind: 'placeholder' } | { kind: 'value'; values: Readonly<Record<string, string>> };

export interface TextContext {
  variables?: VariableWriting;
  /** Markdown for a figure reference, e.g. an image link; undefined when the file is not available. */
  figure?: (name: string) => string | undefined;
  /** Receives a note for each thing that could not be kept as written (missing figure, bad math). */
  note?: (message: string) => void;
}

// LaTeX commands that start with `\n`, so `\neq` is not read as a line break followed by "eq".
const commandsStartingWithN = /^\\n(?:eq|e|eg|abla|u|i|ot|otin|leq|geq|less|gtr|mid|parallel|subseteq|supseteq|exists|ewline|cong|sim|rightarrow|leftarrow|Rightarrow|Leftarrow|prec|succ|vdash|atural|ormalsize|obreak|oindent|wedge|ormal)(?![a-zA-Z])/;

/** Splits OATutor text into lines at literal `\n` (and real newlines), keeping LaTeX commands such as `\neq`. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '\n' || char === '\r') {
      lines.push(current);
      current = '';
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      continue;
    }
    if (char === '\\' && text[i + 1] === 'n' && !commandsStartingWithN.test(text.slice(i))) {
      lines.push(current);
      current = '';
      i += 1;
      continue;
    }
    if (char === '\\' && text[i + 1] === '\\') {
      current += '\\\\';
      i += 1;
      continue;
    }
    current += char;
  }
  lines.push(current);
  return lines;
}

/** Writes `@{name}` as `{{name}}` or as a chosen value. */
export function writeVariables(text: string, variables: VariableWriting | undefined): string {
  if (!variables) return text;
  return text.replace(/@\{([^{}]+)\}/g, (whole, name: string) => {
    const key = name.trim();
    if (variables.kind === 'placeholder') return /^[A-Za-z][A-Za-z0-9_]*$/.test(key) ? `{{${key}}}` : whole;
    return variables.values[key] ?? whole;
  });
}

const validity = new Map<string, boolean>(); // the same formulas recur across steps and hints

/** True when KaTeX renders `tex` (the same options the course compiler uses). */
export function isValidMath(tex: string): boolean {
  const known = validity.get(tex);
  if (known !== undefined) return known;
  let valid = true;
  try {
    katex.renderToString(tex, { displayMode: false, throwOnError: true, strict: 'ignore' });
  } catch {
    valid = false;
  }
  if (validity.size > 100_000) validity.clear();
  validity.set(tex, valid);
  return valid;
}

/** Mends what OATutor authors often leave broken: blanks `___` in math, `\\-`, unclosed braces. */
export function repairMath(tex: string): string {
  let repaired = tex.replace(/_{3,}/g, '\\underline{\\qquad}').replace(/\\-/g, '-');
  let depth = 0;
  for (let i = 0; i < repaired.length; i += 1) {
    const char = repaired[i]!;
    if (char === '\\') i += 1;
    else if (char === '{') depth += 1;
    else if (char === '}') depth = Math.max(0, depth - 1);
  }
  repaired += '}'.repeat(depth);
  return repaired;
}

/** Normalises OATutor's math: `**` powers, stray `\$`, surrounding space. */
export function cleanMath(tex: string): string {
  return tex
    .replace(/\*\*\s*\(([^()]*)\)/g, '^{($1)}')
    .replace(/\*\*\s*(-?[0-9.]+|[A-Za-z])/g, '^{$1}')
    .replace(/\*\*/g, '^')
    .replace(/(^|[^\\])\\\$/g, '$1')
    .trim();
}

/** Escapes Markdown's special characters in plain text, leaving `{{name}}` placeholders intact. */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(\{\{[A-Za-z][A-Za-z0-9_]*\}\})/)
    .map((piece, index) => (index % 2 === 1 ? piece : escapePlain(piece)))
    .join('');
}

function escapePlain(text: string): string {
  return text
    .replace(/[\\`*_[\]<>$~|]/g, (char) => `\\${char}`)
    .replace(/:(?=[A-Za-z])/g, '\\:')
    .replace(/^(\s*)([#+-]|\d+[.)])(\s)/, '$1\\$2$3');
}

function inlineCode(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}

function writeMath(raw: string, context: TextContext): string {
  const tex = cleanMath(raw);
  if (tex === '') return '';
  if (/^_{3,}$/.test(tex)) return '\\_\\_\\_';
  if (/\$/.test(tex)) return writeMath(tex.replace(/\$/g, ''), context);
  if (isValidMath(tex)) return `$${tex}$`;
  const repaired = repairMath(tex);
  if (repaired !== tex && isValidMath(repaired)) return `$${repaired}$`;
  context.note?.(`math KaTeX cannot parse was kept as code: ${tex}`);
  return inlineCode(tex);
}

function writeTextPart(part: string, context: TextContext): string {
  const pieces = part.split('##');
  return pieces
    .map((piece, index) => {
      if (index % 2 === 0) return escapeMarkdown(piece.replace(/\\neq(?![a-zA-Z])/g, '≠').replace(/_{3,}/g, '___'));
      const name = piece.trim();
      if (name === '') return '';
      const figure = context.figure?.(name);
      if (figure !== undefined) return figure;
      context.note?.(`figure "${name}" is not in the imported folder`);
      return `*(Figure "${escapeMarkdown(name)}" of the original OATutor problem is not included.)*`;
    })
    .join('');
}

/** Converts one OATutor text (title, body, hint, choice…) to Markdown. */
export function convertText(text: string, context: TextContext = {}): string {
  const lines = splitLines(writeVariables(text, context.variables));
  const paragraphs = lines.map((line) =>
    line
      .split('$$')
      .map((part, index) => (index % 2 === 1 ? writeMath(part, context) : writeTextPart(part, context)))
      .join('')
      .replace(/[ \t]+/g, ' ')
      .trim(),
  );
  return paragraphs.filter((p) => p !== '').join('\n\n');
}

/** Plain text for comparisons: no math delimiters, no `\left`/`\right`, no spaces, lower case. */
export function normalizeForComparison(text: string): string {
  return splitLines(text)
    .join(' ')
    .replace(/\$\$/g, '')
    .replace(/\\(left|right)(?![a-zA-Z])/g, '')
    .replace(/\\[,;! ]/g, '')
    .replace(/\*\*/g, '^')
    .replace(/\s+/g, '')
    .toLowerCase();
}
