import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const SCREENSHOTS = fileURLToPath(new URL('../../../screenshots/', import.meta.url));

/** Debian's chromium, headless, with nothing that phones home. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A fresh browser profile (own cookies and storage) on a laptop-sized screen. */
export async function newPage(browser: Browser, baseURL: string, locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale,
    timezoneId: 'Europe/Paris',
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const remote: string[] = [];
  remoteRequests.set(page, remote);
  // Nothing may leave the machine: requests to other hosts are refused and recorded for the tests.
  await context.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/]).*/, (route) => {
    remote.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return page;
}

const remoteRequests = new WeakMap<Page, string[]>();

/** Requests the page tried to make to another host than the server under test. */
export function remoteRequestsOf(page: Page): string[] {
  return remoteRequests.get(page) ?? [];
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Resolves once every running animation has ended. An animation cancelled on the way (a transition
 * replaced by the next one) rejects its `finished` promise with an AbortError: for a picture that counts
 * as ended too.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(
    'Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)))',
  );
}
