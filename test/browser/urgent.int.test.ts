import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { messages } from '../../src/db-schema.ts';
import { DEMO_PHONE_NUMBER_ID } from '../../src/demo/demo-clinic.ts';
import { openMessages } from '../../src/modules/inbox/message-sealing.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, remoteRequestsOf, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

// A bound, not a speed target (that is `npm run bench -- live`): a busy 2-core CI machine once took over 10 s.
const LIVE = { timeout: 20_000 };
const CALM = { name: 'Louise Calme', phone: '+33611000001' };
const ALARMED = { name: 'Paul Girard', phone: '+33611000002' };

describe.each(TEST_ENGINES)('the safety net in the agent inbox (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let agent: Page;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    agent = await newPage(browser, careline.url, 'en-GB');
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  async function writes(patient: { name: string; phone: string }, text: string): Promise<void> {
    const sent = await careline.simulator.patientSends({
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      from: patient.phone,
      name: patient.name,
      text,
    });
    expect(sent.httpStatus).toBe(200);
  }

  const rows = () => agent.getByRole('listbox', { name: 'Conversations' }).getByRole('option');

  test('an emergency message pins its conversation first, in red, with the patient’s words and the count', async () => {
    await agent.goto('/inbox');
    await agent.getByRole('textbox', { name: 'E-mail' }).fill(careline.demo.adminEmail);
    await agent.getByRole('textbox', { name: 'Password' }).fill(careline.demo.adminPassword);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.waitForURL(/\/inbox/);
    await agent.getByText('Live', { exact: true }).waitFor(LIVE);

    await writes(CALM, 'Bonjour, une question sur mon rendez-vous');
    await rows().filter({ hasText: CALM.name }).waitFor(LIVE);
    await writes(ALARMED, "je n'arrive plus à respirer depuis 10 minutes");
    const alarmed = rows().filter({ hasText: ALARMED.name });
    await alarmed.waitFor(LIVE);
    // The calm patient writes last, yet the emergency stays on top until someone takes it on.
    await writes(CALM, 'Merci, à bientôt');
    // The row's preview may already be the bot's answer to it: wait for the words in the database.
    await expect
      .poll(async () => {
        const rows = await careline.handle.db.select().from(messages);
        const stored = await openMessages(careline.handle.db, careline.careline.keyring, rows);
        return stored.filter((m) => m.text === 'Merci, à bientôt').length;
      }, LIVE)
      .toBe(1);

    await expect.poll(() => rows().first().textContent(), LIVE).toContain(ALARMED.name);
    await expect.poll(() => alarmed.getAttribute('data-pinned'), LIVE).toBe('true');
    await alarmed.getByText(/difficulty breathing: “.*respirer.*”/).waitFor(LIVE);
    await expect.poll(() => agent.getByTestId('urgent-count').textContent(), LIVE).toContain('1');
    // The browser's notifications are not allowed here: the alert shows in the page instead.
    await agent.getByText('Patient emergency: difficulty breathing').first().waitFor(LIVE);
  });

  test('opening it shows the alert; acknowledging it unpins it and notes who took it on', async () => {
    await rows().filter({ hasText: ALARMED.name }).click();
    const banner = agent.getByRole('alert', { name: 'Emergency alert' });
    await banner.getByText('Possible emergency: difficulty breathing').waitFor(LIVE);
    await banner.getByText(/The patient wrote “.*respirer.*”/).waitFor();
    await agent.screenshot({ path: '/tmp/urgent-inbox.png' });
    await screenshot(agent, `${engine}-urgent-01-pinned`);

    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.waitFor({ state: 'detached', ...LIVE });
    await agent
      .getByTestId('urgent-acknowledged')
      .getByText(/Acknowledged by .+ at \d/)
      .waitFor(LIVE);
    await agent
      .getByTestId('message')
      .filter({ hasText: /Alerte prise en compte|acknowledged/i })
      .waitFor(LIVE);
    const alarmed = rows().filter({ hasText: ALARMED.name });
    await expect.poll(() => alarmed.getAttribute('data-pinned'), LIVE).toBeNull();
    await agent.getByTestId('urgent-count').waitFor({ state: 'detached', ...LIVE });
    // Still urgent, no longer pinned: a newer message from another patient comes first again.
    await writes(CALM, 'Je peux venir plus tôt ?');
    await expect.poll(() => rows().first().textContent(), LIVE).toContain(CALM.name);
    await screenshot(agent, `${engine}-urgent-02-acknowledged`);
  });

  test('the Urgent view lists the conversation, and the safety settings report its acknowledgement', async () => {
    await agent.getByRole('tab', { name: /Urgent/ }).click();
    await agent.waitForURL(/view=urgent/);
    await rows().filter({ hasText: ALARMED.name }).waitFor(LIVE);
    await expect.poll(() => rows().filter({ hasText: CALM.name }).count(), LIVE).toBe(0);

    await agent.goto('/settings/safety');
    await agent.getByRole('textbox', { name: 'Medical emergency' }).waitFor(LIVE);
    const report = agent.getByRole('table', { name: 'Red flags in the last 30 days' });
    const row = report.getByRole('row', { name: /Difficulty breathing/ });
    await expect.poll(() => row.textContent(), LIVE).toMatch(/Difficulty breathing\s*1\s*1/);
    await report.getByRole('row', { name: /Total/ }).waitFor();
    await screenshot(agent, `${engine}-urgent-03-settings`);

    await agent
      .getByRole('radiogroup', { name: 'Language' })
      .locator('label')
      .filter({ hasText: 'FR' })
      .click();
    await agent.getByRole('heading', { name: 'Sécurité' }).waitFor();
    await agent.goto('/inbox?view=all&status=open');
    await rows().first().waitFor(LIVE);
    await rows().filter({ hasText: ALARMED.name }).click();
    await agent.getByText(/Alerte prise en compte par .+ à \d{1,2}\u00a0h\u00a0\d{2}/).waitFor(LIVE);
    await screenshot(agent, `${engine}-urgent-04-french`);
  });

  test('nothing the pages did left this machine', () => {
    expect(remoteRequestsOf(agent)).toEqual([]);
  });
});
