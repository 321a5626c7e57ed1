// Converts the LaTeX learners type for formulas into math.js syntax. Covers the common subset:
// \frac, \sqrt (with index), ^{}, _{}, \cdot, \times, \div, \left( \right), named functions, Greek letters.

const functionNames = ['arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'ln', 'log', 'exp'];
const renamed: Record<string, string> = { arcsin: 'asin', arccos: 'acos', arctan: 'atan' };
const symbols: Record<string, string> = {
  cdot: '*', times: '*', div: '/', pi: 'pi', infty: 'Infinity', le: '<=', ge: '>=',
  alpha: 'alpha', beta: 'beta', gamma: 'gamma', delta: 'delta', theta: 'theta', lambda: 'lambda', mu: 'mu', sigma: 'sigma', omega: 'omega', phi: 'phi', tau: 'tau',
};
const spacing = new Set([',', ';', '!', ' ', ':', 'quad', 'qquad']);
const dropped = new Set(['displaystyle', 'bigl', 'bigr', 'Bigl', 'Bigr', 'big', 'Big']);
const wrappers = new Set(['mathrm', 'text', 'operatorname', 'mathit', 'mathbf', 'textrm']);

/** True when the input looks like LaTeX rather than plain math. */
export function looksLikeLatex(input: string): boolean {
  return /\\[A-Za-z]|\\[,;! ]|[{}]/.test(input);
}

/**
 * Converts LaTeX to math.js syntax; throws on unbalanced braces.
 * @example latexToMathjs('\\frac{1}{2}x^{2}') // '((1)/(2))x^(2)'
 */
export function latexToMathjs(latex: string): string {
  const source = latex
    .trim()
    .replace(/\\\$/g, '')
    .replace(/^\$+|\$+$/g, '')
    .replace(/\{,\}/g, ',')
    .replace(/\*\*/g, '^');
  const { text, end } = convert(source, 0, false);
  if (end !== source.length) throw new Error('unbalanced braces');
  return text
    .replace(/\b(asin|acos|atan|sinh|cosh|tanh|sin|cos|tan|sec|csc|cot)\^\(?(\d+)\)?\s*\(([^()]*)\)/g, '$1($3)^$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads one argument: a {group} or a single token. Returns its conversion and where it ends. */
function readArgument(source: string, start: number): { text: string; end: number } {
  let index = start;
  while (source[index] === ' ') index++;
  if (source[index] === '{') {
    const inner = convert(source, index + 1, true);
    return { text: inner.text, end: inner.end + 1 };
  }
  if (source[index] === '\\') {
    const name = /^\\([A-Za-z]+)/.exec(source.slice(index))?.[1] ?? '';
    return { text: symbols[name] ?? name, end: index + 1 + name.length };
  }
  if (index >= source.length) throw new Error('missing argument');
  return { text: source[index] ?? '', end: index + 1 };
}

function convert(source: string, start: number, inGroup: boolean): { text: string; end: number } {
  let out = '';
  let index = start;
  while (index < source.length) {
    const char = source[index] ?? '';
    if (char === '}') {
      if (!inGroup) throw new Error('unbalanced braces');
      return { text: out, end: index };
    }
    if (char === '{') {
      const inner = convert(source, index + 1, true);
      out += `(${inner.text})`;
      index = inner.end + 1;
      continue;
    }
    if (char !== '\\') {
      if (char === '^' || char === '_') {
        const argument = readArgument(source, index + 1);
        out += char === '^' ? `^(${argument.text})` : `_${argument.text.replace(/[^A-Za-z0-9]/g, '')}`;
        index = argument.end;
        continue;
      }
      out += char;
      index++;
      continue;
    }
    const name = /^\\([A-Za-z]+|.)/.exec(source.slice(index))?.[1] ?? '';
    index += 1 + name.length;
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const numerator = readArgument(source, index);
      const denominator = readArgument(source, numerator.end);
      out += `((${numerator.text})/(${denominator.text}))`;
      index = denominator.end;
    } else if (name === 'sqrt') {
      let root: string | undefined;
      if (source[index] === '[') {
        const close = source.indexOf(']', index);
        if (close < 0) throw new Error('unbalanced brackets');
        root = convert(source.slice(index + 1, close), 0, false).text;
        index = close + 1;
      }
      const radicand = readArgument(source, index);
      out += root === undefined ? `sqrt(${radicand.text})` : `nthRoot(${radicand.text}, ${root})`;
      index = radicand.end;
    } else if (wrappers.has(name)) {
      const argument = readArgument(source, index);
      out += ` ${argument.text} `;
      index = argument.end;
    } else if (functionNames.includes(name)) {
      out += ` ${renamed[name] ?? name}`;
      if (source[index] === ' ' || /[A-Za-z0-9]/.test(source[index] ?? '')) out += ' ';
    } else if (name in symbols) {
      out += ` ${symbols[name]} `;
    } else if (spacing.has(name)) {
      out += ' ';
    } else if (name === 'left' || name === 'right') {
      const bracket = /^\\?[([|.{})\]]/.exec(source.slice(index))?.[0] ?? '';
      index += bracket.length;
      const plain = bracket.replace('\\', '');
      if (plain === '|') out += name === 'left' ? ' abs(' : ')';
      else if (plain !== '.') out += name === 'left' ? '(' : ')';
    } else if (dropped.has(name)) {
      // sizing commands change nothing in the math
    } else if (name === '%') {
      out += '%';
    } else if (name === '{' || name === '}') {
      out += name === '{' ? '(' : ')';
    } else {
      throw new Error(`unknown LaTeX command \\${name}`);
    }
  }
  if (inGroup) throw new Error('unbalanced braces');
  return { text: out, end: index };
}
