import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../course/index.js';
import { readCourseFolder } from '../../server/index.js';
import { createCourseIndex } from '../context/course-index.js';
import { findCourseQuote, findSymbolIntroduced, findWorkedExample, mathPieces, quoteText, symbolAskedAbout } from './course-quote.js';
import { uncoveredQuestion } from './uncovered-question.js';

const compiled = compileCourse(await readCourseFolder(new URL('../../../courses/backprop', import.meta.url).pathname));
if (!compiled.bundle) throw new Error('courses/backprop does not compile');
const index = createCourseIndex(compiled.bundle.public);
const quote = (question: string) => {
  const found = findCourseQuote(index, question, 'derivative-as-limit');
  return found && { chunk: found.chunk.id, text: quoteText(found, found.chunk.text) };
};

describe('what the sample course says about a question, without a model', () => {
  it('quotes the paragraph that defines the words asked about, from any lesson', () => {
    expect(quote('What is a secant line?')).toMatchObject({ chunk: 'derivative-as-limit#average-rate-of-change', text: expect.stringMatching(/^Geometrically this is the slope of the \*\*secant line\*\*: the straight line through the two points/) });
    expect(quote('what is a gradient')?.chunk).toBe('partial-derivatives-and-gradients#the-gradient');
  });

  it("counts a section's heading for its paragraphs, but quotes only a paragraph that says something asked about", () => {
    // "find", "derivative", "definition": no paragraph holds two of them; under "The definition of the
    // derivative", the one that defines the **derivative** does, with its heading (and its formula follows)
    expect(quote('How do I find the derivative of x^3 from the definition?')).toMatchObject({ chunk: 'derivative-as-limit#the-definition-of-the-derivative', text: expect.stringMatching(/^The \*\*derivative\*\* of \$f\$ at the point \$x\$ is the limit of the difference quotient[^]*\$\$f'\(x\) = \\lim/) });
  });

  it('takes in the formula a paragraph leads into, and leaves out emphasis marks and directive fences', () => {
    const backprop = quote('How does backpropagation work?')!;
    expect(backprop.chunk).toBe('backpropagation#backpropagation');
    expect(backprop.text).toMatch(/^\*\*Backpropagation\*\* computes them in a single sweep/);
    expect(backprop.text).toContain('\n\n$$v.\\text{grad} = \\frac{\\partial L}{\\partial v},$$');
    expect(backprop.text).not.toContain(':::');
    const limit = quote('What is a limit?')!;
    expect(limit.text).toContain('We say the **limit** of $10 + 5h$');
    expect(limit.text).toContain('$$\\lim_{h \\to 0}');
  });

  it('weighs a rare word above a common one, and reads the mathematics a learner types', () => {
    // "sigmoid" is in one paragraph, "function" in dozens: not the tanh paragraph beside it, which says only "function"
    expect(quote('What does the sigmoid function do?')?.text).toMatch(/^The other classic activation, the logistic sigmoid/);
    // x^2 and 2x as the course writes them ($(x^2)' = 2x$): not the gradient's "curves of equal height"
    const square = quote('Why is the derivative of x^2 equal to 2x?')!;
    expect(square).toMatchObject({ chunk: 'derivative-as-limit#computing-a-derivative-from-the-definition', text: expect.stringMatching(/^Expand the square: \$\(x \+ h\)\^2 = x\^2 \+ 2xh \+ h\^2\$[^]*= 2x \+ h\.\$\$$/) });
    expect(quote('why does x² have slope 2x?')?.chunk).toBe(square.chunk); // the same, typed with a superscript
    // how to explain is not what to explain: "in simple words" is no word of the subject
    expect(quote('Can you explain backpropagation in simple words?')?.text).toMatch(/^\*\*Backpropagation\*\* computes them in a single sweep/);
  });

  it('reads mathematics as the course writes it in LaTeX and as a learner types it, in one spelling', () => {
    expect(mathPieces("You saw it: $(x^2)' = 2x$.")).toEqual(['x^2', '2x']);
    expect(mathPieces('why does x² have slope 2x?')).toEqual(['x^2', '2x']);
    expect(mathPieces('and x**2 + 3x^{2}?')).toEqual(['x^2', '3x^2']);
    expect(mathPieces('$-\\frac{1}{x^2}$ and $e^{x}$')).toEqual(['x^2', 'e^x']);
    expect(mathPieces('What does f(x) mean at x = 5?')).toEqual([]); // lone letters and numbers are everywhere
  });

  it('quotes a sentence that goes on after a formula from its start, and never a piece of a code block', () => {
    // "The hyperbolic tangent $$\tanh x = …$$ is an S-shaped curve": not from "is an S-shaped curve"
    const tanh = quote('Why is tanh an S-shaped curve?')!;
    expect(tanh.text).toMatch(/^The hyperbolic tangent\n\n\$\$\\tanh x = [^]*\$\$\n\nis an S-shaped curve/);
    // a lead-in that ends with a colon: "**Gradient descent** repeats that step:", the update rule, "where the **learning rate** …"
    const eta = findCourseQuote(index, 'What is the learning rate eta?', 'partial-derivatives-and-gradients')!; // asked on that lesson
    expect(quoteText(eta, eta.chunk.text)).toMatch(/^Suppose [^]*repeats that step:\n\n\$\$w_i \\leftarrow [^]*\$\$\n\nwhere the \*\*learning rate\*\* \$\\eta\$ \(eta\)/);
    // the training loop's code has a blank line in it: its second half is not a paragraph of prose
    const rate = quote('Why do we need a learning rate?');
    expect(rate?.text ?? '').not.toMatch(/for step in range/);
    expect(rate?.text).toMatch(/learning rate/i);
    // a sentence that runs on after its formula is quoted to its end
    expect(quote('What is the derivative of x^3?')?.text).toMatch(/= 3x\^2 \+ 3xh \+ h\^2,\$\$\n\nwhich tends to \$3x\^2\$ as \$h \\to 0\$/);
  });

  it('finds where the course first writes a symbol a learner asks about, in their lesson first', () => {
    expect(['what is h?', "What does f'(x) mean?", 'what does η stand for?', 'What is $L$?', 'what is a limit?', 'what is it?'].map(symbolAskedAbout)).toEqual(['h', "f'(x)", 'η', 'L', undefined, undefined]);
    const introduce = (symbol: string, lesson: string) => {
      const found = findSymbolIntroduced(index, symbol, lesson)!;
      return { chunk: found.chunk.id, text: quoteText(found, found.chunk.text) };
    };
    expect(introduce('h', 'derivative-as-limit').text).toMatch(/for a small step \$h\$/);
    expect(introduce("f'(x)", 'derivative-as-limit')).toMatchObject({ chunk: 'derivative-as-limit#the-definition-of-the-derivative', text: expect.stringMatching(/^The \*\*derivative\*\* of \$f\$[^]*\$\$f'\(x\) = \\lim/) });
    expect(introduce('η', 'derivative-as-limit').text).toContain('where the **learning rate** $\\eta$ (eta)'); // η as the course's \eta, from another lesson
    expect(findSymbolIntroduced(index, 'ξ', 'derivative-as-limit')).toBeUndefined();
  });

  it("shows a worked example of the learner's lesson: the one the message names, else one not shown yet", () => {
    const first = findWorkedExample(index, 'give me an example', 'derivative-as-limit', [])!;
    expect(first).toMatchObject({ title: 'Differentiating x² from the definition', chunk: { id: 'derivative-as-limit#computing-a-derivative-from-the-definition' } });
    const text = quoteText(first, first.chunk.text);
    expect(text).toMatch(/^Let \$f\(x\) = x\^2\$\. The difference quotient[^]*= 2x\.\$\$[^]*at \$x = 4\$ it is \$8\$\.$/); // the whole example, to its last line
    expect(text).not.toContain(':::');
    const chain = findWorkedExample(index, 'an example please', 'chain-rule', [])!;
    const next = findWorkedExample(index, 'another example', 'chain-rule', [`Here is a worked example: ${quoteText(chain, chain.chunk.text)}`])!;
    expect(next.title).not.toBe(chain.title); // the reply already showed the first
    expect(findWorkedExample(index, 'an example with tanh?', 'chain-rule', [])!.title).toBe('Deriving the derivative of tanh');
    expect(findWorkedExample(index, 'an example of the product rule?', 'derivative-as-limit', [])!.chunk.id).toBe('rules-of-differentiation#the-product-rule'); // from the lesson it names
    expect(findWorkedExample(index, 'an example', 'autograd-engine', [])).toBeUndefined(); // a lesson without one
  });

  it('shows the learner the section in their language when its translation has the same paragraphs, as plain prose', () => {
    const chunk = { id: 'x#y', lesson: 'x', heading: 'Y', text: 'First *idea* here.\n\nThe *slope* of $a*b*c$ is\nsteep; see [the lesson](02-next.md).', hash: 'h', tokens: 20 };
    expect(quoteText({ chunk, paragraphs: [1] }, chunk.text)).toBe('The slope of $a*b*c$ is steep; see the lesson.');
    expect(quoteText({ chunk, paragraphs: [1] }, 'Primera *idea*.\n\nLa *pendiente* de $a*b*c$ es empinada.')).toBe('La pendiente de $a*b*c$ es empinada.');
    expect(quoteText({ chunk, paragraphs: [1] }, 'Una traducción de un solo párrafo.')).toBe('The slope of $a*b*c$ is steep; see the lesson.');
  });

  it('finds nothing for small talk, commands or a question the course does not hold, and tells the last apart', () => {
    expect(quote('ok, thanks')).toBeUndefined();
    expect(quote("Hi, I'm a nurse and I want to learn how neural nets learn")).toBeUndefined(); // an introduction, not backpropagation's "the neuron would barely learn"
    expect(quote('Hi! What is a secant line?')?.chunk).toBe('derivative-as-limit#average-rate-of-change'); // a greeting before a question
    expect(quote('/hint')).toBeUndefined();
    // requests about the learning, not the subject: the chat's suggestions (a lesson that says "this lesson" is not the answer)
    expect(quote('Walk me through this lesson')).toBeUndefined();
    expect(quote('Ask me a question to check my understanding')).toBeUndefined();
    // asking for practice: the sample course's "you will do it in the next exercise" is not an answer to that
    expect(quote('ok, give me an exercise')).toBeUndefined();
    expect(quote('Can I have another practice problem?')).toBeUndefined();
    expect(quote('How do I solve this?')).toBeUndefined(); // not the autograd engine's "the engine solves this with a closure"
    expect(quote('How long will this take?')).toBeUndefined(); // not "take the interval from 1 to 1 + h"
    expect(quote('Can you explain it differently?')).toBeUndefined(); // not a paragraph that says "different"
    expect(quote('I think the answer is 4')).toBeUndefined(); // not "the single most useful way to think about a derivative"
    expect(uncoveredQuestion(index, 'What is the answer?')).toBe(false);
    expect(uncoveredQuestion(index, 'Explain this more simply')).toBe(false);
    expect(quote('Who painted the Mona Lisa?')).toBeUndefined();
    expect(uncoveredQuestion(index, 'Who painted the Mona Lisa?')).toBe(true); // not "pointed", fuzzily
    expect(uncoveredQuestion(index, 'What is the capital of France?')).toBe(true);
    expect(uncoveredQuestion(index, 'ok, thanks')).toBe(false); // not a question
    expect(uncoveredQuestion(index, 'Why is it called differentiable?')).toBe(false); // the start of "differentiable…" words
  });
});
