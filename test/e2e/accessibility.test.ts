// axe-core on the main screens, with real content in them (a conversation, a checked answer, a
// dashboard with a learner): no serious or critical violations; the minor ones are printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './axe-check.js';
import { chromiumAvailable, launchChromium, newVisitor } from './e2e-browser.js';
import { sampleCourse, startE2EServer, type E2EServer } from './e2e-server.js';
import { answerChoices, chatWithTutor, completeOnboarding, differentiableAtZero, openFirstLesson, sendToTutor } from './learner-steps.js';

describe.skipIf(!chromiumAvailable())('accessibility of the main screens (axe-core)', () => {
  let server: E2EServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2EServer(), launchChromium()]);
    ({ page } = await newVisitor(browser, server.url));
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('welcome', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Start learning' }).waitFor();
    expect(await seriousViolations(page, 'welcome')).toEqual([]);
  });

  it('onboarding', async () => {
    await page.getByRole('button', { name: 'Start learning' }).click();
    await page.getByRole('button', { name: 'Start the course' }).waitFor();
    expect(await seriousViolations(page, 'onboarding')).toEqual([]);
  });

  it('course map', async () => {
    await completeOnboarding(page);
    await page.getByRole('region', { name: 'Skills' }).getByRole('link').first().waitFor();
    expect(await seriousViolations(page, 'course map')).toEqual([]);
  });

  it('lesson beside the tutor chat, with a reply and a checked answer', async () => {
    await openFirstLesson(page);
    await chatWithTutor(page, 'Why do we need a limit at all?');
    const tutor = await sendToTutor(page, '/exercise differentiable-at-zero'); // a choice exercise, shown in the chat too
    await tutor.getByRole('button', { name: 'Go to the exercise' }).waitFor();
    const exercise = differentiableAtZero(page);
    await answerChoices(exercise, ['A', 'B', 'C']);
    await exercise.getByText('Not yet').waitFor();
    await exercise.getByRole('button', { name: /^Hint/ }).click();
    await exercise.getByRole('list', { name: 'Hints' }).waitFor();
    expect(await seriousViolations(page, 'lesson and chat')).toEqual([]);
  });

  it('what Primer knows about me', async () => {
    await page.goto('/me');
    await page.getByRole('heading', { level: 1, name: 'What Primer knows about me' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page, 'me page')).toEqual([]);
  });

  it('teacher dashboard with a learner on it', async () => {
    const admin = await newVisitor(browser, server.url);
    await admin.page.goto(server.setupLink);
    await admin.page.getByRole('textbox', { name: 'Your name' }).fill('Ada Admin');
    await admin.page.getByRole('textbox', { name: 'Email' }).fill('ada@example.org');
    await admin.page.getByRole('textbox', { name: 'Choose a password' }).fill('correct horse battery staple');
    await admin.page.getByRole('button', { name: 'Create administrator account' }).click();
    await admin.page.getByLabel('Account: Ada Admin').waitFor();
    await admin.page.goto(`/teach/courses/${sampleCourse.id}`);
    await admin.page.getByRole('region', { name: 'Mastery by learner and skill' }).locator('svg').first().waitFor();
    await admin.page.waitForLoadState('networkidle');
    expect(await seriousViolations(admin.page, 'teacher dashboard')).toEqual([]);
    await admin.context.close();
  }, 60_000);
});
