import type { JWK } from 'jose';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedFhir, startTestFhirServer, type TestFhirServer } from '../support/fhir-server.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const LIVE = { timeout: 20_000 };
const CLIENT_ID = 'careline-demo';

/**
 * Settings › EHR (FHIR) in a real browser, against a real FHIR server (Medplum's router) whose SMART
 * token endpoint checks the key the administrator copies from the page.
 */
describe.each(TEST_ENGINES)('Settings › EHR (FHIR) in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let admin: Page;
  let ehr: TestFhirServer;

  beforeAll(async () => {
    ehr = await startTestFhirServer({ kind: 'smart', clientId: CLIENT_ID });
    careline = await startCarelineWithWeb(engine, await builtWebApp(), {
      outboundAllowedHosts: ['127.0.0.1'],
    });
    browser = await launchBrowser();
    admin = await newPage(browser, careline.url, 'en-GB');
    admin.setDefaultTimeout(LIVE.timeout);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
    await ehr?.close();
  });

  test('the administrator connects the EHR, registers the public key, imports and reads the log', async () => {
    await seedFhir(ehr, {
      resourceType: 'Patient',
      name: [{ text: 'Capucine Roux' }],
      telecom: [{ system: 'phone', value: '+33 6 98 76 54 01' }],
    });
    await admin.goto('/login');
    await admin.getByRole('textbox', { name: 'E-mail' }).fill(careline.demo.adminEmail);
    await admin.getByRole('textbox', { name: 'Password' }).fill(careline.demo.adminPassword);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(/\/inbox/);
    await admin.goto('/settings/staff');
    await admin
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'EHR (FHIR)' })
      .click();
    await admin.waitForURL(/\/settings\/ehr$/);
    await admin.getByRole('heading', { name: 'EHR (FHIR)', level: 1 }).waitFor();
    await admin.getByText('No EHR yet').waitFor();

    // A URL that is not one: the field says so.
    const form = admin.getByRole('form', { name: 'EHR (FHIR)' });
    await form.getByRole('textbox', { name: 'FHIR server address' }).fill('not a url');
    await form.getByRole('textbox', { name: 'Client ID given by the EHR' }).fill(CLIENT_ID);
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('must be an http(s) URL without credentials').waitFor();

    await form.getByRole('textbox', { name: 'FHIR server address' }).fill(ehr.baseUrl);
    await form.getByRole('button', { name: 'Save' }).click();
    const jwksText = await admin.getByTestId('ehr-jwks').textContent();
    const jwks = JSON.parse(jwksText ?? '{}') as { keys: JWK[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    await screenshot(admin, `${engine}-settings-ehr-01-key`);

    // Before the EHR knows the key, the import fails and the log says why.
    await admin.getByRole('button', { name: 'Import now' }).click();
    const log = admin.getByRole('table', { name: 'Sync log' });
    await expect
      .poll(async () => {
        await admin.getByRole('button', { name: 'Refresh' }).click();
        return (await log.textContent({ timeout: 1000 }).catch(() => '')) ?? '';
      }, LIVE)
      .toContain('token endpoint answered 400');

    ehr.registerPublicKey(jwks.keys[0] as JWK);
    await admin.getByRole('button', { name: 'Import now' }).click();
    await expect
      .poll(async () => {
        await admin.getByRole('button', { name: 'Refresh' }).click();
        return (
          (await log
            .getByRole('row')
            .filter({ hasText: 'Patient' })
            .first()
            .textContent({ timeout: 1000 })
            .catch(() => '')) ?? ''
        );
      }, LIVE)
      .toContain('created');
    await screenshot(admin, `${engine}-settings-ehr-02-log`);
    const contacts = await fetch(`${careline.url}/api/v1/contacts?phone=%2B33698765401`, {
      headers: { authorization: `Bearer ${careline.demo.apiKey}` },
    });
    expect(((await contacts.json()) as { data: unknown[] }).data).toHaveLength(1);
  });
});
