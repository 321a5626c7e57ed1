// A guest learner completes the first lesson of the sample course in a real browser, against a real
// server with a scripted model: onboarding, the course map, the tutor's streamed reply, an exercise
// answered wrong then right, a hint, and the mastery going up on the map.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromiumAvailable, launchChromium, newVisitor } from './e2e-browser.js';
import { startE2EServer, type E2EServer } from './e2e-server.js';
import { completeFirstLesson } from './learner-steps.js';

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
    const { before, after, reply } = await completeFirstLesson(page);

    expect(reply).toContain('Why do we need a limit at all?'); // the learner's message stays in the conversation
    expect(reply).toContain('Good question. Before I answer'); // the scripted tutor's reply, streamed in
    expect(server.model.requests.some((request) => request.stream)).toBe(true);
    expect(after).toBeGreaterThan(before);
    await context.close();
  }, 120_000);
});
