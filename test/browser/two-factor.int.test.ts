import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const LIVE = { timeout: 20_000 };
const AGENT = {
  name: 'Léa Fontaine',
  email: 'lea.fontaine@demo.careline.test',
  password: 'une phrase de passe longue',
};

/** The code the agent's authenticator app shows, `steps` 30-second steps from now (0 or 1: see two-factor.int.test.ts). */
function codeOf(secret: string, steps: 0 | 1): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + steps * 30_000 });
}

describe.each(TEST_ENGINES)('two-factor sign-in in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    const added = await fetch(`${careline.url}/api/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${careline.demo.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: AGENT.name, email: AGENT.email, role: 'agent', password: AGENT.password }),
    });
    expect(added.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  async function passwordStep(page: Page): Promise<void> {
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(AGENT.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(AGENT.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  test('an agent sets it up from Settings › Security, then signs in with the code her app shows', async () => {
    const desk = await newPage(browser, careline.url, 'en-GB');
    desk.setDefaultTimeout(LIVE.timeout);
    await passwordStep(desk);
    await desk.waitForURL(/\/inbox/);
    await desk.goto('/settings/security');
    const section = desk.getByTestId('two-factor-section');
    // The demo clinic requires nobody to use it: trying Careline needs no phone.
    await section.getByText('Two-factor sign-in is off for Clinique du Parc (démo)').waitFor();

    const enrolment = desk.waitForResponse((r) => r.url().endsWith('/api/v1/auth/two-factor/enrolment'));
    await section.getByRole('button', { name: 'Set up' }).click();
    const { secret } = (await (await enrolment).json()) as { secret: string };
    const dialog = desk.getByRole('dialog', { name: 'Set up two-factor sign-in' });
    await dialog.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    await expect(dialog.getByTestId('totp-secret').textContent()).resolves.toBe(secret);
    await dialog.getByRole('textbox', { name: '6-digit code' }).fill(codeOf(secret, 0));
    await dialog.getByRole('button', { name: 'Turn on' }).click();
    await dialog.getByText('Your recovery codes').waitFor();
    await expect(dialog.getByTestId('recovery-code').count()).resolves.toBe(10);
    await screenshot(desk, `${engine}-two-factor-01-recovery-codes`);
    await dialog.getByRole('button', { name: 'I have saved them' }).click();
    await section.getByText('10 recovery codes left').waitFor();

    // Another computer: the password alone no longer opens the inbox.
    const other = await newPage(browser, careline.url, 'en-GB');
    other.setDefaultTimeout(LIVE.timeout);
    await passwordStep(other);
    await other.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    expect(other.url()).toMatch(/\/login$/);
    await other.getByRole('button', { name: 'Use a recovery code' }).waitFor();
    await screenshot(other, `${engine}-two-factor-02-code-step`);
    await other.getByRole('textbox', { name: '6-digit code' }).fill(codeOf(secret, 1));
    await other.getByRole('button', { name: 'Verify' }).click();
    await other.waitForURL(/\/inbox/);
    await desk.close();
    await other.close();
  });

  test('her phone lost, an administrator resets it from the staff page; her password alone signs her in again', async () => {
    const admin = await newPage(browser, careline.url, 'fr-FR');
    admin.setDefaultTimeout(LIVE.timeout);
    await admin.goto('/login');
    await admin.getByRole('textbox', { name: 'Adresse e-mail' }).fill(careline.demo.adminEmail);
    await admin.getByRole('textbox', { name: 'Mot de passe' }).fill(careline.demo.adminPassword);
    await admin.getByRole('button', { name: 'Se connecter' }).click();
    await admin.waitForURL(/\/inbox/);
    await admin.goto('/settings/staff');
    await admin
      .getByRole('button', { name: `Réinitialiser la connexion en deux étapes de ${AGENT.name}` })
      .click();
    const dialog = admin.getByRole('dialog', {
      name: `Réinitialiser la connexion en deux étapes de ${AGENT.name}\u00a0?`,
    });
    await dialog.getByRole('button', { name: 'Réinitialiser la connexion en deux étapes' }).click();
    await admin.getByText(`La connexion en deux étapes de ${AGENT.name} est réinitialisée.`).waitFor();
    await admin.close();

    const desk = await newPage(browser, careline.url, 'en-GB');
    desk.setDefaultTimeout(LIVE.timeout);
    await passwordStep(desk);
    await desk.waitForURL(/\/inbox/);
    await desk.close();
  });
});
