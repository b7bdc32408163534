import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PHONE_NUMBER_ID } from '../../src/demo/demo-clinic.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { animationsSettled, launchBrowser, newPage, screenshot } from './support/browser.ts';
import {
  type CarelineWithWeb,
  signInAsDemoAdmin,
  startCarelineWithWeb,
} from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const LIVE = { timeout: 20_000 };

describe.each(TEST_ENGINES)('Reports in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    // Three patients write today; a person (the administrator, signed in as the web app is) answers two.
    const login = await fetch(`${careline.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: careline.demo.adminEmail, password: careline.demo.adminPassword }),
    });
    const { csrf_token: csrf } = (await login.json()) as { csrf_token: string };
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0] ?? '')
      .join('; ');
    for (const [i, phone] of ['+33611220001', '+33611220002', '+33611220003'].entries()) {
      await careline.simulator.patientSends({
        phoneNumberId: DEMO_PHONE_NUMBER_ID,
        from: phone,
        text: `Bonjour ${i}`,
      });
      const conversationId = await eventually(async () => {
        const search = await fetch(`${careline.url}/api/v1/conversations?view=all`, { headers: { cookie } });
        const page = (await search.json()) as { data: Array<{ id: string; contact: { phone?: string } }> };
        return page.data.find((c) => c.contact.phone === phone)?.id;
      }, 10_000);
      if (i < 2) {
        const reply = await fetch(`${careline.url}/api/v1/conversations/${conversationId}/messages`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'text', text: 'Bonjour, je regarde votre demande.' }),
        });
        expect(reply.status).toBe(202);
      }
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  async function openReports(page: Page): Promise<void> {
    page.setDefaultTimeout(LIVE.timeout);
    await signInAsDemoAdmin(page, careline);
  }

  test('the charts draw the period’s figures as SVG, each with its table; another period refetches', async () => {
    const page = await newPage(browser, careline.url, 'en-GB');
    await openReports(page);
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL(/\/reports/);
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();

    const volume = page.getByRole('figure', { name: 'Message volume' });
    await volume.locator('svg.recharts-surface').first().waitFor();
    // Three patients' messages and two replies, stacked in the bar of this hour.
    await eventually(async () =>
      (await volume.locator('.recharts-bar-rectangle path').count()) >= 2 ? true : undefined,
    );
    const times = page.getByRole('figure', { name: 'Response and resolution times' });
    await times.locator('svg.recharts-surface').waitFor();
    expect(await times.locator('.recharts-bar-rectangle path').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByText('2 conversations answered').count()).toBe(1);
    expect(await page.locator('svg.recharts-surface').count()).toBeGreaterThanOrEqual(3);
    // Each chart has its figures as a table.
    await page.getByText('Show the figures').nth(1).click();
    const hourTable = page.getByRole('table', { name: /Messages per channel and per hour/ });
    expect(await hourTable.getByRole('row', { name: /WhatsApp/ }).textContent()).toMatch(
      /^WhatsApp\s*3\s*\d+$/,
    );
    await animationsSettled(page);
    await screenshot(page, `${engine}-reports-01-en`);
    await page.getByRole('heading', { name: 'Red flags' }).scrollIntoViewIfNeeded();
    await screenshot(page, `${engine}-reports-01-en-lower`);

    const refetched = page.waitForRequest((r) => r.url().includes('/api/v1/reports/response-times?from='));
    await page.getByText('7 days', { exact: true }).click();
    const request = await refetched;
    await page.waitForURL(/from=/);
    const from = new URL(request.url()).searchParams.get('from');
    expect(new URL(page.url()).searchParams.get('from')).toBe(from);
    await page.close();
  });

  test('in French, the same page with its charts', async () => {
    const page = await newPage(browser, careline.url, 'fr-FR');
    page.setDefaultTimeout(LIVE.timeout);
    await signInAsDemoAdmin(page, careline, {
      email: 'E-mail',
      password: 'Mot de passe',
      submit: 'Se connecter',
    });
    await page.getByRole('link', { name: 'Rapports' }).click();
    await page.getByRole('heading', { name: 'Rapports', level: 1 }).waitFor();
    await page
      .getByRole('figure', { name: 'Volume de messages' })
      .locator('svg.recharts-surface')
      .first()
      .waitFor();
    expect(await page.getByText('2 conversations ayant reçu une réponse').count()).toBe(1);
    await animationsSettled(page);
    await screenshot(page, `${engine}-reports-02-fr`);
    await page.close();
  });
});
