// A guest learner completes the first lesson of the sample course in a real browser, against a real
// server with a scripted model: onboarding, the course map, the tutor's streamed reply, an exercise
// answered wrong then right, a hint, and the mastery going up on the map; slash commands typed in
// the chat, a mistyped one coming back with the server's reason; and a template exercise offering
// another one like it, with new numbers, once answered right; answers previewed as the checker reads them;
// and deleting their account with everything they did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium, newVisitor, phone } from './e2e-browser.js';
import { sampleCourse, startE2EServer, type E2EServer } from './e2e-server.js';
import { answerSecantSlope, chatWithTutor, completeFirstLesson, completeOnboarding, firstSkillTitle, guestOnFirstLesson, openFirstLesson, secantEndpoints, secantSlope, sendToTutor, startAsGuest } from './learner-steps.js';
import { scriptedAnswerComment, scriptedSlowReply, slowQuestion } from './scripted-model.js';

describe.skipIf(!chromiumAvailable())('a guest learner in the browser', () => {
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2EServer(), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('completes the first lesson: chat, a wrong then a right answer, a hint, and more mastery on the map', async () => {
    const { page, context } = await newVisitor(browser, server.url);
    const { before, afterWrong, after, reply } = await completeFirstLesson(page);

    expect(reply).toContain('Why do we need a limit at all?'); // the learner's message stays in the conversation
    expect(reply).toContain('Good question. Before I answer'); // the scripted tutor's reply, streamed in
    expect(server.model.requests.some((request) => request.stream)).toBe(true);
    expect(before).toBeNull(); // nothing answered yet: the map says "Not started" and shows no percentage
    expect(after).toBeGreaterThan(afterWrong!);
    await context.close();
  }, 120_000);

  it('reads a command typed in the chat as its button, and gives a mistyped one back with the reason', async () => {
    const { page, context } = await newVisitor(browser, server.url);
    await guestOnFirstLesson(page);
    const tutor = page.getByRole('region', { name: 'Your tutor' });
    const box = tutor.getByRole('textbox', { name: 'Message to your tutor' });
    const conversation = tutor.getByRole('list', { name: 'Conversation with your tutor' });
    const modelCalls = () => server.model.requests.filter((request) => request.stream).length;
    const modelCallsBefore = modelCalls();
    const type = async (text: string) => {
      await box.fill(text);
      await box.press('Enter');
    };

    await type('/exercise slope-of-secant');
    await expect.poll(() => conversation.getByRole('button', { name: 'Go to the exercise' }).count()).toBe(1);
    expect(await conversation.innerText()).toContain('what is the average rate of change of'); // the exercise is in the chat too, to answer there
    await type('/hint');
    await expect.poll(() => conversation.innerText()).toContain('The average rate of change is the change in output divided by the change in input.');
    const card = page.locator('#exercise-slope-of-secant');
    await expect.poll(() => card.getByRole('list', { name: 'Hints' }).innerText()).toContain('Hint 1 of 3'); // the exercise's card shows the hint the chat gave
    expect(await card.getByRole('button', { name: /^Next hint/ }).innerText()).toContain('(1/3)');
    await type('/hint');
    await expect.poll(() => card.getByRole('list', { name: 'Hints' }).innerText()).toContain('Hint 2 of 3');
    await type('/hint'); // the third gives the answer away: it opens after two attempts, and the chat says how many are left
    await expect.poll(() => conversation.innerText()).toContain('This hint gives the answer away, so it opens after 2 more attempts of your own.');

    await type('/hnit');
    await expect.poll(() => tutor.getByRole('alert').innerText()).toContain('Unknown command /hnit; try /lesson, /exercise, /answer, /hint or /lang');
    expect(await box.inputValue()).toBe('/hnit'); // back in the box, to be corrected
    expect(await conversation.innerText()).not.toContain('/hnit');
    expect(modelCalls()).toBe(modelCallsBefore); // commands need no model
    await page.reload();
    await expect.poll(() => conversation.innerText()).toContain('what is the average rate of change of'); // the exercise the chat showed is still there
    await context.close();
  }, 120_000);

  it("checks a card's hint request and answer after the tutor's reply in progress, then shows them on the card and the tutor's words in the chat", async () => {
    const { page, context } = await newVisitor(browser, server.url);
    await guestOnFirstLesson(page);
    const tutor = await sendToTutor(page, `${slowQuestion} why does the step have to shrink?`);
    const conversation = tutor.getByRole('list', { name: 'Conversation with your tutor' });
    await expect.poll(() => tutor.getByRole('button', { name: 'Stop' }).isVisible()).toBe(true); // the reply is on its way
    const card = secantSlope(page);
    await card.getByRole('button', { name: /^Hint/ }).click(); // waits for the reply, then goes before the answer
    await answerSecantSlope(card);
    await expect.poll(() => card.getByRole('list', { name: 'Hints' }).innerText(), { timeout: 20_000 }).toContain('Hint 1 of 3');
    await expect.poll(() => card.innerText(), { timeout: 20_000 }).toContain('Correct');
    await expect.poll(() => conversation.innerText(), { timeout: 20_000 }).toContain(scriptedAnswerComment);
    const text = await conversation.innerText();
    expect(text.indexOf(scriptedSlowReply)).toBeGreaterThan(0);
    expect(text.indexOf(scriptedSlowReply)).toBeLessThan(text.indexOf('A hint, please.')); // one turn after the other, in the order sent
    expect(text.indexOf('A hint, please.')).toBeLessThan(text.indexOf('My answer:'));
    expect(await tutor.getByRole('textbox', { name: 'Message to your tutor' }).inputValue()).toBe(''); // the card's answer never lands in the box
    expect(text).not.toContain('what is the average rate of change of'); // the exercise worked on is only its button in the chat: its card is in view
    expect(await conversation.getByRole('button', { name: 'Go to the exercise' }).count()).toBe(1); // with the hint, whose turn opened it
    await context.close();
  }, 120_000);

  it('lets a phone learner write a message of several lines: Enter starts a new line there, and Send sends', async () => {
    const { page, context } = await newVisitor(browser, server.url, { viewport: phone, touch: true });
    await guestOnFirstLesson(page);
    await page.getByRole('tab', { name: 'Tutor' }).click();
    const tutor = page.getByRole('tabpanel', { name: 'Tutor' });
    const box = tutor.getByRole('textbox', { name: 'Message to your tutor' });
    expect(await box.getAttribute('placeholder')).toBe('Ask a question…'); // no Shift+Enter to tell of: a phone's keyboard has none
    await box.fill('Why do we need a limit at all?');
    await box.press('Enter');
    await box.pressSequentially('And what is a tangent?');
    expect(await box.inputValue()).toBe('Why do we need a limit at all?\nAnd what is a tangent?'); // not sent on Enter
    await tutor.getByRole('button', { name: 'Send' }).click();
    const conversation = tutor.getByRole('list', { name: 'Conversation with your tutor' });
    await expect.poll(() => conversation.innerText(), { timeout: 20_000 }).toContain('And what is a tangent?');
    expect(await box.inputValue()).toBe('');
    await context.close();
  }, 120_000);

  it('keeps the earlier conversation when a card asks for a hint before the chat has loaded it', async () => {
    const { page, context } = await newVisitor(browser, server.url);
    await guestOnFirstLesson(page);
    await chatWithTutor(page, 'Why do we need a limit at all?');
    await page.route('**/api/courses/*/messages*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500)); // a slow network: the card is used first
      await route.continue();
    });
    await page.reload();
    const card = secantSlope(page);
    await card.getByRole('button', { name: /^Hint/ }).click();
    await expect.poll(() => card.getByRole('list', { name: 'Hints' }).innerText(), { timeout: 20_000 }).toContain('Hint 1 of 3');
    const conversation = page.getByRole('region', { name: 'Your tutor' }).getByRole('list', { name: 'Conversation with your tutor' });
    await expect.poll(() => conversation.innerText(), { timeout: 20_000 }).toContain('Why do we need a limit at all?');
    const text = await conversation.innerText();
    expect(text.indexOf('Why do we need a limit at all?')).toBeLessThan(text.indexOf('A hint, please.')); // the history before the new turn
    expect(text.split('A hint, please.')).toHaveLength(2); // once
    await context.close();
  }, 120_000);

  it('offers another exercise like a template one answered right, with new numbers to work out', async () => {
    const { page, context } = await newVisitor(browser, server.url);
    await guestOnFirstLesson(page);
    const card = secantSlope(page);
    const first = await answerSecantSlope(card);
    expect(first).toHaveLength(2);
    await card.getByRole('button', { name: 'Try another one like this' }).click();
    await expect.poll(() => secantEndpoints(card)).not.toEqual(first);
    expect(await card.getByRole('textbox').inputValue()).toBe(''); // a fresh card: no answer, no verdict
    expect(await card.evaluate((element) => element === document.activeElement)).toBe(true); // the focus moved to the new exercise
    expect(await card.getByRole('button', { name: 'Try another one like this' }).count()).toBe(0);
    await context.close();
  }, 120_000);

  it('walks the learner through the lesson they have open, not the one the plan would start with', async () => {
    const { page, context } = await newVisitor(browser, server.url);
    await startAsGuest(page);
    await completeOnboarding(page);
    await page.getByRole('region', { name: 'Lessons' }).getByRole('link', { name: /^Rules of differentiation/ }).click();
    const tutor = page.getByRole('region', { name: 'Your tutor' });
    const requestsBefore = server.model.requests.length;
    await tutor.getByRole('button', { name: 'Walk me through this lesson' }).click();
    await expect.poll(() => tutor.getByRole('list', { name: 'Conversation with your tutor' }).innerText()).toContain('Good question. Before I answer');
    const tutorPrompts = server.model.requests.slice(requestsBefore).map((request) => String(request.messages[0]?.content ?? '')).filter((system) => system.startsWith('You are Primer'));
    expect(tutorPrompts.at(-1)).toContain('Current lesson: Rules of differentiation');

    // An exercise of another lesson, shown in the chat, opens that lesson at the exercise.
    await sendToTutor(page, '/exercise slope-of-secant');
    await tutor.getByRole('button', { name: 'Go to the exercise' }).last().click();
    await expect.poll(() => page.url()).toMatch(/\/lessons\/derivative-as-limit#exercise-slope-of-secant$/);
    await expect.poll(() => page.locator('#exercise-slope-of-secant').isVisible()).toBe(true);
    await context.close();
  }, 120_000);

  it('brings a mastered skill back for review: the course map names the first review and when it is due', async () => {
    const { page, context } = await newVisitor(browser, server.url);
    await startAsGuest(page);
    await completeOnboarding(page);
    const reviews = page.getByRole('region', { name: 'Reviews due' });
    expect(await reviews.innerText()).toContain('Skills you master come back here for review'); // nothing mastered yet
    await openFirstLesson(page);
    // Answer the template exercise right, each time with new numbers, until the skill is mastered.
    const card = secantSlope(page);
    const skill = page.getByRole('list', { name: 'Skills in this lesson' }).getByRole('listitem').filter({ hasText: firstSkillTitle });
    for (let round = 0; round < 8 && !(await skill.innerText()).includes('Mastered'); round++) {
      await answerSecantSlope(card);
      await expect.poll(() => card.innerText()).toContain('Correct');
      await card.getByRole('button', { name: 'Try another one like this' }).click();
      await expect.poll(() => card.getByRole('textbox').inputValue()).toBe('');
    }
    expect(await skill.innerText()).toContain('Mastered');
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link').first().click();
    await expect.poll(() => reviews.innerText()).toMatch(new RegExp(`Nothing due now\\. Next review: ${firstSkillTitle}, \\w+ \\d+\\.`));
    await context.close();
  }, 120_000);

  it("previews a number and an expression as the checker reads them, and says why it cannot read one, before it is sent", async () => {
    const { page, context } = await newVisitor(browser, server.url);
    await guestOnFirstLesson(page);
    const numeric = page.locator('#exercise-slope-of-secant');
    await numeric.getByRole('textbox').fill('2½');
    await expect.poll(() => numeric.locator('.number-reading').innerText()).toBe('Primer reads: 2.5');
    await numeric.getByRole('textbox').fill('0,5');
    await expect.poll(() => numeric.locator('.number-reading').innerText()).toBe('write decimals with "." in this language, e.g. 0.5');
    await page.goto('/courses/backprop/lessons/rules-of-differentiation');
    const card = page.locator('#exercise-power-rule-polynomial');
    const preview = card.locator('.expression-preview');
    await card.getByRole('textbox').fill('12x³ - 10x + 7'); // superscripts, as a phone types them
    await expect.poll(() => preview.locator('.katex').count()).toBe(1);
    await card.getByRole('textbox').fill('12q^3 + 7');
    await expect.poll(() => preview.innerText()).toContain('"q" is not a variable of this exercise; enter an expression in x');
    await context.close();
  }, 120_000);

  it('deletes their account and everything they did from About me, and is back at the welcome page', async () => {
    const { page, context } = await newVisitor(browser, server.url);
    await guestOnFirstLesson(page);
    await sendToTutor(page, 'Why do we need a limit at all?');
    await expect.poll(() => page.getByRole('button', { name: 'Send' }).isVisible(), { timeout: 20_000 }).toBe(true);
    const { account } = (await (await page.request.get('/api/auth/me')).json()) as { account: { id: string } };
    expect(await server.server.context.store.readEvents({ learner: account.id, course: sampleCourse.id })).not.toEqual([]);

    await page.getByRole('link', { name: 'About me' }).click();
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    await page.getByRole('button', { name: 'Delete my account and all my data' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Start learning' }).isVisible()).toBe(true);
    expect(await server.server.context.store.readEvents({ learner: account.id, course: sampleCourse.id })).toEqual([]);
    expect(await (await page.request.get('/api/auth/me')).json()).toEqual({ account: null }); // signed out
    await context.close();
  }, 120_000);
});
