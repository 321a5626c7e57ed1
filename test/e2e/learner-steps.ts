// The guest learner's first lesson, step by step, as a person would do it in the browser. Selectors
// are roles and accessible names, so a control a screen reader cannot name fails the test too.
// Shared by learner-journey.test.ts and teacher-dashboard.test.ts (which needs that learner's progress).
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { sampleCourse } from './e2e-server.js';
import { scriptedAnswerComment } from './scripted-model.js';

export const firstLessonTitle = 'The derivative as a limit';
/** The skill the first lesson teaches, as the course map names it. */
export const firstSkillTitle = 'The derivative as a limit';

export async function startAsGuest(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start learning' }).click();
  await expect.poll(() => page.url()).toContain('/onboarding');
}

export async function completeOnboarding(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Before we start' }).isVisible()).toBe(true);
  await page.getByRole('button', { name: 'Calculus' }).click();
  await page.getByLabel('Tell your tutor about your background').fill('I work as a nurse and like cycling.');
  await page.getByLabel('What is your goal?').fill('Understand how neural networks learn');
  await page.getByRole('button', { name: 'Start the course' }).click();
  await expect.poll(() => page.url()).toMatch(new RegExp(`/courses/${sampleCourse.id}$`));
}

/**
 * The mastery the course map shows for a skill, in percent, read from the skill's accessible name;
 * null when it shows none (no graded answer yet: the name then says only the status, e.g. "Not started").
 */
export async function masteryOnMap(page: Page, skillTitle: string): Promise<number | null> {
  const skill = page.getByRole('region', { name: 'Skills' }).getByRole('link', { name: new RegExp(`^${escapeRegExp(skillTitle)}\\b`) });
  await skill.waitFor();
  return percentMastered((await skill.textContent()) ?? '');
}

/** The mastery the lesson's skill strip shows, in percent; null when it shows none. */
export async function masteryInLesson(page: Page, skillTitle: string): Promise<number | null> {
  const skill = page.getByRole('list', { name: 'Skills in this lesson' }).getByRole('listitem').filter({ hasText: skillTitle });
  return percentMastered((await skill.textContent()) ?? '');
}

function percentMastered(text: string): number | null {
  const match = /(\d+)% mastered/.exec(text);
  return match ? Number(match[1]) : null;
}

export async function openFirstLesson(page: Page): Promise<void> {
  await page.getByRole('region', { name: 'Lessons' }).getByRole('link', { name: new RegExp(`^${escapeRegExp(firstLessonTitle)}`) }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1, name: firstLessonTitle }).isVisible()).toBe(true);
}

/** A new guest, onboarded, on the first lesson's page. */
export async function guestOnFirstLesson(page: Page): Promise<void> {
  await startAsGuest(page);
  await completeOnboarding(page);
  await openFirstLesson(page);
}

/** Types a message (or a command such as /exercise) to the tutor and sends it; returns the tutor's region. */
export async function sendToTutor(page: Page, message: string): Promise<Locator> {
  const tutor = page.getByRole('region', { name: 'Your tutor' });
  await tutor.getByRole('textbox', { name: 'Message to your tutor' }).fill(message);
  await tutor.getByRole('button', { name: 'Send' }).click();
  return tutor;
}

/** Sends a message to the tutor and waits for the streamed reply; returns the conversation's text. */
export async function chatWithTutor(page: Page, message: string): Promise<string> {
  const tutor = await sendToTutor(page, message);
  const conversation = tutor.getByRole('list', { name: 'Conversation with your tutor' });
  await expect.poll(() => conversation.innerText(), { timeout: 20_000 }).toContain('what happens to the slope of the secant line');
  await expect.poll(() => tutor.getByRole('button', { name: 'Send' }).isVisible(), { timeout: 20_000 }).toBe(true); // the stream ended
  await expect.poll(() => conversation.getByRole('button', { name: /^Show the section/ }).count()).toBeGreaterThan(0); // the cited course text
  return conversation.innerText();
}

