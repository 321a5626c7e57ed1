// The first admin sets Primer up from the printed link and invites a teacher to the sample course;
// the teacher accepts, signs in, finds the guest learner from the journey on the mastery heatmap, and
// reads their conversation with the tutor as the learner saw it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumAvailable, launchChromium, newVisitor } from './e2e-browser.js';
import { startE2EServer, type E2EServer } from './e2e-server.js';
import { completeFirstLesson, firstSkillTitle } from './learner-steps.js';

const admin = { name: 'Ada Admin', email: 'ada@example.org', password: 'correct horse battery staple' };
const teacher = { name: 'Teo Teacher', email: 'teo@example.org', password: 'a long teacher password' };

describe.skipIf(!chromiumAvailable())('a teacher in the browser', () => {
  let server: E2EServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2EServer(), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('invited by the admin, sees the guest learner from the journey on the mastery heatmap', async () => {
    const learner = await newVisitor(browser, server.url);
    const journey = await completeFirstLesson(learner.page);
    await learner.context.close();

    const adminVisit = await newVisitor(browser, server.url);
    await setUpAdmin(adminVisit.page, server.setupLink);
    const inviteLink = await inviteTeacher(adminVisit.page);
    await adminVisit.context.close();

    const { page, context } = await newVisitor(browser, server.url);
    await page.goto(inviteLink);
    await page.getByRole('textbox', { name: 'Your name' }).fill(teacher.name);
    await page.getByRole('textbox', { name: 'Choose a password' }).fill(teacher.password);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await expect.poll(() => page.getByLabel(`Account: ${teacher.name}`).isVisible()).toBe(true);

    await signOut(page, teacher.name);
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Email' }).fill(teacher.email);
    await page.getByLabel('Password').fill(teacher.password);
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await expect.poll(() => page.getByLabel(`Account: ${teacher.name}`).isVisible()).toBe(true);

    await page.goto('/teach');
    const course = page.getByRole('article', { name: 'Derivatives to backpropagation' });
    await course.getByRole('link', { name: 'Dashboard' }).click();
    const heatmap = page.getByRole('region', { name: 'Mastery by learner and skill' });
    await expect.poll(() => heatmap.innerText()).toContain('Learners: 1 ·');
    await expect.poll(() => heatmap.locator('svg').filter({ hasText: 'Guest' }).count()).toBeGreaterThan(0); // the plot's learner axis

    await heatmap.getByText('Show the numbers as a table').click();
    const columns = await heatmap.getByRole('columnheader').allInnerTexts();
    const skillColumn = columns.indexOf(firstSkillTitle);
    expect(skillColumn).toBeGreaterThan(0);
    const row = heatmap.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Guest' }) });
    const cells = await row.locator('th, td').allInnerTexts();
    expect(cells[0]).toMatch(/^Guest\b/); // guests are told apart by a short id
    expect(Number.parseInt(cells[skillColumn]!, 10)).toBe(journey.after); // the mastery the learner saw on the map

    await page.getByRole('link', { name: 'Conversations' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /messages? from 1 learner$/ }).count()).toBe(1);
    const conversation = page.getByRole('main');
    await expect.poll(() => conversation.innerText()).toContain('what happens to the slope of the secant line as the interval');
    const text = await conversation.innerText();
    expect(text).not.toContain('$h$'); // the tutor's math is rendered, as in the learner's chat
    expect(await conversation.getByRole('math').count()).toBeGreaterThan(0);
    expect(text).toMatch(/§ derivative-as-limit#[\w-]+/); // the section the tutor cited, by its id
    // What the card showed the learner: the feedback on the wrong answer, and the hint they asked for.
    expect(text).toContain('continuity is not enough');
    expect(text).toContain('compute the difference quotient');
    expect(text).toContain('My answer: A, B, C'); // the card's answers read as words, by the letters the learner saw, not as the /answer command
    expect(text).toContain('A hint, please.');
    expect(text).not.toContain('/answer');
    await context.close();
  }, 180_000);
});

async function setUpAdmin(page: Page, setupLink: string): Promise<void> {
  await page.goto(setupLink);
  await page.getByRole('textbox', { name: 'Your name' }).fill(admin.name);
  await page.getByRole('textbox', { name: 'Email' }).fill(admin.email);
  await page.getByRole('textbox', { name: 'Choose a password' }).fill(admin.password);
  await page.getByRole('button', { name: 'Create administrator account' }).click();
  await expect.poll(() => page.getByLabel(`Account: ${admin.name}`).isVisible()).toBe(true);
}

/** Creates a teacher invite for the sample course on the teacher app's course list; returns the link. */
async function inviteTeacher(page: Page): Promise<string> {
  await page.goto('/teach');
  const course = page.getByRole('article', { name: 'Derivatives to backpropagation' });
  await course.getByText('Invite someone').click();
  await course.getByLabel('Invite as').selectOption('teacher');
  await course.getByRole('textbox', { name: /^Email/ }).fill(teacher.email);
  await course.getByRole('button', { name: 'Create invite link' }).click();
  const link = course.getByRole('textbox', { name: `Invite link for ${teacher.email} (Teacher)` });
  await link.waitFor();
  const value = await link.inputValue();
  expect(value).toContain('/invite/');
  return value;
}

async function signOut(page: Page, name: string): Promise<void> {
  await page.getByLabel(`Account: ${name}`).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Start learning' }).isVisible()).toBe(true);
}
