import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PHONE_NUMBER_ID } from '../../src/demo/demo-clinic.ts';
import { insertContact } from '../../src/modules/contacts/contact.repository.ts';
import { requireOrg } from '../../src/modules/orgs/org.service.ts';
import {
  addPatientsToGroup,
  createPatientGroup,
} from '../../src/modules/patient-groups/patient-group.service.ts';
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
const PATIENTS = [
  { phone: '+33611330001', name: 'Marie Curie', tags: ['groupes-test'] },
  { phone: '+33611330002', name: 'Paul Langevin', tags: ['groupes-test'] },
  { phone: '+33611330003', name: 'Irène Joliot', tags: [] },
];

describe.each(TEST_ENGINES)('Patient groups in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
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
    // Three patients write; two of them are tagged by the care team.
    for (const patient of PATIENTS) {
      await careline.simulator.patientSends({
        phoneNumberId: DEMO_PHONE_NUMBER_ID,
        from: patient.phone,
        name: patient.name,
        text: 'Bonjour',
      });
      const contactId = await eventually(async () => {
        const list = await fetch(`${careline.url}/api/v1/conversations?view=all`, { headers: { cookie } });
        const page = (await list.json()) as { data: Array<{ contact: { id: string; phone?: string } }> };
        return page.data.find((c) => c.contact.phone === patient.phone)?.contact.id;
      }, 10_000);
      const tagged = await fetch(`${careline.url}/api/v1/contacts/${contactId}`, {
        method: 'PATCH',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ tags: patient.tags }),
      });
      expect(tagged.status).toBe(200);
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  async function openGroups(page: Page): Promise<void> {
    page.setDefaultTimeout(LIVE.timeout);
    await signInAsDemoAdmin(page, careline);
    await page.getByRole('link', { name: 'Patient groups', exact: true }).click();
    await page.waitForURL(/\/groups/);
    await page.getByRole('heading', { name: 'Patient groups', level: 1 }).waitFor();
  }

  test('a dynamic group: a tag rule, its live preview of size and patients, saved', async () => {
    const page = await newPage(browser, careline.url, 'en-GB');
    await openGroups(page);
    await page.getByRole('button', { name: 'New segment' }).click();
    const drawer = page.getByRole('dialog', { name: 'New segment' });
    await drawer.getByLabel('Name').fill('Test tag follow-up');
    await drawer.getByPlaceholder('diabète', { exact: true }).fill('Groupes-Test');
    const size = drawer.getByTestId('group-size');
    await eventually(async () => ((await size.textContent()) === '2 patients' ? true : undefined), 10_000);
    const preview = drawer.getByLabel('Preview');
    expect(await preview.getByText('Marie Curie').count()).toBe(1);
    expect(await preview.getByText('Paul Langevin').count()).toBe(1);
    expect(await preview.getByText('Irène Joliot').count()).toBe(0);
    // The number is masked in the preview.
    expect(await preview.getByText('+336••••••01').count()).toBe(1);
    await animationsSettled(page);
    await screenshot(page, `${engine}-groups-01-dynamic-preview`);

    await drawer.getByRole('button', { name: 'Create the group' }).click();
    await drawer.waitFor({ state: 'detached' });
    const card = page.getByRole('button', { name: 'Open Test tag follow-up' });
    await card.waitFor();
    expect(await card.getByText('Segment').count()).toBe(1);
    expect(await card.getByText('1 rule').count()).toBe(1);
    await page.close();
  }, 90_000);

  test('a static list: a patient found by name and added, then listed', async () => {
    const page = await newPage(browser, careline.url, 'en-GB');
    await openGroups(page);
    await page.getByRole('button', { name: 'New list' }).click();
    const drawer = page.getByRole('dialog', { name: 'New patient list' });
    await drawer.getByLabel('Name').fill('Nutrition workshop');
    await drawer.getByPlaceholder('Name or phone number').fill('Irène');
    await drawer.getByRole('button', { name: 'Add' }).click();
    await drawer.getByTestId('group-members').getByText('Irène Joliot').waitFor();
    await drawer.getByRole('button', { name: 'Create the group' }).click();
    await drawer.waitFor({ state: 'detached' });
    const card = page.getByRole('button', { name: 'Open Nutrition workshop' });
    await card.getByText('1 patient', { exact: true }).waitFor();
    await animationsSettled(page);
    await screenshot(page, `${engine}-groups-02-list`);

    // Opened again, the list shows its patient with the number masked.
    await card.click();
    const edit = page.getByRole('dialog', { name: 'Edit “Nutrition workshop”' });
    const members = edit.getByTestId('group-members');
    await members.getByText('Irène Joliot').waitFor();
    expect(await members.getByText('+336••••••03').count()).toBe(1);
    await animationsSettled(page);
    await screenshot(page, `${engine}-groups-03-list-members`);
    await page.close();
  }, 90_000);

  test('a list of 120 patients shows a hundred, and the rest on demand', async () => {
    const { db } = careline.handle;
    const org = await requireOrg(db, careline.demo.orgSlug);
    const contactIds: string[] = [];
    for (let i = 0; i < 120; i += 1)
      contactIds.push(
        (
          await insertContact(db, careline.careline.keyring, {
            orgId: org.id,
            displayName: `Patient ${String(i).padStart(3, '0')}`,
            phone: `+3361144${String(i).padStart(4, '0')}`,
          })
        ).id,
      );
    const group = await createPatientGroup(db, {
      orgId: org.id,
      name: 'Grande liste',
      kind: 'static',
      createdByUserId: null,
    });
    await addPatientsToGroup(db, { orgId: org.id, groupId: group.id, contactIds, addedByUserId: null });

    const page = await newPage(browser, careline.url, 'en-GB');
    await openGroups(page);
    await page.getByRole('button', { name: 'Open Grande liste' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit “Grande liste”' });
    await edit.getByText('Patients · 100+').waitFor();
    const members = edit.getByTestId('group-members');
    expect(await members.getByText(/^Patient \d{3}$/).count()).toBe(100);
    await edit.getByRole('button', { name: 'Show more patients' }).click();
    await edit.getByText('Patients · 120', { exact: true }).waitFor();
    expect(await members.getByText(/^Patient \d{3}$/).count()).toBe(120);
    expect(await edit.getByRole('button', { name: 'Show more patients' }).count()).toBe(0);
    await page.close();
  }, 90_000);

  test('in French, the page and the rule builder', async () => {
    const page = await newPage(browser, careline.url, 'fr-FR');
    page.setDefaultTimeout(LIVE.timeout);
    await signInAsDemoAdmin(page, careline, {
      email: 'E-mail',
      password: 'Mot de passe',
      submit: 'Se connecter',
    });
    await page.getByRole('link', { name: 'Groupes de patients', exact: true }).click();
    await page.getByRole('heading', { name: 'Groupes de patients', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Nouveau segment' }).click();
    const drawer = page.getByRole('dialog', { name: 'Nouveau segment' });
    await drawer.getByPlaceholder('diabète', { exact: true }).fill('groupes-test');
    await eventually(
      async () =>
        (await drawer.getByTestId('group-size').textContent()) === '2 patients' ? true : undefined,
      10_000,
    );
    await animationsSettled(page);
    await screenshot(page, `${engine}-groups-04-fr`);
    await page.close();
  }, 90_000);
});
