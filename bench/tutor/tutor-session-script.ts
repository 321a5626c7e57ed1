// The scripted 30-turn session of `npm run bench -- tutor`: a carpentry apprentice works through the
// first three lessons of courses/backprop (the derivative as a limit, rules of differentiation, the
// chain rule) with questions, exercises, hints, wrong and right answers. Each turn that reaches the
// model has the tutor's reply a good tutor would give (60–150 words, citing the course, asking rather
// than telling, never stating an open exercise's answer), so the history grows as it would in use.
import type { TurnAction } from '../../src/tutor/index.js';

export interface ScriptedTurn {
  text: string; // what the learner typed
  action?: TurnAction;
  reply?: string; // the model's reply, for turns that reach the model (messages and answers)
}

export const tutorSessionScript: ScriptedTurn[] = [
  {
    text: "Hi! I'm a carpentry apprentice and I'd like to understand how neural networks learn. Where do we start?",
    reply: "Welcome! Great place to start: a network learns by asking, over and over, \"if I nudge this number a little, how much does the error change?\" That question is answered by a derivative [derivative-as-limit#the-derivative-as-a-limit]. You already work with something close to it every day. When you set out a roof, you talk about its pitch: how much it rises for each unit it runs. The course starts from exactly that idea, a rate of change, measured between two points. Before we go further, tell me in your own words: if a rafter rises 30 cm over a run of 60 cm, what does its pitch tell you about how the height changes as you move along it?",
  },
  {
    text: "Roof pitch I know well: rise over run, so that rafter goes up half a centimetre for every centimetre along. Is a derivative just the pitch of a curve?",
    reply: "That is a very good way in. The course calls \"rise over run\" between two points the average rate of change, and geometrically it is the slope of the secant line through those two points [derivative-as-limit#average-rate-of-change]. For a straight rafter that number is the same wherever you measure it. A curve is different: the slope between two points depends on which two points you pick. So the derivative is the pitch of the curve at a single point, and getting there takes one more idea. Here is a question to think about: on a curved arch, would the pitch between the springing point and the crown be the same as the pitch right at the springing point?",
  },
  {
    text: "No, the arch is steep at the bottom and flat at the top. But then how can a curve have a slope at one single point? You need two points for rise over run.",
    reply: "Exactly the right objection, and the course answers it step by step [derivative-as-limit#from-secant-to-tangent-the-limit]. Keep two points, but slide the second one towards the first. Each time you compute rise over run for a shorter and shorter interval. The numbers you get settle down on one value, and that value is the slope at the point. We never put the two points on top of each other, because then rise over run would be zero divided by zero. Instead we ask what the averages get closer and closer to. That is what a limit is. Look at the table in that section: what number do the average velocities of the falling ball approach as the step shrinks?",
  },
  { text: '/exercise slope-of-secant', action: { type: 'exercise', exercise: 'slope-of-secant' } },
  {
    text: "OK so I need the two points on the curve at x = 1 and x = 3, and the line between them? I'm not sure what to compute first.",
    reply: "Yes, you have the picture: two points on the curve, and the secant line through them. Now think of it as a rafter again. The rise is how much the output changes between the two points, and the run is how much the input changes [derivative-as-limit#average-rate-of-change]. So the first thing to work out is the height of the curve at each end. What is f at x = 1, and what is f at x = 3? Once you have those two heights, you can find the rise, and the run is the distance between the two inputs. Take it one step at a time and tell me what you get for the two heights.",
  },
  { text: '/hint', action: { type: 'hint' } },
  {
    text: '/answer 8',
    action: { type: 'answer', answer: '8' },
    reply: "Good work getting the heights right: the rise you found is correct. But as the feedback says, a rate is rise divided by run, and right now you have only the rise. On a roof you would never quote the pitch as \"it goes up so many centimetres\" without saying over what length. So ask yourself: over what run did the curve rise by that much? The two inputs are x = 1 and x = 3. Once you know the run, divide the rise by it and try again. What is the run here?",
  },
  {
    text: "Oh right, I forgot the run. The run is from x = 1 to x = 3, so it's 2 wide. Then I divide the rise by 2?",
    reply: "Yes, that is exactly the step that was missing. The run is the change in input, and you have it right. The average rate of change is the change in output divided by the change in input, the same shape as rise over run on your rafter [derivative-as-limit#average-rate-of-change]. Notice what this number means: on average, between those two points, the output grows by that many units for each unit the input moves. Go ahead and do the division, then enter your answer. If it helps, picture the secant line and check that your number looks like a sensible slope for it.",
  },
  {
    text: '/answer 4',
    action: { type: 'answer', answer: '4' },
    reply: "Well done, your answer is right. You computed the height at both ends, took the rise, and divided by the run, which is the average rate of change over the whole interval [derivative-as-limit#average-rate-of-change]. Keep in mind what it is not: it is not the slope at either end. The curve is flatter at x = 1 and steeper at x = 3, and your number sits in between. That is exactly why we need the next idea. If you wanted the slope right at x = 1, what would you do with the second point?",
  },
  {
    text: 'Why do we need a limit at all? Why not just put h = 0 straight into the formula?',
    reply: "Try it and see what happens. The difference quotient divides the change in output by the step h [derivative-as-limit#the-definition-of-the-derivative]. If you put h = 0 directly, the change in output is zero and the step is zero too, so you get zero divided by zero, which has no meaning. The limit asks a different question: not what happens at h = 0, but what value the quotients get closer and closer to as h shrinks. With algebra we can often cancel the h first, and after that the value is plain to see. In your workshop terms: you cannot measure the pitch over a run of zero, but you can measure over shorter and shorter runs. Does that distinction make sense?",
  },
  {
    text: 'So the tangent is what the secant line turns into when the second point slides all the way onto the first?',
    reply: "Yes, beautifully put. As the second point slides along the curve towards the first, the secant line turns, and the line it settles on is the tangent line, which just touches the curve at that point [derivative-as-limit#from-secant-to-tangent-the-limit]. The slope of that tangent is the derivative: the instantaneous rate of change. Notice that we never actually let the points coincide; the tangent is the limit of the secants. The picture in that section shows a secant from x = 1 to x = 2 and the tangent at x = 1. Which of the two is steeper, and why does that make sense for a curve that bends upwards?",
  },
  { text: '/exercise limit-of-difference-quotient', action: { type: 'exercise', exercise: 'limit-of-difference-quotient' } },
  {
    text: "I wrote (5+h)^2 - 4(5+h) on top, minus f(5), over h. But I don't see how to get rid of the h at the bottom.",
    reply: "You have set it up correctly, which is the hardest part. The trick is not to get rid of the h in the denominator directly, but to make every term on top carry a factor h, so that it cancels [derivative-as-limit#computing-a-derivative-from-the-definition]. Start by expanding (5 + h) squared, then multiply out the second bracket. Then work out f(5) on its own and subtract it. Several constant terms should disappear when you do. What is left on top after you subtract f(5)? Write it out and look at whether each term has an h in it.",
  },
  { text: '/hint', action: { type: 'hint' } },
  {
    text: '/answer 26',
    action: { type: 'answer', answer: '26' },
    reply: "Not quite, but let us find where it went wrong rather than guess again. A number that large suggests that some constant terms are still on top, for example the ones that should cancel when you subtract f(5). Go back to the numerator: expand (5 + h) squared, expand minus four times (5 + h), and then subtract f(5) [derivative-as-limit#computing-a-derivative-from-the-definition]. If you have done it right, every term that remains has a factor h. Then you can divide by h, and only after that let h go to zero. What do you get for f(5) on its own?",
  },
  {
    text: 'I expanded it again and subtracted f(5) = 5. Now every term on top has an h in it. So I can cancel the h?',
    reply: "Yes, that is exactly right. Once every term in the numerator has a factor h, you can divide each of them by h, and the quotient no longer has h in its denominator. That is the step the course shows in the worked example [derivative-as-limit#computing-a-derivative-from-the-definition]. After cancelling, you will have a short expression with a constant part and a part that still contains h. Now take the limit: as h shrinks towards zero, which part disappears and which part stays? What is left is the derivative at x = 5. Work it out and enter it when you are ready.",
  },
  {
    text: '/answer 6',
    action: { type: 'answer', answer: '6' },
    reply: "Correct, well done. You went all the way through the definition: the difference quotient, expanding, subtracting, cancelling the h, and taking the limit [derivative-as-limit#computing-a-derivative-from-the-definition]. That is real work, and it is exactly what the rules in the next lesson will save you from doing every time. Before we move on, check that the answer makes sense: the function was x squared minus four x, a parabola. Is it rising or falling at x = 5, and does the sign of your derivative agree with that?",
  },
  {
    text: 'Doing the limit every time is slow. Is there a faster way, at least for polynomials?',
    reply: "There is, and you have earned it. The next lesson builds rules that give you the derivative without going back to the limit each time [rules-of-differentiation#rules-of-differentiation]. The first ones are simple: the derivative of a sum is the sum of the derivatives, a constant factor stays in front, and a constant on its own has derivative zero, because a flat line has no slope. Then the power rule handles any power of x. Each rule is proved once from the definition you just used, and after that you can trust it. Shall we open that lesson?",
  },
  { text: '/lesson rules-of-differentiation', action: { type: 'lesson', lesson: 'rules-of-differentiation' } },
  {
    text: 'So for x^3 the power rule gives 3x^2? Why does the exponent come down in front?',
    reply: "Yes, that is what the power rule gives. The course explains why [rules-of-differentiation#the-power-rule]. Expand (x + h) cubed: you get x cubed, plus three x squared h, plus terms with h squared and h cubed. Subtract x cubed and divide by h. The three x squared term survives on its own, and every other term still has an h, so it vanishes in the limit. The exponent comes down because there are exactly that many ways to pick one h from the brackets. Can you use the same idea to say what the rule gives for x to the fifth?",
  },
  { text: '/exercise power-rule-polynomial', action: { type: 'exercise', exercise: 'power-rule-polynomial' } },
  {
    text: 'Do I differentiate each term separately? And what happens to the -2 at the end?',
    reply: "Yes, differentiate term by term: the derivative of a sum is the sum of the derivatives, and a constant factor in front of a term simply stays there [rules-of-differentiation#constants-sums-and-constant-multiples]. For each power of x, use the power rule: bring the exponent down as a factor and lower it by one [rules-of-differentiation#the-power-rule]. As for the constant at the end, think about its graph: a horizontal line. What is the slope of a horizontal line? That tells you what the constant contributes to the derivative. Work through the terms one by one and enter your result.",
  },
  {
    text: '/answer 12*x^3 - 10*x + 5',
    action: { type: 'answer', answer: '12*x^3 - 10*x + 5' },
    reply: "Close: the first two terms of your answer look right, and that is most of the work. The feedback points at the constant, though. The constant term of the original function is a horizontal line on its own, with slope zero, so it contributes nothing to the derivative [rules-of-differentiation#constants-sums-and-constant-multiples]. Now look at the term seven x: it is seven times x to the first power. What does the power rule give for x to the first power? Check both of those and then try again.",
  },
  {
    text: '/answer 12*x^3 - 10*x + 7',
    action: { type: 'answer', answer: '12*x^3 - 10*x + 7' },
    reply: "Correct! You applied the sum rule, the constant-multiple rule and the power rule, and you dropped the constant [rules-of-differentiation#the-power-rule]. Compare how long that took with the limit calculation you did before: the rules do the same job in a few seconds, and they give the same answer, because each one was proved from the definition. This speed matters later, when a network has millions of numbers to adjust. Which of the rules do you think you will use most, and which one still feels least natural to you?",
  },
  {
    text: "How does any of this connect to training a network? A network isn't a polynomial, is it?",
    reply: "Good question, and no, it is not a polynomial. A network is a long chain of simple functions, each feeding its output into the next: multiply, add, squash with a function like tanh, and so on. To train it we need the derivative of the final error with respect to every number inside, and for functions nested inside functions we need one more rule: the chain rule [chain-rule#the-chain-rule]. It tells you how a nudge travels through each layer of the chain. Think of a gear train in a workshop: if one gear turns the next, how would you work out how fast the last gear turns when you turn the first one?",
  },
  { text: '/lesson chain-rule', action: { type: 'lesson', lesson: 'chain-rule' } },
  {
    text: 'What is the difference between the inner function and the outer function?',
    reply: "The inner function is the one you compute first, and the outer function is applied to its result [chain-rule#inner-and-outer-functions]. Take sine of x squared: you first square x, that is the inner function, and then you take the sine of the result, that is the outer function. A useful test is to imagine evaluating the expression on a calculator: whatever you press last is the outer function. In your gear train, the inner function is the first gear, and the outer function is the gear it drives. For e to the power three x, which part would you compute first, and which last?",
  },
  { text: '/exercise chain-rule-at-a-point', action: { type: 'exercise', exercise: 'chain-rule-at-a-point' } },
  {
    text: 'So the outer part is something to the fourth power and the inner part is 3x + 1? Then I multiply their derivatives?',
    reply: "Yes, you have split it correctly: the outer function raises to the fourth power and the inner function is 3x + 1. The chain rule says: take the derivative of the outer function, evaluated at the inner one, and multiply it by the derivative of the inner function [chain-rule#statement-of-the-chain-rule]. So you need two pieces. First, the power rule on the outer function, keeping the bracket as it is inside. Second, the derivative of 3x + 1, which is a straight line. Multiply them, and only then put x = 0 into the result. What do you get for each of the two pieces?",
  },
  {
    text: '/answer 12',
    action: { type: 'answer', answer: '12' },
    reply: "Correct, and that was a proper use of the chain rule: the outer derivative evaluated at the inner function, times the inner derivative, then the value at the point [chain-rule#statement-of-the-chain-rule]. This is the heart of backpropagation in miniature: a change at the input is scaled by each link of the chain in turn. You have covered a lot today, from the average rate of change through limits and the rules to the chain rule. Next the course works through longer chains. Would you like to try one with three links, or review anything from today first?",
  },
];
