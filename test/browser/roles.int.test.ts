import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findOrgByRef } from '../../src/modules/orgs/org.repository.ts';
import { createUser } from '../../src/modules/users/user.service.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const PASSWORD = 'correct horse battery staple';
const ROLES = ['Agent (front desk)', 'Clinician', 'Supervisor', 'Administrator', 'Auditor'];

/** The roles in the web app: the staff picker offers all five, and each role's screens show only its work. */
describe.each(TEST_ENGINES)('roles in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    page = await newPage(browser, careline.url, 'en-GB');
    page.setDefaultTimeout(20_000);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  async function signIn(email: string, password: string, lands: RegExp): Promise<void> {
    await page.context().clearCookies();
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(lands);
  }

  async function member(role: 'supervisor' | 'auditor'): Promise<string> {
    const org = await findOrgByRef(careline.handle.db, careline.demo.orgSlug);
    if (!org) throw new Error('no demo clinic');
    const user = await createUser(careline.handle.db, {
      orgId: org.id,
      email: `${role}@demo.careline.test`,
      password: PASSWORD,
      role,
      name: `The ${role}`,
    });
    return user.email;
  }

  test('the staff picker lists five roles, each with what it allows; a supervisor and an auditor see their own screens', async () => {
    await signIn(careline.demo.adminEmail, careline.demo.adminPassword, /\/inbox/);
    await page.goto('/settings/staff');
    await page.getByRole('button', { name: 'Add a staff member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a staff member' });
    for (const role of ROLES) await dialog.getByRole('radio', { name: role, exact: false }).first().waitFor();
    await dialog.getByText('Like the front desk, and also reads medical notes').waitFor();
    await dialog.getByText('Reads the audit log of who saw what; sees no patient data.').waitFor();
    await screenshot(page, `${engine}-roles-01-picker`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('switch', { name: /see only their teams’ conversations/ }).waitFor();

    await signIn(await member('supervisor'), PASSWORD, /\/inbox/);
    await page.goto('/settings');
    await page.waitForURL(/\/settings\/teams$/);
    const nav = page.getByRole('navigation', { name: 'Settings' });
    await nav.getByRole('link', { name: 'Teams' }).waitFor();
    await nav.getByRole('link', { name: 'Saved replies' }).waitFor();
    await expect(nav.getByRole('link', { name: 'Staff' }).count()).resolves.toBe(0);
    await expect(nav.getByRole('link', { name: 'Automation' }).count()).resolves.toBe(0);
    await expect(nav.getByRole('link', { name: 'Integrations' }).count()).resolves.toBe(0);
    await screenshot(page, `${engine}-roles-02-supervisor-settings`);

    // The auditor reads no conversation: the inbox sends them to the audit log.
    await signIn(await member('auditor'), PASSWORD, /\/settings\/audit/);
    await page.goto('/inbox');
    await page.waitForURL(/\/settings\/audit/);
    await page.goto('/agenda');
    await page.waitForURL(/\/settings\/audit/);
  });
});
