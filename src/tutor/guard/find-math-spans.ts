// The math-looking spans of a sentence, as candidates for an expression comparison: LaTeX
// ($…$, $$…$$, \(…\), \[…\]), inline code, and runs of plain words made only of numbers,
// operators, the exercise's variables and known functions ("2x cos(x²)", "3*exp(x) - 2/x").

const functionNames = new Set(['cdot', 'times', 'frac', 'left', 'right', 'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'exp', 'log', 'ln', 'sqrt', 'abs', 'arcsin', 'arccos', 'arctan']);
const constantNames = new Set(['e', 'pi', 'π']);

/** Splits `text` into the delimited math and code spans and the prose left around them. */
function delimited(text: string): { spans: string[]; prose: string } {
  const spans: string[] = [];
  const prose = text.replace(/\$\$([\s\S]+?)\$\$|\$([^$]+)\$|\\\(([\s\S]+?)\\\)|\\\[([\s\S]+?)\\\]|`([^`]+)`/g, (_whole, ...groups: (string | undefined)[]) => {
    spans.push(groups.slice(0, 5).find((group) => group !== undefined) ?? '');
    return ' ; ';
  });
  return { spans, prose };
}

function isMathWord(word: string, variables: Set<string>): boolean {
  if (word === '=' || /^[-+*/^×·÷⋅()]+$/.test(word)) return true;
  if (!/^[\p{L}\d.()+\-*/^×·÷⋅²³'√,\\{}]+$/u.test(word)) return false;
  const letters = word.match(/\\?\p{L}+/gu)?.map((run) => run.replace(/^\\/, '')) ?? []; // "\cos" is cos
  return letters.every((run) => {
    if (functionNames.has(run) || constantNames.has(run) || variables.has(run)) return true;
    // run-together single-letter variables and constants: "xy", "ex"
    return [...run].every((letter) => variables.has(letter) || letter === 'e');
  });
}

function hasStructure(span: string): boolean {
  return /[\d()+\-*/^×·÷⋅²³√]/.test(span) || /\b(sin|cos|tan|exp|log|ln|sqrt)\b/.test(span);
}

/**
 * Candidate expressions in `text` over `variables`; each "a = b" also yields its sides.
 * @example findMathSpans('So $f\'(x) = 2x\\cos(x^2)$.', ['x']) // ["f'(x) = 2x\\cos(x^2)", "f'(x)", '2x\\cos(x^2)']
 */
export function findMathSpans(text: string, variables: string[]): string[] {
  const variableSet = new Set(variables);
  const { spans, prose } = delimited(text);
  const candidates: string[] = [];
  const add = (span: string) => {
    let trimmed = span.trim().replace(/^[,;:]+|[.,;:!?]+$/g, '').trim();
    const open = (trimmed.match(/\(/g) ?? []).length;
    const close = (trimmed.match(/\)/g) ?? []).length;
    if (open > close && trimmed.startsWith('(')) trimmed = trimmed.slice(1); // "(see 2x + 1" in prose
    if (close > open && trimmed.endsWith(')')) trimmed = trimmed.slice(0, -1);
    if (trimmed === '' || candidates.includes(trimmed)) return;
    candidates.push(trimmed);
    if (trimmed.includes('=')) for (const side of trimmed.split(/=/)) add(side);
    if (/\\(?:quad|qquad|text)/.test(trimmed)) for (const part of trimmed.split(/\\quad|\\qquad|\\text\{[^}]*\}/)) add(part);
  };
  for (const span of spans) add(span);
  let run: string[] = [];
  const flush = () => {
    const span = run.join(' ');
    if (run.length > 0 && hasStructure(span) && (variables.length === 0 || [...variableSet].some((name) => span.includes(name)))) add(span);
    run = [];
  };
  for (const raw of prose.replace(/=/g, ' = ').split(/\s+/)) {
    const word = raw.replace(/^[¿¡"“«]+/, '').replace(/[.,;:!?"”»]+$/, '');
    if (word !== '' && isMathWord(word, variableSet)) {
      run.push(word);
      if (word !== raw && /[.,;:!?]$/.test(raw)) flush(); // "x², then" ends the span
    } else flush();
  }
  flush();
  return candidates;
}
