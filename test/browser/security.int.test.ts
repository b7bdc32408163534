import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_ENGINES } from '../support/test-db.ts';
import {
  animationsSettled,
  launchBrowser,
  newPage,
  remoteRequestsOf,
  screenshot,
} from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

// A bound, not a speed target (that is `npm run bench -- live`): a busy 2-core CI machine once took over 10 s.
const LIVE = { timeout: 20_000 };
const AGENT = {
  name: 'Claire Martin',
  email: 'claire.martin@demo.careline.test',
  password: 'une phrase de passe longue',
};
const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';

describe.each(TEST_ENGINES)('one’s sessions in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let agent: Page;
  let admin: Page;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    agent = await newPage(browser, careline.url, 'en-GB');
    admin = await newPage(browser, careline.url, 'fr-FR');
    for (const page of [agent, admin]) page.setDefaultTimeout(LIVE.timeout);
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

  /** The agent signs in elsewhere (her phone, the front desk's computer): returns that browser's cookie. */
  async function signedInElsewhere(userAgent: string): Promise<string> {
    const response = await fetch(`${careline.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': userAgent },
      body: JSON.stringify({ email: AGENT.email, password: AGENT.password }),
    });
    expect(response.status).toBe(200);
    return (
      response.headers
        .getSetCookie()
        .find((c) => c.startsWith('careline_session='))
        ?.split(';')[0] ?? ''
    );
  }

  async function statusWith(cookie: string): Promise<number> {
    return (await fetch(`${careline.url}/api/v1/conversations`, { headers: { cookie } })).status;
  }

  async function signIn(
    page: Page,
    labels: { email: string; password: string; submit: string },
    email: string,
    password: string,
  ) {
    await page.goto('/login');
    await page.getByRole('textbox', { name: labels.email }).fill(email);
    await page.getByRole('textbox', { name: labels.password }).fill(password);
    await page.getByRole('button', { name: labels.submit }).click();
    await page.waitForURL(/\/inbox/);
  }

  test('an agent lists her sessions from the account menu and signs out the ones she left open', async () => {
    const phone = await signedInElsewhere(SAFARI_ON_IPHONE);
    const frontDesk = await signedInElsewhere(FIREFOX_ON_WINDOWS);
    await signIn(
      agent,
      { email: 'E-mail', password: 'Password', submit: 'Sign in' },
      AGENT.email,
      AGENT.password,
    );

    await agent.getByRole('button', { name: /^Account of/ }).click();
    await agent.getByRole('menuitem', { name: 'Account security' }).click();
    await agent.waitForURL(/\/settings\/security$/);
    await agent.getByRole('heading', { name: 'Account security', level: 1 }).waitFor();
    const rows = agent.getByTestId('session-row');
    await rows.filter({ hasText: 'Safari on iOS' }).waitFor();
    await expect(rows.count()).resolves.toBe(3);
    const current = rows.filter({ hasText: 'This browser' });
    await expect(current.textContent()).resolves.toContain('Chrome on Linux');
    await expect(current.textContent()).resolves.toContain('network 127.0.0.0/24');
    await expect(current.textContent()).resolves.toContain('In use now');
    await screenshot(agent, `${engine}-security-01-sessions`);

    await agent.getByRole('button', { name: 'Sign out Safari on iOS' }).click();
    await agent.getByText('Safari on iOS is signed out.').waitFor();
    await rows.filter({ hasText: 'Safari on iOS' }).waitFor({ state: 'detached' });
    expect(await statusWith(phone)).toBe(401);
    expect(await statusWith(frontDesk)).toBe(200);

    await agent.getByRole('button', { name: 'Sign out all other sessions' }).click();
    const dialog = agent.getByRole('dialog', { name: 'Sign out all other sessions?' });
    await dialog.getByText('Your other session ends now; this browser stays signed in.').waitFor();
    await dialog.getByRole('button', { name: 'Sign out all other sessions' }).click();
    await agent.getByText('One other session signed out.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await rows.filter({ hasText: 'Firefox on Windows' }).waitFor({ state: 'detached' });
    await expect(rows.count()).resolves.toBe(1);
    expect(await statusWith(frontDesk)).toBe(401);
    await expect(
      agent.getByRole('button', { name: 'Sign out all other sessions' }).isDisabled(),
    ).resolves.toBe(true);
    await screenshot(agent, `${engine}-security-02-only-this-browser`);
  });

  test('an administrator signs a colleague out everywhere from the staff page', async () => {
    const phone = await signedInElsewhere(SAFARI_ON_IPHONE);
    await signIn(
      admin,
      { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter' },
      careline.demo.adminEmail,
      careline.demo.adminPassword,
    );
    await admin.goto('/settings/staff');
    await admin.getByRole('button', { name: `Déconnecter ${AGENT.name} partout` }).click();
    const dialog = admin.getByRole('dialog', { name: `Déconnecter ${AGENT.name} partout\u00a0?` });
    await dialog.getByText(/Le mot de passe reste valable\u00a0: changez-le aussi/).waitFor();
    // The dialog fades in: the picture is taken once it has.
    await animationsSettled(admin);
    await screenshot(admin, `${engine}-security-03-sign-out-everywhere-fr`);
    await dialog.getByRole('button', { name: 'Déconnecter partout' }).click();
    await admin.getByText(`${AGENT.name} est déconnecté(e) de 2 sessions.`).waitFor();
    expect(await statusWith(phone)).toBe(401);

    // The agent's open page finds out at its next request, and asks her to sign in again.
    await agent.reload();
    await agent.waitForURL(/\/login/);

    await admin
      .getByRole('navigation', { name: 'Réglages' })
      .getByRole('link', { name: 'Sécurité du compte' })
      .click();
    await admin.getByRole('heading', { name: 'Sécurité du compte', level: 1 }).waitFor();
    await admin.getByTestId('session-row').filter({ hasText: 'Ce navigateur' }).waitFor();
    await screenshot(admin, `${engine}-security-04-fr`);
    expect([...remoteRequestsOf(agent), ...remoteRequestsOf(admin)]).toEqual([]);
  });
});