/** "For f(x) = x², what is the average rate of change of f between x = a and x = b?" (a + b): a template exercise of the first lesson. */
export function secantSlope(page: Page): Locator {
  return page.locator('#exercise-secant-slope-template');
}

/** The endpoints a and b of this learner's variant of the secant-slope exercise. */
export async function secantEndpoints(card: Locator): Promise<number[]> {
  return [...(await card.locator('.exercise-prompt').innerText()).matchAll(/x=(\d+)/g)].map((match) => Number(match[1]));
}

/** Answers the secant-slope exercise right (a + b) and checks it. */
export async function answerSecantSlope(card: Locator): Promise<number[]> {
  const endpoints = await secantEndpoints(card);
  await card.getByRole('textbox').fill(String(endpoints[0]! + endpoints[1]!));
  await card.getByRole('button', { name: 'Check answer' }).click();
  return endpoints;
}

/** "Which of these functions have a derivative at x = 0?": the multiple-choice exercise of the first lesson. */
export function differentiableAtZero(page: Page): Locator {
  return page.getByRole('article', { name: /^Exercise \d+$/ }).filter({ has: page.getByRole('group', { name: /Which of these functions have a derivative at/ }) });
}

export async function answerChoices(exercise: Locator, letters: string[]): Promise<void> {
  const boxes = exercise.getByRole('checkbox');
  for (let index = 0; index < (await boxes.count()); index++) {
    const box = boxes.nth(index);
    const letter = ((await box.getAttribute('aria-label')) ?? '').slice(0, 1);
    if ((await box.isChecked()) !== letters.includes(letter)) await box.click();
  }
  await exercise.getByRole('button', { name: 'Check answer' }).click();
}

/**
 * Everything the journey test checks, in order; returns the mastery the map showed before (none: not
 * started), the lesson after the wrong answer and the map at the end, for the journey's and the teacher's tests.
 */
export async function completeFirstLesson(page: Page): Promise<{ before: number | null; afterWrong: number | null; after: number | null; reply: string }> {
  await startAsGuest(page);
  await completeOnboarding(page);
  const before = await masteryOnMap(page, firstSkillTitle);
  await openFirstLesson(page);
  const reply = await chatWithTutor(page, 'Why do we need a limit at all?');
  expect(await masteryInLesson(page, firstSkillTitle)).toBe(before); // talking is not evidence: the tutor's progress part keeps the mastery as it was

  const exercise = differentiableAtZero(page);
  await exercise.scrollIntoViewIfNeeded();
  await answerChoices(exercise, ['A', 'B', 'C']); // |x| is not differentiable at 0
  await expect.poll(() => exercise.innerText()).toContain('continuity is not enough');
  await expect.poll(() => exercise.innerText()).toContain('Not yet');
  // The card's answer is a turn of the chat: the learner's answer and the tutor's words about it appear there.
  const conversation = page.getByRole('region', { name: 'Your tutor' }).getByRole('list', { name: 'Conversation with your tutor' });
  await expect.poll(() => conversation.innerText(), { timeout: 20_000 }).toContain(scriptedAnswerComment);
  expect(await conversation.innerText()).toContain('My answer: A, B, C'); // the choices by the letters on the card
  await expect.poll(() => masteryInLesson(page, firstSkillTitle)).not.toBeNull(); // the first graded answer gives the first estimate
  const afterWrong = await masteryInLesson(page, firstSkillTitle);

  await exercise.getByRole('button', { name: /^Hint/ }).click();
  const hints = exercise.getByRole('list', { name: 'Hints' });
  await expect.poll(() => hints.innerText()).toContain('Hint 1 of 3');
  expect(await hints.innerText()).toContain('compute the difference quotient');
  // The card's hint is a turn of the chat too: the request and the rung appear there as they are given.
  await expect.poll(() => conversation.innerText()).toContain('A hint, please.');
  expect(await conversation.innerText()).toContain('compute the difference quotient');

  await answerChoices(exercise, ['A', 'C']);
  await expect.poll(() => exercise.innerText()).toContain('Correct');

  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link').first().click();
  const after = await masteryOnMap(page, firstSkillTitle);
  return { before, afterWrong, after, reply };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
