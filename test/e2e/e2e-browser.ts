// Debian's chromium, driven by playwright-core. Without chromium the browser tests are skipped with a
// notice, except in CI (CI=true), where a missing browser is a failure: .ci/run installs it.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const chromiumPath = process.env.PRIMER_CHROMIUM ?? '/usr/bin/chromium';

/** Whether the browser tests can run here; prints why not, and throws in CI. Call at the top of a test file. */
export function chromiumAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  const message = `No chromium at ${chromiumPath}: the browser tests need Debian's chromium (apt-get install chromium fonts-noto-core fonts-noto-cjk) or PRIMER_CHROMIUM set to a Chromium binary.`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`[e2e] skipped. ${message}`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 375, height: 812 };

/** A fresh browser profile (its own cookies) at `url`, with English preferred unless told otherwise; `touch`: a phone's touch screen and keyboard. */
export async function newVisitor(browser: Browser, baseURL: string, options: { locale?: string; viewport?: { width: number; height: number }; touch?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: options.locale ?? 'en-US', viewport: options.viewport ?? desktop, reducedMotion: 'reduce', ...(options.touch ? { hasTouch: true, isMobile: true } : {}) });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.warn(`[e2e] page error on ${page.url()}: ${error.message}`));
  return { context, page };
}
