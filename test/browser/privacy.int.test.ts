import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PHONE_NUMBER_ID } from '../../src/demo/demo-clinic.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const LIVE = { timeout: 20_000 };
const PATIENT = { name: 'Hélène Garnier', phone: '+33677889900' };

interface Json {
  [key: string]: unknown;
}

describe.each(TEST_ENGINES)('erasing a patient from the patient panel (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    careline = await startCarelineWithWeb(engine, await builtWebApp());
    browser = await launchBrowser();
    admin = await newPage(browser, careline.url, 'en-GB');
    admin.setDefaultTimeout(LIVE.timeout);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  async function api(path: string): Promise<{ status: number; json: Json }> {
    const response = await fetch(`${careline.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${careline.demo.apiKey}` },
    });
    return { status: response.status, json: (await response.json()) as Json };
  }

  test('the administrator types the patient’s name, erases them, and the clinic keeps only a reference', async () => {
    const sent = await careline.simulator.patientSends({
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      from: PATIENT.phone,
      name: PATIENT.name,
      text: 'Bonjour, je souhaite que vous effaciez mes données.',
    });
    expect(sent.httpStatus).toBe(200);
    const contactId = await eventually(async () => {
      const { json } = await api('/conversations?view=all');
      const conversation = (json.data as Json[]).find(
        (c) => (c.contact as Json).display_name === PATIENT.name,
      );
      return conversation ? String((conversation.contact as Json).id) : undefined;
    }, LIVE.timeout);

    await admin.goto('/login');
    await admin.getByRole('textbox', { name: 'E-mail' }).fill(careline.demo.adminEmail);
    await admin.getByRole('textbox', { name: 'Password' }).fill(careline.demo.adminPassword);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(/\/inbox/);
    await admin.goto('/inbox?view=all');
    await admin.getByRole('option', { name: new RegExp(PATIENT.name) }).click();
    const privacy = admin.getByRole('complementary').getByRole('region', { name: 'Privacy' });
    const exportLink = privacy.getByRole('link', { name: 'Export data' });
    await exportLink.waitFor();
    expect(await exportLink.getAttribute('href')).toBe(`/api/v1/contacts/${contactId}/export`);

    await privacy.getByRole('button', { name: 'Erase patient' }).click();
    const dialog = admin.getByRole('dialog', { name: `Erase ${PATIENT.name}?` });
    const confirm = dialog.getByRole('textbox', { name: `Type “${PATIENT.name}” to confirm` });
    const erase = dialog.getByRole('button', { name: 'Erase for good' });
    await confirm.fill('Hélène');
    expect(await erase.isDisabled()).toBe(true);
    await confirm.fill(PATIENT.name);
    await screenshot(admin, `${engine}-privacy-erase-dialog`);
    await erase.click();

    await admin.getByText(new RegExp(`${PATIENT.name} was erased \\(reference ER-[0-9A-Z]{12}\\)`)).waitFor();
    await admin.getByRole('option', { name: new RegExp(PATIENT.name) }).waitFor({ state: 'detached' });
    expect((await api(`/contacts/${contactId}`)).status).toBe(404);
    const { json } = await api('/privacy/erasures');
    expect(json.data).toEqual([expect.objectContaining({ reference: expect.stringMatching(/^ER-/) })]);

    await admin.goto('/settings/privacy');
    await admin.getByText(/^ER-[0-9A-Z]{12} — .*, by /).waitFor();
    await screenshot(admin, `${engine}-privacy-settings`);
  });
});
