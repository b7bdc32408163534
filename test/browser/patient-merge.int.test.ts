import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PHONE_NUMBER_ID } from '../../src/demo/demo-clinic.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const LIVE = { timeout: 20_000 };
const FIRST = { name: 'Léa Fontaine', phone: '+33677001122' };
const SECOND = { name: 'Lea F.', phone: '+33677001133' };

interface Json {
  [key: string]: unknown;
}

describe.each(TEST_ENGINES)('merging two records of one patient from the patient panel (%s)', (engine) => {
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

  async function api(path: string, method = 'GET', body?: unknown): Promise<{ status: number; json: Json }> {
    const response = await fetch(`${careline.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${careline.demo.apiKey}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Json) : {} };
  }

  async function patientWrites(patient: typeof FIRST, text: string): Promise<string> {
    const sent = await careline.simulator.patientSends({
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      from: patient.phone,
      name: patient.name,
      text,
    });
    expect(sent.httpStatus).toBe(200);
    return eventually(async () => {
      const { json } = await api('/conversations?view=all');
      const conversation = (json.data as Json[]).find(
        (c) => (c.contact as Json).display_name === patient.name,
      );
      return conversation ? String((conversation.contact as Json).id) : undefined;
    }, LIVE.timeout);
  }

  test('a possible duplicate is reviewed side by side, merged field by field, then unmerged', async () => {
    const firstId = await patientWrites(FIRST, 'Bonjour, une question sur mon rendez-vous.');
    const secondId = await patientWrites(SECOND, 'C’est encore moi, depuis mon autre téléphone.');
    for (const [id, insurer] of [
      [firstId, 'MGEN'],
      [secondId, 'MAAF'],
    ] as const) {
      const patched = await api(`/contacts/${id}`, 'PATCH', {
        custom_fields: { email: 'lea.fontaine@example.fr', assurance: insurer },
      });
      expect(patched.status).toBe(200);
    }

    await admin.goto('/login');
    await admin.getByRole('textbox', { name: 'E-mail' }).fill(careline.demo.adminEmail);
    await admin.getByRole('textbox', { name: 'Password' }).fill(careline.demo.adminPassword);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(/\/inbox/);

    await admin.goto('/settings/duplicates');
    await admin.getByRole('heading', { name: 'Possible duplicates' }).waitFor();
    await admin.getByTestId('duplicate-pair').getByText(FIRST.name).waitFor();
    await screenshot(admin, `${engine}-patient-duplicates`);

    await admin.goto('/inbox?view=all');
    await admin.getByRole('option', { name: new RegExp(FIRST.name) }).click();
    const notice = admin.getByTestId('possible-duplicate');
    await notice.getByText(/same e-mail/).waitFor();
    await notice.getByRole('button', { name: 'Review' }).click();

    const dialog = admin.getByRole('dialog', { name: 'Merge two records of one patient' });
    await dialog.getByText('Keeps the record').waitFor();
    await dialog.getByRole('radio', { name: 'assurance: MAAF' }).check();
    await dialog.getByRole('radio', { name: `Name: ${FIRST.name}` }).waitFor();
    await screenshot(admin, `${engine}-patient-merge-screen`);
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const merged = admin.getByTestId('merged-from');
    await merged.getByText(new RegExp(`Merged from ${SECOND.name}`)).waitFor();
    const panel = await api(`/contacts/${firstId}`);
    expect(panel.json).toMatchObject({
      display_name: FIRST.name,
      custom_fields: { email: 'lea.fontaine@example.fr', assurance: 'MAAF' },
    });
    expect(panel.json.identities as Json[]).toHaveLength(2);
    expect(((await api(`/contacts/${secondId}/merges`)).json.merged_into as Json).contact_id).toBe(firstId);
    await screenshot(admin, `${engine}-patient-merged-panel`);

    await merged.getByRole('button', { name: 'Unmerge' }).click();
    await admin.getByText(`${SECOND.name} is a separate patient again.`).waitFor();
    await merged.waitFor({ state: 'detached' });
    expect((await api(`/contacts/${firstId}`)).json).toMatchObject({
      custom_fields: { email: 'lea.fontaine@example.fr', assurance: 'MGEN' },
    });
    expect((await api(`/contacts/${secondId}/merges`)).json.merged_into).toBeNull();
  });

  test('in French, the list of possible duplicates and the merge screen', async () => {
    const french = await newPage(browser, careline.url, 'fr-FR');
    french.setDefaultTimeout(LIVE.timeout);
    await french.goto('/login');
    await french.getByRole('textbox', { name: 'E-mail' }).fill(careline.demo.adminEmail);
    await french.getByRole('textbox', { name: 'Mot de passe' }).fill(careline.demo.adminPassword);
    await french.getByRole('button', { name: 'Se connecter' }).click();
    await french.waitForURL(/\/inbox/);
    await french.goto('/settings/duplicates');
    await french.getByRole('heading', { name: 'Doublons possibles' }).waitFor();
    await french.getByTestId('duplicate-pair').getByRole('button', { name: 'Examiner' }).click();
    const dialog = french.getByRole('dialog', { name: 'Fusionner deux fiches d’un même patient' });
    await dialog.getByText('Fiche conservée', { exact: true }).waitFor();
    await dialog.getByRole('radio', { name: 'assurance: MGEN' }).waitFor();
    await screenshot(french, `${engine}-patient-merge-screen-fr`);
    await french.context().close();
  });
});
