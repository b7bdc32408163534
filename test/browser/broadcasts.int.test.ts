import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PHONE_NUMBER_ID } from '../../src/demo/demo-clinic.ts';
import { findOrgByRef } from '../../src/modules/orgs/org.repository.ts';
import {
  addPatientsToGroup,
  createPatientGroup,
} from '../../src/modules/patient-groups/patient-group.service.ts';
import { createUser } from '../../src/modules/users/user.service.ts';
import { quietHoursAwayFromNow } from '../support/quiet-hours.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { animationsSettled, launchBrowser, newPage, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const PASSWORD = 'correct horse battery staple';
const PHONE = '+33611550001';
const OTHER_PHONE = '+33611550002';
const quiet = quietHoursAwayFromNow();

/**
 * Health broadcasts in the browser: a supervisor writes one to a group and sends it now, the report
 * reaches "sent" live and the patient's phone (the simulator) gets it with their first name; a
 * scheduled one is cancelled before it goes and the patient gets nothing more.
 */
describe.each(TEST_ENGINES)('health broadcasts in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let page: Page;
  let supervisorEmail: string;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    const org = await findOrgByRef(careline.handle.db, careline.demo.orgSlug);
    if (!org) throw new Error('no demo clinic');
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
    // Two patients wrote (their windows are open); one agreed to health information, the other did not.
    const contactIds: string[] = [];
    for (const [phone, name] of [
      [PHONE, 'Camille Martin'],
      [OTHER_PHONE, 'Hugo Bernard'],
    ] as const) {
      await careline.simulator.patientSends({
        phoneNumberId: DEMO_PHONE_NUMBER_ID,
        from: phone,
        name,
        text: 'Bonjour',
      });
      contactIds.push(
        await eventually(async () => {
          const list = await fetch(`${careline.url}/api/v1/conversations?view=all`, { headers: { cookie } });
          const body = (await list.json()) as { data: Array<{ contact: { id: string; phone?: string } }> };
          return body.data.find((c) => c.contact.phone === phone)?.contact.id;
        }, 10_000),
      );
    }
    const consent = await fetch(`${careline.url}/api/v1/contacts/${contactIds[0]}/consents`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'whatsapp',
        purpose: 'health_information',
        granted: true,
        text_shown: 'Acceptez-vous de recevoir des informations de santé du cabinet ?',
      }),
    });
    expect(consent.status).toBe(201);
    const group = await createPatientGroup(careline.handle.db, {
      orgId: org.id,
      name: 'Vaccination grippe',
      kind: 'static',
      createdByUserId: null,
    });
    await addPatientsToGroup(careline.handle.db, {
      orgId: org.id,
      groupId: group.id,
      contactIds,
      addedByUserId: null,
    });
    const supervisor = await createUser(careline.handle.db, {
      orgId: org.id,
      email: 'supervisor@demo.careline.test',
      password: PASSWORD,
      role: 'supervisor',
      name: 'The supervisor',
    });
    supervisorEmail = supervisor.email;
    page = await newPage(browser, careline.url, 'en-GB');
    page.setDefaultTimeout(20_000);
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(supervisorEmail);
    await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/inbox/);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  /** The texts the clinic sent to a phone, as the simulator accepted them. */
  function phoneReceived(phone: string): string[] {
    return careline.simulator
      .sends(DEMO_PHONE_NUMBER_ID)
      .filter((s) => s.wamid && (s.request as { to?: string }).to === phone.replace('+', ''))
      .map((s) => careline.simulator.message(s.wamid ?? '')?.text ?? '');
  }

  async function compose(name: string): Promise<void> {
    await page.goto('/broadcasts');
    await page.getByRole('link', { name: 'New broadcast' }).click();
    await page.getByRole('heading', { name: 'New health broadcast' }).waitFor();
    await page.getByText('Use broadcasts for health information only, never for marketing.').waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill(name);
    await page.getByRole('textbox', { name: 'Group' }).click();
    // The group with the size of its preview.
    await page.getByRole('option', { name: 'Vaccination grippe · 2 patients' }).click();
    for (const [tab, words] of [
      ['English', 'Hello '],
      ['French', 'Bonjour '],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      const text = page.getByRole('tabpanel').getByRole('textbox', { name: /^Text/ });
      await text.fill(words);
      // The placeholder goes in where the cursor is.
      await page.getByRole('tabpanel').getByRole('button', { name: 'First name' }).click();
      expect(await text.inputValue()).toBe(`${words}{{first_name}}`);
      await text.fill(`${words}{{first_name}}, the flu vaccination campaign starts on Monday.`);
      await page.getByRole('tabpanel').getByText(`${words}Camille, the flu`).waitFor();
    }
    // Quiet hours away from now on the patients' clocks, so the broadcast goes whatever the hour.
    await page.getByLabel('Quiet hours from').fill(quiet.start);
    await page.getByLabel('until', { exact: true }).fill(quiet.end);
  }

  test('a supervisor sends a broadcast now: the report reaches "sent" live and the patient’s phone gets it', async () => {
    await page.goto('/inbox');
    await page.getByRole('link', { name: 'Broadcasts' }).click();
    await page.waitForURL(/\/broadcasts$/);
    await page.getByRole('heading', { name: 'Health broadcasts', level: 1 }).waitFor();
    await compose('Grippe 2026');
    await screenshot(page, `${engine}-broadcasts-01-composer`);
    await page.getByRole('button', { name: 'Send to the group' }).click();
    await page.waitForURL(/\/broadcasts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Grippe 2026' }).waitFor();
    await page.getByText(`Quiet hours ${quiet.start}–${quiet.end}, patient’s time`).waitFor();

    // Live: no reload; the sent count reaches 1 (Camille), Hugo is skipped (no consent).
    await page.getByTestId('count-sent').getByText('1', { exact: true }).waitFor();
    await page.getByTestId('count-skipped').getByText('1', { exact: true }).waitFor();
    await page
      .getByRole('table', { name: 'Skipped, and why' })
      .getByText('Did not agree to health information')
      .waitFor();
    await page
      .getByTestId('broadcast-progress')
      .getByText(/100 % done: 2 of 2 patients/)
      .waitFor();
    await animationsSettled(page);
    await screenshot(page, `${engine}-broadcasts-02-report`);

    const received = await eventually(async () => {
      const texts = phoneReceived(PHONE).filter((t) => t.includes('flu vaccination'));
      return texts.length > 0 ? texts : undefined;
    }, 10_000);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/^(Hello|Bonjour) Camille, the flu vaccination campaign starts on Monday\.$/);
    expect(phoneReceived(OTHER_PHONE).some((t) => t.includes('flu vaccination'))).toBe(false);

    // The recipients, filtered by state.
    await segment(page, 'Skipped');
    const table = page.getByRole('table', { name: 'Patients' });
    await table.getByText('Hugo Bernard').waitFor();
    expect(await table.getByText('Camille Martin').count()).toBe(0);
    await screenshot(page, `${engine}-broadcasts-03-recipients`);

    await page.getByRole('link', { name: 'All broadcasts' }).click();
    await page.getByRole('link', { name: 'Grippe 2026' }).waitFor();
    await page.getByText('Completed').first().waitFor();
  }, 90_000);

  test('a scheduled broadcast is cancelled, with a confirmation, before it goes', async () => {
    const before = phoneReceived(PHONE).length;
    await compose('Fermeture de Noël');
    await segment(page, 'Schedule');
    await page.getByLabel('Date').fill('2099-01-15');
    await page.getByLabel('Time').fill('09:30');
    await page.getByRole('button', { name: 'Schedule the broadcast' }).click();
    await page.waitForURL(/\/broadcasts\/[0-9a-f-]{36}$/);
    await page.getByText('Scheduled for 15 January 2099 at 09:30').waitFor();
    await screenshot(page, `${engine}-broadcasts-04-scheduled`);

    await page.getByRole('button', { name: 'Cancel the broadcast' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this broadcast?' });
    await dialog.getByText('Patients who have not received it yet will not get it.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel the broadcast' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Cancelled', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Cancel the broadcast' }).count()).toBe(0);
    await screenshot(page, `${engine}-broadcasts-05-cancelled`);
    expect(phoneReceived(PHONE).length).toBe(before);
  }, 90_000);
});

/** Chooses one option of a segmented control by its label (its radio input is visually hidden). */
async function segment(page: Page, label: string): Promise<void> {
  await page
    .locator('label')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .click();
}
