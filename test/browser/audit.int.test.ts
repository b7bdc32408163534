import { desc, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEvents, messages } from '../../src/db-schema.ts';
import { DEMO_PHONE_NUMBER_ID } from '../../src/demo/demo-clinic.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const LIVE = { timeout: 20_000 };
const AGENT = {
  name: 'Paul Morel',
  email: 'paul.morel@demo.careline.test',
  password: 'une phrase de passe longue',
};

describe.each(TEST_ENGINES)('Settings › Audit in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let admin: Page;
  let agent: Page;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    admin = await newPage(browser, careline.url, 'en-GB');
    agent = await newPage(browser, careline.url, 'fr-FR');
    for (const page of [admin, agent]) page.setDefaultTimeout(LIVE.timeout);
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

    await signIn(admin, careline.demo.adminEmail, careline.demo.adminPassword);

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

  test('an agent asked for a reason gives it in a dialog, and sees the conversation', async () => {
    // The administrator requires a reason of agents, from the same page.
    await admin.goto('/settings/audit');
    const put = admin.waitForResponse(
      (r) => r.url().endsWith('/api/v1/audit/settings') && r.request().method() === 'PUT',
    );
    await admin.getByRole('checkbox', { name: 'Agents' }).click();
    expect((await put).status()).toBe(200);
    expect(await admin.getByRole('checkbox', { name: 'Agents' }).isChecked()).toBe(true);
    const added = await fetch(`${careline.url}/api/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${careline.demo.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...AGENT, role: 'agent' }),
    });
    expect(added.status).toBe(201);
    const sent = await careline.simulator.patientSends({
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      from: '+33655443322',
      name: 'Gaston Lagaffe',
      text: 'Mon ordonnance est-elle prête ?',
    });
    const conversationId = await eventually(async () => {
      const [row] = await careline.handle.db
        .select({ id: messages.conversationId })
        .from(messages)
        .where(eq(messages.externalId, sent.wamid));
      return row?.id;
    });

    await signIn(agent, AGENT.email, AGENT.password, {
      email: 'E-mail',
      password: 'Mot de passe',
      submit: 'Se connecter',
    });
    await agent.goto(`/inbox/${conversationId}`);
    const dialog = agent.getByRole('dialog', { name: 'Pourquoi ouvrez-vous ce dossier ?' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Motif' }).fill('Appel du patient : ordonnance');
    await dialog.getByRole('button', { name: 'Continuer' }).click();
    await agent.getByText('Mon ordonnance est-elle prête ?').first().waitFor();
    await screenshot(agent, `${engine}-audit-02-reason-given`);

    const [last] = await careline.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.agentRole, 'agent'))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    expect(last?.purposeOfUse).toBe('Appel du patient : ordonnance');
  });

  async function signIn(
    page: Page,
    email: string,
    password: string,
    labels = { email: 'E-mail', password: 'Password', submit: 'Sign in' },
  ): Promise<void> {
    await page.goto('/login');
    await page.getByRole('textbox', { name: labels.email }).fill(email);
    await page.getByRole('textbox', { name: labels.password }).fill(password);
    await page.getByRole('button', { name: labels.submit }).click();
    await page.waitForURL(/\/inbox/);
  }
});
