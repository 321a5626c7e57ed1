// Translates the LaTeX (or plain math) of an OATutor answer into math.js syntax, so Primer's
// checkers can evaluate it: `\frac{x+1}{x-1}` → `(x+1)/(x-1)`, `2\sin\left(x\right)` →
// `2*sin(x)`, `\log_{2}(x)` → `log(x, 2)`, `@{k}` → the template variable `k`. Products are made
// explicit, so `xy` is `x*y`. Anything it cannot read faithfully is refused with a reason.
import { parse } from 'mathjs';

/** `unknown` is set when the answer was written `y = …`: the expression is then the right-hand side. */
export type Translation = { ok: true; expression: string; unknown?: string } | { ok: false; reason: string };

const functionNames: Record<string, string> = {
  sin: 'sin', cos: 'cos', tan: 'tan', sec: 'sec', csc: 'csc', cot: 'cot',
  arcsin: 'asin', arccos: 'acos', arctan: 'atan', sinh: 'sinh', cosh: 'cosh', tanh: 'tanh',
  ln: 'log', exp: 'exp', log: 'log10',
};
const inverseTrig: Record<string, string> = { sin: 'asin', cos: 'acos', tan: 'atan' };
// Plain words authors type without a backslash, longest first so `sinh` wins over `sin`.
const plainWords = ['arcsin', 'arccos', 'arctan', 'sqrt', 'sinh', 'cosh', 'tanh', 'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'log', 'exp', 'ln', 'pi'];
const greek = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'theta', 'lambda', 'mu', 'sigma', 'tau', 'omega', 'rho', 'phi']);
const ignoredCommands = new Set(['left', 'right', 'displaystyle', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'mathrm', 'text', 'operatorname']);

class Refusal extends Error {}

/** Removes OATutor's wrappers around an answer: `$$`, trailing `\n`, `\left`/`\right`, thin spaces. */
export function stripAnswer(latex: string): string {
  return latex
    .replace(/@\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}/g, '\\primervar{$1}')
    .replace(/\$\$/g, ' ')
    .replace(/\\\$/g, ' ')
    .replace(/\\n(?![a-zA-Z])/g, ' ')
    .replace(/\\(left|right)\s*\./g, ' ')
    .replace(/\\(left|right)(?![a-zA-Z])/g, '')
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/\{,\}/g, '.')
    .replace(/\\%/g, '%')
    .replace(/\*\*/g, '^')
    .replace(/[−–]/g, '-')
    .replace(/[×·⋅]/g, '*')
    .replace(/÷/g, '/')
    .replace(/π/g, '\\pi ')
    .replace(/√(\d+(?:\.\d+)?)/g, '\\sqrt{$1}')
    .replace(/√/g, '\\sqrt')
    .trim();
}

/** Translates one answer to math.js; `decimalComma` reads `0,5` as a half (courses in Swedish and the like). */
export function latexToMathjs(latex: string, options: { decimalComma?: boolean } = {}): Translation {
  let source = stripAnswer(latex);
  if (source === '') return { ok: false, reason: 'the answer is empty' };
  source = options.decimalComma ? source.replace(/(\d),(\d)/g, '$1.$2') : source.replace(/(\d),(\d{3})(?!\d)/g, '$1$2');
  const assignment = /^([A-Za-z])\s*=([^=<>]+)$/.exec(source);
  if (assignment) {
    const right = latexToMathjs(assignment[2]!, options);
    return right.ok ? { ...right, unknown: assignment[1]! } : right;
  }
  if (/\\begin\{[a-zA-Z]?matrix\}/.test(source)) return { ok: false, reason: 'matrix answers are not supported' };
  if (/\\(le|ge|leq|geq|lt|gt|neq|ne|pm|mp|infty|cup|cap|in|begin|matrix|to|approx)(?![a-zA-Z])|[<>≤≥±∞=]/.test(source)) {
    return { ok: false, reason: `the answer is not a single number or expression (an equation, inequality, interval or set): ${latex.trim()}` };
  }
  if (/,/.test(source)) return { ok: false, reason: `the answer lists several values: ${latex.trim()}` };
  try {
    const expression = new Reader(source).readAll();
    parse(expression);
    return { ok: true, expression };
  } catch (error) {
    const why = error instanceof Refusal ? error.message : `it does not parse (${error instanceof Error ? error.message : String(error)})`;
    return { ok: false, reason: `cannot read the answer ${latex.trim()} as math: ${why}` };
  }
}

