// Screenshots of the main screens at desktop (1280×800) and phone (375×812) sizes in English, Hindi,
// Chinese and Arabic, saved under e2e-screenshots/ (git-ignored) for a person to look at. Every
// page must fit the phone's width (no sideways scrolling), and Arabic pages are right-to-left.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumAvailable, desktop, launchChromium, newVisitor, phone } from './e2e-browser.js';
import { repositoryRoot, sampleCourse, startE2EServer, type E2EServer } from './e2e-server.js';
import { interfaceText } from './interface-text.js';

const screenshotsDir = path.join(repositoryRoot, 'e2e-screenshots');
const languages = [
  { code: 'en', locale: 'en-US', dir: 'ltr' },
  { code: 'hi', locale: 'hi-IN', dir: 'ltr' },
  { code: 'zh', locale: 'zh-CN', dir: 'ltr' },
  { code: 'ar', locale: 'ar-EG', dir: 'rtl' },
] as const;
const sizes = { desktop, phone };

interface Capture {
  file: string;
  dir: string;
  overflow: number; // pixels wider than the window; 0 when the page fits
}

describe.skipIf(!chromiumAvailable())('screenshots of the main screens', () => {
  let server: E2EServer;
  let browser: Browser;
  let adminState: Awaited<ReturnType<BrowserContext['storageState']>>;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2EServer(), launchChromium(), rm(screenshotsDir, { recursive: true, force: true })]);
    await mkdir(screenshotsDir, { recursive: true });
    const admin = await newVisitor(browser, server.url);
    await admin.page.goto(server.setupLink);
    await admin.page.getByRole('textbox', { name: 'Your name' }).fill('Ada Admin');
    await admin.page.getByRole('textbox', { name: 'Email' }).fill('ada@example.org');
    await admin.page.getByRole('textbox', { name: 'Choose a password' }).fill('correct horse battery staple');
    await admin.page.getByRole('button', { name: 'Create administrator account' }).click();
    await admin.page.getByLabel('Account: Ada Admin').waitFor();
    adminState = await admin.context.storageState();
    await admin.context.close();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const language of languages) {
    const text = (namespace: 'common' | 'learner' | 'teacher', key: string) => interfaceText(language.code, namespace, key);

    it(`${language.code}: the learner's screens fit a phone and follow the language's direction`, async () => {
      const { page, context } = await newVisitor(browser, server.url, { locale: language.locale });
      const captures: Capture[] = [];
      const capture = async (screen: string, options: { fullPage?: boolean; onPhone?: (page: Page) => Promise<void> } = {}) => {
        for (const [size, viewport] of Object.entries(sizes)) {
          await page.setViewportSize(viewport);
          if (size === 'phone' && options.onPhone) await options.onPhone(page);
          captures.push(await screenshot(page, `${language.code}-${size}-${screen}`, options.fullPage ?? true));
        }
        await page.setViewportSize(desktop);
      };

      await page.goto('/');
      await page.getByRole('button', { name: text('learner', 'welcome.start') }).waitFor();
      await capture('welcome');

      await page.getByRole('button', { name: text('learner', 'welcome.start') }).click();
      await page.getByRole('button', { name: text('learner', 'onboarding.submit') }).waitFor();
      await capture('onboarding');

      await page.getByRole('button', { name: text('learner', 'onboarding.submit') }).click();
      await page.getByRole('region', { name: text('learner', 'map.skills') }).getByRole('link').first().waitFor();
      await capture('course-map');

      await page.goto(`/courses/${sampleCourse.id}/lessons/${sampleCourse.firstLesson}`);
      const tutor = page.getByRole('tabpanel', { name: text('learner', 'lesson.tab.tutor') });
      await tutor.getByRole('textbox', { name: text('learner', 'chat.inputLabel') }).fill('Why do we need a limit at all?');
      await tutor.getByRole('button', { name: text('learner', 'chat.send') }).click();
      await expect.poll(() => server.model.requests.filter((request) => request.stream).length, { timeout: 20_000 }).toBeGreaterThan(0);
      await tutor.getByRole('button', { name: text('learner', 'chat.send') }).waitFor({ timeout: 20_000 }); // the reply has ended
      await capture('lesson', { fullPage: false });
      await page.setViewportSize(phone);
      await page.getByRole('tab', { name: text('learner', 'lesson.tab.tutor') }).click();
      captures.push(await screenshot(page, `${language.code}-phone-lesson-tutor`, false));
      await page.setViewportSize(desktop);

      await page.goto('/me');
      await page.getByRole('heading', { level: 1, name: text('learner', 'me.title') }).waitFor();
      await page.waitForLoadState('networkidle');
      await capture('me');
      await context.close();

      expect(captures.filter((shot) => shot.dir !== language.dir).map((shot) => `${shot.file}: dir=${shot.dir}`)).toEqual([]);
      expect(captures.filter((shot) => shot.file.includes('-phone-') && shot.overflow > 0).map((shot) => `${shot.file}: ${shot.overflow}px wider than the phone`)).toEqual([]);
    }, 120_000);

    it(`${language.code}: the teacher dashboard fits a phone and follows the language's direction`, async () => {
      const context = await browser.newContext({ baseURL: server.url, locale: language.locale, viewport: desktop, storageState: adminState, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(`/teach/courses/${sampleCourse.id}`);
      await page.getByRole('heading', { level: 2, name: text('teacher', 'dashboard.heatmap.title') }).waitFor();
      await page.waitForLoadState('networkidle');
      const captures = [await screenshot(page, `${language.code}-desktop-teacher-dashboard`, true)];
      await page.setViewportSize(phone);
      captures.push(await screenshot(page, `${language.code}-phone-teacher-dashboard`, true));
      await context.close();
      expect(captures.filter((shot) => shot.dir !== language.dir).map((shot) => `${shot.file}: dir=${shot.dir}`)).toEqual([]);
      expect(captures.filter((shot) => shot.file.includes('-phone-') && shot.overflow > 0).map((shot) => `${shot.file}: ${shot.overflow}px wider than the phone`)).toEqual([]);
    }, 60_000);
  }
});

/** Waits for fonts and layout to settle, saves the screenshot, and measures direction and overflow. */
async function screenshot(page: Page, name: string, fullPage: boolean): Promise<Capture> {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
  const file = path.join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  const { dir, overflow } = await page.evaluate(() => ({ dir: document.documentElement.dir || 'ltr', overflow: document.documentElement.scrollWidth - window.innerWidth }));
  return { file: path.basename(file), dir, overflow };
}
