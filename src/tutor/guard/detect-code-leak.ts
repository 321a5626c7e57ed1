// Code keys: the solution, or any non-trivial line of it that is not in the starter code or the
// context, appearing in the sentence or a code block. Whitespace is ignored when comparing.
import { contextPieces, noLeak, type LeakContext, type LeakVerdict } from './leak-verdict.js';

// one space between words, none around symbols: "x*x+1" and "x * x + 1" read the same, "return result" keeps its space
const squeeze = (text: string) => text.replace(/\s+/g, ' ').replace(/\s*([^\w\s])\s*/g, '$1').trim();

// lines every solution shares, which give nothing away
const trivial = /^(?:[{}()[\]:;,]*|return|pass|else:?|try:|finally:|break|continue|end|\}\s*else\s*\{|return\s*(?:None|null|true|false|True|False|0|1)?;?)$/;

/** The lines of `solution` worth guarding: at least 8 characters that compute something (an operator, a call, an index), not boilerplate. */
export function solutionLines(solution: string): string[] {
  return solution
    .split(/\r?\n/)
    .map((line) => line.replace(/(?:#|\/\/).*$/, '').trim())
    .filter((line) => squeeze(line).length >= 8 && !trivial.test(line) && /[=+\-*/%<>([]/.test(line)); // a line that computes something
}

/** A detector for one code key (with its starter code) and a context; call it on each sentence. */
export function codeLeakDetector(key: { solution: string; starter: string }, context?: LeakContext): (sentence: string) => LeakVerdict {
  const seen = [key.starter, ...contextPieces(context)].map(squeeze).join('\n');
  const lines = solutionLines(key.solution).filter((line) => !seen.includes(squeeze(line)));
  return (sentence) => {
    const text = squeeze(sentence);
    const line = lines.find((candidate) => text.includes(squeeze(candidate)));
    return line ? { leak: true, evidence: `solution line \`${line}\`` } : noLeak;
  };
}
