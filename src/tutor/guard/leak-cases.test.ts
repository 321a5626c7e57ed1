// A table of real reply sentences, leaks and not, in several languages, run through the detector.
import { describe, expect, it } from 'vitest';
import { createLeakDetector, detectLeak } from './detect-leak.js';
import { createKnownPieces } from './leak-verdict.js';
import { guardKeyFromAnswer, type GuardAnswerType, type GuardKey } from './guard-key.js';

type Case = [type: GuardAnswerType, answer: number | string | string[], text: string, context: string | string[] | undefined, leak: boolean];

const problem = "Let f(x) = x^2. What is f'(6)?"; // key 12
const derivative = 'Differentiate f(x) = sin(x^2).'; // key 2*x*cos(x^2)
const code = 'def square_plus(x):\n    result = x * x + 1\n    return result\n';

const cases: Case[] = [
  // numeric: stated as a result
  ['numeric', 12, 'The answer is 12.', problem, true],
  ['numeric', 12, "So f'(6) = 12.", problem, true],
  ['numeric', 12, 'You should get 12.0 when you plug it in.', problem, true],
  ['numeric', 12, 'That works out to 1.2e1.', problem, true],
  ['numeric', 12, 'Which simplifies to 24/2.', problem, true],
  ['numeric', 12, 'The last step is 2 × 6.', problem, true],
  ['numeric', 12, 'Multiply: 2·6 and you are done.', problem, true],
  ['numeric', 12, 'Finally, $2 \\cdot 6$ gives the slope.', problem, true],
  ['numeric', 12, 'That is $\\frac{24}{2}$.', problem, true],
  ['numeric', 12, 'It is 6 + 6.', problem, true],
  ['numeric', 12, 'The slope there is twelve.', problem, true],
  ['numeric', 12, 'La pendiente es doce.', problem, true],
  ['numeric', 12, 'La réponse est douze.', problem, true],
  ['numeric', 12, 'A resposta é doze.', problem, true],
  ['numeric', 12, 'Die Steigung ist zwölf.', problem, true],
  ['numeric', 12, 'Die Steigung ist zwoelf... nein, zwölf.', problem, true],
  ['numeric', 12, "Right: f'(6) is 12, as you suspected.", [problem, 'is it 10?'], true],
  ['numeric', 12, 'Great, so you can check that 12 is the slope.', [problem, 'I think it is 11'], true],
  ['numeric', 12, 'The slope is 12 m/s.', problem, true],
  ['numeric', 12, 'El resultado es 12,0.', problem, true],
  ['numeric', 12, 'You get 12.000000001, which is the answer.', problem, true],
  ['numeric', 1234.5, 'The total is 1,234.5.', undefined, true],
  ['numeric', 1234.5, 'Die Summe ist 1.234,5.', undefined, true],
  ['numeric', 0.5, 'It comes to 0,5.', undefined, true],
  ['numeric', 1234.5, 'La somme vaut 1 234,5.', undefined, true],
  ['numeric', 12, '答案是12。', problem, true],
  ['numeric', 12, '答案是１２。', problem, true],
  ['numeric', 12, 'الجواب هو ١٢.', problem, true],
  ['numeric', 12, 'उत्तर १२ है।', problem, true],
  ['numeric', 12, 'উত্তর হলো ১২।', problem, true],
  ['numeric', 0.5, 'الجواب هو ٠٫٥.', undefined, true],
  ['numeric', 12, 'Jibu ni 12.', problem, true],
  ['numeric', 12, '先求导数，再代入 x = 6。', problem, false],
  ['numeric', 0.5, 'It comes to 50%.', undefined, true],
  ['numeric', 0.5, 'The probability is one half.', undefined, true],
  ['numeric', 0.5, 'That is zero point five.', undefined, true],
  ['numeric', 0.5, 'La probabilidad es un medio.', undefined, true],
  ['numeric', 0.5, 'La probabilité vaut un demi.', undefined, true],
  ['numeric', 0.5, 'É cinquenta por cento.', undefined, true],
  ['numeric', 0.5, 'Es el 50 por ciento.', undefined, true],
  ['numeric', 7, 'It is 7.', 'Compute 3 + 4.', true], // arithmetic in the problem does not make its value safe to say
  ['numeric', 12, 'Yes, exactly 12.', [problem, 'is it 10?'], true], // confirming a number the tutor proposed
  ['numeric', 12, 'Did you get 12 as I suggested?', problem, true],
  ['numeric', 12, 'Oui, douze, comme je le disais.', problem, true],
  ['numeric', 0.5, 'The answer is .5', undefined, true],
  ['numeric', 0.5, 'It is ½.', undefined, true],
  ['numeric', 0.75, 'It is three quarters.', undefined, true],
  ['numeric', 0.75, 'Son tres cuartos.', undefined, true],
  ['numeric', 2.5, 'Das sind zweieinhalb.', undefined, true],
  ['numeric', 2.5, 'Son dos y medio.', undefined, true],
  ['numeric', 42, 'Die Antwort ist zweiundvierzig.', undefined, true],
  ['numeric', 97, 'Cela fait quatre-vingt-dix-sept.', undefined, true],
  ['numeric', 232, 'Son doscientos treinta y dos.', undefined, true],
  ['numeric', -16, 'The derivative at that point is -16.', undefined, true],
  ['numeric', -16, 'It is minus sixteen.', undefined, true],
  ['numeric', -16, 'Es menos dieciséis.', undefined, true],
  ['numeric', 0.333, 'It is one third.', undefined, false], // default tolerance: 1/3 is not 0.333
  ['numeric', 0.3333333333333333, 'It is one third.', undefined, true],
  ['numeric', 1000, 'It is 1e3.', undefined, true],
  ['numeric', 1000, 'It is 1.0 × 10^3.', undefined, true],
  ['numeric', 0.001, 'It is 10^-3.', undefined, true],
  ['numeric', 6, "So f'(3) = 2·3 = 6.", 'f(x) = x^2; find the derivative at 3.', true],
  ['numeric', 7, '3 + 4 is the value.', 'Let a = 3 and b = 4; find a + b.', true],
  ['numeric', 7, 'Now what is 3 + 4?', 'Let a = 3 and b = 4; find a + b.', true], // trivial final arithmetic is a leak
  ['numeric', 12, "Yes, 12 is right.", [problem, '12'], false],
  ['numeric', 12, 'Exactly, twelve!', [problem, 'I got 12'], false],
  ['numeric', 12, 'Sí, 12 es correcto.', [problem, 'mi respuesta: 12,0'], false],
  ['numeric', 12, 'Correct: 24/2 simplifies nicely.', [problem, '24/2'], false],
  ['numeric', 12, 'Start from the point x = 6 that the question gives you.', problem, false],
  ['numeric', 12, 'The derivative of x^2 is 2x; now plug in 6.', problem, false],
  ['numeric', 12, 'Close, but 13 is one too many.', [problem, '13'], false],
  ['numeric', 12, 'Try again: 11.9 is not quite it.', [problem, '11.9'], false],
  ['numeric', 12, 'What do you get when you double 6?', problem, false],
  ['numeric', 12, 'Think about what the power rule says for x^2.', problem, false],
  ['numeric', 12, 'Step 1: find the derivative. Step 2: evaluate it.', problem, false],
  ['numeric', 12, 'Compute 2x at x = 6 yourself and tell me what you get.', problem, false],
  ['numeric', 12, 'It is 12.01, roughly.', problem, false], // outside the default tolerance
  ['numeric', 12, 'Think of twelve apostles.', [problem, 'twelve'], false],
  ['numeric', 12, 'Once you have the derivative, evaluate it.', problem, false],
  ['numeric', 12, 'The function x^2 + 10 is different.', problem, false],
  ['numeric', 12, 'Use the rule from section 1,2 of the lesson.', problem, false],
  ['numeric', 5, 'The function is x^2 + 3.', undefined, false], // 2 + 3 sits in an expression, not arithmetic
  ['numeric', 5, 'Write 2x + 3 first.', undefined, false],
  ['numeric', -16, 'Subtract: x-16 is the shifted curve.', undefined, false],
  ['numeric', 11, 'Once you see the pattern, it gets easier.', undefined, false],
  ['numeric', 0, 'A null pointer is not what we need here.', undefined, false],
  ['numeric', 100, 'Ça coûte cent euros.', undefined, true],
  ['numeric', 6, 'A tiny $h$ such as $10^{-6}$ gives an excellent approximation.', undefined, false], // an exponent is not a number on its own
  ['numeric', 8, 'The forward values are $e = -6$, $d = 4$, $L = -8$.', undefined, false],
  ['numeric', 0.64, 'At $t = 0.8$ the slope is $1 - 0.64 = 0.36$.', undefined, true],
  // numeric with tolerance and units (through the exercise key)
  // expression keys
  ['expression', '2*x*cos(x^2)', 'The derivative is 2x cos(x²).', derivative, true],
  ['expression', '2*x*cos(x^2)', 'So you get 2*x*cos(x^2).', derivative, true],
  ['expression', '2*x*cos(x^2)', "So $f'(x) = 2x\\cos(x^2)$.", derivative, true],
  ['expression', '2*x*cos(x^2)', 'Write it as $$\\cos(x^2) \\cdot 2x$$', derivative, true],
  ['expression', '2*x*cos(x^2)', "f'(x) = cos(x^2)*2*x, by the chain rule.", derivative, true],
  ['expression', '2*x*cos(x^2)', 'La derivada es `2*x*cos(x**2)`.', derivative, true],
  ['expression', '2*x*cos(x^2)', 'La dérivée vaut \\(2x\\cos(x^{2})\\).', derivative, true],
  ['expression', '2*x*cos(x^2)', 'Think of sin(x^2) as sin of an inner function.', derivative, false],
  ['expression', '2*x*cos(x^2)', 'The result is 2x\\cos(x^2).', derivative, true], // LaTeX without dollars
  ['expression', '2*x*cos(x^2)', "f'(x)=2x·cos(x^2)", derivative, true],
  ['expression', '2*x*cos(x^2)', 'The outer derivative is cos(x^2); what is the inner one?', derivative, false],
  ['expression', '2*x*cos(x^2)', 'Not quite: 2x sin(x^2) has the wrong outer derivative.', [derivative, '2x sin(x^2)'], false],
  ['expression', '2*x*cos(x^2)', 'Yes, 2x cos(x^2) is correct!', [derivative, '2x cos(x^2)'], false],
  ['expression', '2*x*cos(x^2)', 'Right, $2x\\cos(x^2)$ is it.', [derivative, 'cos(x^2)*2x'], false],
  ['expression', '2*x*cos(x^2)', 'What is the derivative of x^2?', derivative, false],
  ['expression', '3*exp(x) - 2/x + cos(x)', 'Term by term: 3e^x - 2/x + cos(x).', 'Differentiate 3e^x - 2 ln(x) + sin(x).', true],
  ['expression', '3*exp(x) - 2/x + cos(x)', 'The first term gives 3e^x; do the others.', 'Differentiate 3e^x - 2 ln(x) + sin(x).', false],
  ['expression', '(1 - x^2) / (x^2 + 1)^2', 'The quotient rule gives (1 - x^2)/(x^2 + 1)^2.', 'Differentiate x/(x^2+1).', true],
  ['expression', '(1 - x^2) / (x^2 + 1)^2', 'Use the quotient rule: (low·dhigh − high·dlow)/low².', 'Differentiate x/(x^2+1).', false],
  ['expression', '2*x + h + 3', 'After cancelling you have 2x + h + 3.', 'Simplify ((x+h)^2 + 3(x+h) - x^2 - 3x)/h.', true],
  ['expression', '1/2', 'It equals one half.', undefined, true],
  ['expression', '1/2', 'It equals 0.5.', undefined, true],
  // choice keys
  ['choice', 'b', 'The answer is b.', undefined, true],
  ['choice', 'b', 'The answer is (b).', undefined, true],
  ['choice', 'b', 'Go with b.', undefined, true],
  ['choice', 'b', 'Option B is correct.', undefined, true],
  ['choice', 'b', 'I would pick b, not a.', undefined, true],
  ['choice', 'b', 'La respuesta es la b.', undefined, true],
  ['choice', 'b', 'La bonne réponse est la b.', undefined, true],
  ['choice', 'b', 'A resposta certa é a b.', undefined, true],
  ['choice', 'b', 'Die Antwort ist b.', undefined, true],
  ['choice', 'b', 'Look closely at (b).', undefined, true],
  ['choice', 'b', 'Is it (a), (b) or (c)? Read each once more.', undefined, false],
  ['choice', 'b', 'The options are (a) 2x, (b) x^2 and (c) 2.', undefined, false],
  ['choice', 'b', 'Which of a, b and c holds for every x?', undefined, false],
  ['choice', 'b', 'Think about what each option says about the slope.', undefined, false],
  ['choice', 'b', 'Yes, b is correct!', ['(a) 2x\n(b) x^2\n(c) 2', 'b'], false],
  ['choice', 'b', 'Right, b it is.', ['I think it is b'], false],
  ['choice', 'b', 'Yes, (b).', ['(a) 2x\n(b) x^2\n(c) 2'], true], // the problem listing the options is not the learner's pick
  ['choice', 'a', 'The answer is a function of x, so think about its graph.', undefined, false],
  ['choice', 'b', 'A neuron computes $\\tanh(w x + b)$ of its inputs.', undefined, false], // letters in math are variables
  ['choice', 'b', 'In Python, `a + b` calls `a.__add__(b)`.', undefined, false],
  ['choice', 'b', '**(b)** $y = e^{-x}$.', undefined, false], // an option as a list shows it
  ['choice', 'c', 'Backpropagating through L = (a · b + c) · f is next.', undefined, false],
  ['choice', 'a', 'The answer is a.', undefined, true],
  ['choice', 'b', 'B.', undefined, true],
  ['choice', 'b', '**(b)**', undefined, true],
  ['choice', 'b', 'Answer: B', undefined, true],
  ['choice', 'b', 'Both (a) and (b) look similar, but only one is right.', undefined, false],
  ['choice', 'a', 'Choose (a).', undefined, true],
  ['choice', 'the chain rule', 'The answer is the chain rule.', undefined, true],
  ['choice', 'the chain rule', 'Which rule applies when one function is inside another?', undefined, false],
  // text keys
  ['text', 'linear', 'Differentiation is linear.', 'Differentiation is a ___ operation.', true],
  ['text', 'linear', 'La diferenciación es LINEAR, en inglés.', undefined, true],
  ['text', ['linear', 'a linear operation'], 'It is a linear operation.', undefined, true],
  ['text', 'linear', 'What property lets you split a sum into terms?', 'Differentiation is a ___ operation.', false],
  ['text', 'linear', 'Yes, linear is the word.', ['Differentiation is a ___ operation.', 'linear'], false],
  ['text', 'linear', 'Think about nonlinear functions too.', undefined, false],
  ['text', 'chaîne', 'Utilise la règle de la chaine.', undefined, true],
  ['text', 'gradient', 'Which vector points uphill fastest?', undefined, false],
  ['text', 'gradient', 'That vector is the Gradient.', undefined, true],
  // code keys
  ['code', code, 'Try `result = x * x + 1` in the body.', undefined, true],
  ['code', code, 'Try `result = x*x+1` in the body.', undefined, true],
  ['code', code, '```python\ndef square_plus(x):\n    result = x * x + 1\n    return result\n```', undefined, true],
  ['code', code, 'You need to return result at the end.', undefined, false],
  ['code', code, 'Compute the square first, then add one.', undefined, false],
  ['code', code, 'Your line `result = x * x + 1` is fine; check the return.', ['def square_plus(x):\n    result = x * x + 1\n'], false],
];

function key(type: GuardAnswerType, answer: Case[1]): GuardKey {
  const made = guardKeyFromAnswer(answer, type);
  if ('error' in made) throw new Error(made.error);
  return made;
}

describe('the answer-leak detector on real sentences', () => {
  it('has a large table', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });
  it.each(cases)('%s key %j: %j (context %j) → leak %s', (type, answer, text, context, leak) => {
    const verdict = detectLeak(key(type, answer), text, context);
    expect(verdict.leak, verdict.evidence).toBe(leak);
    if (leak) expect(verdict.evidence).toBeTruthy();
  });
  it('gives the same verdicts when it remembers what context pieces state, twice over one memory', () => {
    const memo = createKnownPieces();
    for (let round = 0; round < 2; round++) {
      for (const [type, answer, text, context, leak] of cases) expect(createLeakDetector(key(type, answer), context, memo)(text).leak, `${text} (${JSON.stringify(context)})`).toBe(leak);
    }
  });
});
