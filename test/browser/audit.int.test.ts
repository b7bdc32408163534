import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const LIVE = { timeout: 20_000 };

describe.each(TEST_ENGINES)('Settings › Audit in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    admin = await newPage(browser, careline.url, 'en-GB');
    admin.setDefaultTimeout(LIVE.timeout);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  test('the administrator finds who opened a patient’s file, and downloads the report', async () => {
    // The clinic's integration opens a patient's profile: one record.
    const headers = { authorization: `Bearer ${careline.demo.apiKey}` };
    const contacts = (await (await fetch(`${careline.url}/api/v1/contacts`, { headers })).json()) as {
      data: Array<{ id: string }>;
    };
    const patientId = contacts.data[0]?.id ?? '';
    expect((await fetch(`${careline.url}/api/v1/contacts/${patientId}`, { headers })).status).toBe(200);

    await admin.goto('/login');
    await admin.getByRole('textbox', { name: 'E-mail' }).fill(careline.demo.adminEmail);
    await admin.getByRole('textbox', { name: 'Password' }).fill(careline.demo.adminPassword);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(/\/inbox/);

    await admin.goto('/settings/staff');
    await admin.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Audit' }).click();
    await admin.getByRole('heading', { name: 'Audit', level: 1 }).waitFor();
    await admin.getByLabel('Patient (id)').fill(patientId);
    await admin.getByLabel('Patient (id)').blur();
    await admin.waitForURL(new RegExp(`patient=${patientId}`));
    const row = admin.getByTestId('audit-row').filter({ hasText: patientId }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('read');
    expect(await row.textContent()).toContain('127.0.0.1');

    const report = admin.getByRole('link', { name: 'Who has seen this file (CSV)' });
    const href = await report.getAttribute('href');
    expect(href).toBe(`/api/v1/audit/patients/${patientId}/access-report.csv`);
    const csv = await admin.evaluate(async (url) => (await fetch(url)).text(), href ?? '');
    expect(csv).toContain('when,who,role,what,from where,reason');
    expect(csv).toContain('read: patient profile');
    await screenshot(admin, `${engine}-audit-01-patient`);
  });
});