/** A small recursive reader over the LaTeX string that writes math.js with explicit products. */
class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  readAll(): string {
    const out = this.readSequence(undefined);
    if (this.i < this.s.length) throw new Refusal(`unexpected "${this.s[this.i]}"`);
    return out;
  }

  /** Reads until `close` (not consumed) or the end; returns math.js text. */
  private readSequence(close: string | undefined): string {
    const out = new Output();
    while (this.i < this.s.length) {
      const char = this.s[this.i]!;
      if (close !== undefined && char === close) return out.text();
      if (/\s/.test(char)) { this.i += 1; continue; }
      if (/[0-9.]/.test(char)) { out.operand(this.readNumber()); continue; }
      if (char === '{') { out.operand(`(${this.readGroup('{', '}')})`); continue; }
      if (char === '(') { out.operand(`(${this.readGroup('(', ')')})`); continue; }
      if (char === '[') { out.operand(`(${this.readGroup('[', ']')})`); continue; }
      if (char === '|') { this.i += 1; const inner = this.readSequence('|'); this.expect('|'); out.operand(`abs(${inner})`); continue; }
      if (char === '^') { this.i += 1; out.raw(`^${wrap(this.readArgument(true))}`); continue; }
      if (char === '_') throw new Refusal('a subscript outside a logarithm');
      if (char === '%') { this.i += 1; out.raw('/100'); continue; }
      if (char === '!') { this.i += 1; out.raw('!'); continue; }
      if ('+-*/'.includes(char)) { this.i += 1; out.operator(char); continue; }
      if (char === '\\') { this.readCommand(out); continue; }
      if (/[A-Za-z]/.test(char)) { this.readLetters(out); continue; }
      throw new Refusal(`unexpected "${char}"`);
    }
    if (close !== undefined) throw new Refusal(`a "${close}" is missing`);
    return out.text();
  }

  private expect(char: string): void {
    if (this.s[this.i] !== char) throw new Refusal(`"${char}" expected`);
    this.i += 1;
  }

  private readNumber(): string {
    const match = /^(\d+\.?\d*|\.\d+)/.exec(this.s.slice(this.i));
    if (!match) throw new Refusal('a lone "."');
    this.i += match[0].length;
    return match[0];
  }

  /** A braced group read as plain characters, e.g. the name in `\\primervar{base}`. */
  private readRaw(): string {
    const match = /^\s*\{([^{}]*)\}/.exec(this.s.slice(this.i));
    if (!match) throw new Refusal('"{" expected');
    this.i += match[0].length;
    return match[1]!.trim();
  }

  private readGroup(open: string, close: string): string {
    this.expect(open);
    const inner = this.readSequence(close);
    this.expect(close);
    if (inner.trim() === '') throw new Refusal('an empty group');
    return inner;
  }

  /** The argument of `^`, `\frac`, `\sqrt`…: a braced group, or a single token (`x^2`, `\frac12`). */
  private readArgument(exponent = false): string {
    while (this.s[this.i] === ' ') this.i += 1;
    const char = this.s[this.i];
    if (char === undefined) throw new Refusal('an argument is missing');
    if (char === '{') return this.readGroup('{', '}');
    if (char === '(' && exponent) return this.readGroup('(', ')');
    if (exponent && char === '-') { this.i += 1; return `-${this.readArgument(true)}`; }
    // a power typed as plain text, `x^10`, means ten, though LaTeX would read one digit
    if (/[0-9.]/.test(char)) return exponent ? this.readNumber() : (this.i += 1, char);
    if (/[A-Za-z]/.test(char)) { this.i += 1; return char; }
    if (char === '\\') { const out = new Output(); this.readCommand(out); return out.text(); }
    throw new Refusal(`unexpected "${char}"`);
  }

  private readCommand(out: Output): void {
    const match = /^\\([A-Za-z]+)/.exec(this.s.slice(this.i));
    if (!match) throw new Refusal(`unknown command "${this.s.slice(this.i, this.i + 2)}"`);
    const name = match[1]!;
    this.i += match[0].length;
    if (name === 'primervar' || name === 'text' || name === 'mathrm' || name === 'operatorname') {
      const raw = this.readRaw();
      if (name === 'primervar') out.operand(raw);
      else if (raw === 'e') out.operand('e');
      else if (raw === 'log' || raw in functionNames) this.readFunction(raw, out);
      else throw new Refusal(`text inside the answer (\\${name}{${raw}})`);
      return;
    }
    if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
      const numerator = this.readArgument();
      const denominator = this.readArgument();
      out.operand(`(${wrap(numerator)}/${wrap(denominator)})`);
      return;
    }
    if (name === 'sqrt') {
      let index: string | undefined;
      if (this.s[this.i] === '[') index = this.readGroup('[', ']');
      const radicand = this.readArgument();
      out.operand(index === undefined ? `sqrt(${radicand})` : `nthRoot(${radicand}, ${index})`);
      return;
    }
    if (name === 'cdot' || name === 'times' || name === 'ast') { out.operator('*'); return; }
    if (name === 'div') { out.operator('/'); return; }
    if (name === 'pi') { out.operand('pi'); return; }
    if (name === 'log' || name in functionNames) { this.readFunction(name, out); return; }
    if (greek.has(name)) { out.operand(name); return; }
    if (ignoredCommands.has(name)) return;
    throw new Refusal(`the command \\${name}`);
  }

  /** `\sin^2(x)`, `\log_{2}(x)`, `\ln x`: name, optional power and base, then the argument. */
  private readFunction(name: string, out: Output): void {
    let power: string | undefined;
    let base: string | undefined;
    for (let n = 0; n < 2; n += 1) {
      while (this.s[this.i] === ' ') this.i += 1;
      if (this.s[this.i] === '^' && power === undefined) { this.i += 1; power = this.readArgument(true); }
      else if (this.s[this.i] === '_' && name === 'log' && base === undefined) { this.i += 1; base = this.readArgument(); }
    }
    while (this.s[this.i] === ' ') this.i += 1;
    let argument: string;
    if (this.s[this.i] === '(') argument = this.readGroup('(', ')');
    else if (this.s[this.i] === '{') argument = this.readGroup('{', '}');
    else {
      // `\sin 2x`: the argument runs over digits, letters and commands up to an operator
      const out = new Output();
      while (this.i < this.s.length && /[0-9.A-Za-z\\]/.test(this.s[this.i]!)) {
        const char = this.s[this.i]!;
        if (/[0-9.]/.test(char)) out.operand(this.readNumber());
        else if (char === '\\') this.readCommand(out);
        else this.readLetters(out);
      }
      argument = out.text();
      if (argument === '') throw new Refusal(`\\${name} without an argument`);
    }
    let call: string;
    if (name === 'log') call = base === undefined ? `log10(${argument})` : `log(${argument}, ${base})`;
    else if (power === '-1' && name in inverseTrig) { call = `${inverseTrig[name]}(${argument})`; power = undefined; }
    else call = `${functionNames[name]}(${argument})`;
    out.operand(power === undefined ? call : `${call}^${wrap(power)}`);
  }

  /** Plain letters: known words (`sin`, `pi`…) or one variable per letter, so `xy` is `x*y`. */
  private readLetters(out: Output): void {
    const rest = this.s.slice(this.i);
    const word = plainWords.find((w) => rest.startsWith(w));
    if (word === 'pi') { this.i += 2; out.operand('pi'); return; }
    if (word === 'sqrt') { this.i += 4; const radicand = this.s[this.i] === '(' ? this.readGroup('(', ')') : this.readArgument(); out.operand(`sqrt(${radicand})`); return; }
    if (word) { this.i += word.length; this.readFunction(word, out); return; }
    const letter = this.s[this.i]!;
    this.i += 1;
    out.operand(letter);
  }
}

/** Parenthesises anything but a lone number or name. */
function wrap(text: string): string {
  return /^[A-Za-z0-9_.]+$/.test(text) ? text : `(${text})`;
}

/** Collects math.js text, writing `*` between two operands that stand side by side. */
class Output {
  private readonly parts: string[] = [];
  private afterOperand = false;

  operand(text: string): void {
    if (this.afterOperand) this.parts.push('*');
    this.parts.push(text);
    this.afterOperand = true;
  }

  operator(text: string): void {
    this.parts.push(` ${text} `);
    this.afterOperand = false;
  }

  raw(text: string): void {
    this.parts.push(text);
    this.afterOperand = true;
  }

  text(): string {
    return this.parts.join('').replace(/\s+/g, ' ').replace(/^ | $/g, '').replace(/^([-+]) /, '$1').replace(/\( ([-+]) /g, '($1');
  }
}
