import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PHONE_NUMBER_ID } from '../../src/demo/demo-clinic.ts';
import { createApiKey } from '../../src/modules/auth/api-key.service.ts';
import { updateOrgTwoFactor } from '../../src/modules/orgs/org.repository.ts';
import { createOrg, requireOrg } from '../../src/modules/orgs/org.service.ts';
import { createPartner, issueLinkCode } from '../../src/modules/pharmacy/pharmacy-partner.service.ts';
import { createUser } from '../../src/modules/users/user.service.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { animationsSettled, launchBrowser, newPage, screenshot } from './support/browser.ts';
import {
  type CarelineWithWeb,
  signInAsDemoAdmin,
  startCarelineWithWeb,
} from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const LIVE = { timeout: 15_000 };
const TEST_TIMEOUT = 120_000;
const PHARMACIST = { email: 'pharmacien@pharmacie-oberkampf.test', password: 'correct horse battery staple' };

describe.each(TEST_ENGINES)('Prescription orders in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let clinic: Page;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    const db = careline.handle.db;
    // A pharmacy on Careline, paired with the demo clinic by the code it gave; one pharmacist.
    const pharmacy = await createOrg(db, { name: 'Pharmacie Oberkampf', kind: 'pharmacy' });
    await updateOrgTwoFactor(db, pharmacy.id, 'off');
    await createUser(db, { orgId: pharmacy.id, ...PHARMACIST, role: 'admin', name: 'Inès Pharmacienne' });
    const demo = await requireOrg(db, careline.demo.orgSlug);
    const { code } = await issueLinkCode(db, pharmacy.id, null, new Date());
    await createPartner(
      { db, keyring: careline.careline.keyring },
      demo.id,
      {
        name: 'Pharmacie Oberkampf',
        address: '12 rue Oberkampf, Paris',
        language: 'fr',
        reach: { kind: 'careline', linkCode: code },
        active: true,
      },
      new Date(),
    );
    // The pharmacy says amoxicillin is short.
    const { key } = await createApiKey(db, pharmacy.id, 'tests');
    const published = await fetch(`${careline.url}/api/v1/stock-notices`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        medication: 'Amoxicilline',
        strength: '1 g',
        status: 'short',
        message: 'Rupture chez le grossiste, retour prévu lundi',
      }),
    });
    expect(published.status).toBe(201);
    await careline.simulator.patientSends({
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      from: '+33611220077',
      name: 'Camille Durand',
      text: 'Bonjour, le médecin devait envoyer mon ordonnance à la pharmacie',
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  test(
    'a clinician fills the order form, sees the stock warning and sends it; the patient’s orders list it',
    async () => {
      clinic = await newPage(browser, careline.url, 'en-GB');
      clinic.setDefaultTimeout(LIVE.timeout);
      await signInAsDemoAdmin(clinic, careline);
      await clinic.getByRole('option', { name: /Camille Durand/ }).click();
      const panel = clinic.getByRole('region', { name: 'Prescriptions' });
      await panel.getByText('No prescription sent to a pharmacy yet.').waitFor();
      await panel.getByRole('button', { name: 'Prescription' }).click();

      const form = clinic.getByRole('dialog', { name: 'Prescription for Camille Durand' });
      // The only partner is chosen once the partners are loaded (the field shows before, empty).
      await expect
        .poll(() => form.getByRole('textbox', { name: 'Pharmacy' }).inputValue(), LIVE)
        .toBe('Pharmacie Oberkampf');
      const first = form.getByTestId('order-item').nth(0);
      await first.getByRole('textbox', { name: 'Medicine' }).fill('amoxicilline');
      await first.getByRole('textbox', { name: 'Strength' }).fill('500 mg');
      await first.getByRole('textbox', { name: 'Form' }).fill('gélule');
      // The notice for "Amoxicilline 1 g" warns an order for amoxicillin of another strength.
      const warning = first.getByTestId('stock-warning');
      await warning.waitFor();
      expect(await warning.getAttribute('data-status')).toBe('short');
      expect(await warning.textContent()).toContain('Pharmacie Oberkampf: Amoxicilline 1 g is short');
      expect(await warning.textContent()).toContain('Rupture chez le grossiste, retour prévu lundi');
      await first.getByRole('textbox', { name: 'Quantity' }).fill('2 boxes');
      await first.getByRole('textbox', { name: 'Posology' }).fill('1 capsule 3 times a day for 7 days');

      await form.getByRole('button', { name: 'Add a medicine' }).click();
      const second = form.getByTestId('order-item').nth(1);
      await second.getByRole('textbox', { name: 'Medicine' }).fill('Paracétamol');
      await second.getByRole('textbox', { name: 'Strength' }).fill('1 g');
      await second.getByRole('textbox', { name: 'Posology' }).fill('1 tablet if pain, up to 3 a day');
      await second.getByRole('checkbox', { name: 'Substitution allowed' }).uncheck();
      // No notice about paracetamol: no warning under it.
      await clinic.waitForTimeout(600);
      expect(await second.getByTestId('stock-warning').count()).toBe(0);
      await form.getByRole('textbox', { name: 'Note to the pharmacist' }).fill('Allergic to penicillin? No.');
      await animationsSettled(clinic);
      await screenshot(clinic, `${engine}-pharmacy-01-order-form`);

      // A third row, then removed: only two medicines go.
      await form.getByRole('button', { name: 'Add a medicine' }).click();
      await form.getByRole('button', { name: 'Remove medicine 3' }).click();
      expect(await form.getByTestId('order-item').count()).toBe(2);
      await form.getByRole('button', { name: 'Send to the pharmacy' }).click();
      await form.waitFor({ state: 'hidden' });

      const order = panel.getByTestId('prescription-order');
      await order.waitFor();
      expect(await order.getByTestId('order-step').textContent()).toBe('Sent');
      expect(await order.textContent()).toContain('amoxicilline 500 mg, gélule × 2 boxes');
      expect(await order.textContent()).toContain('Paracétamol 1 g × 1');
      await order.getByText('Sent to the pharmacy').waitFor();
    },
    TEST_TIMEOUT,
  );

  test(
    'the pharmacy answers “ready for pickup” on its Orders screen; the clinic’s timeline shows it live',
    async () => {
      const pharmacist = await newPage(browser, careline.url, 'fr-FR');
      pharmacist.setDefaultTimeout(LIVE.timeout);
      await pharmacist.goto('/login');
      await pharmacist.getByRole('textbox', { name: 'E-mail' }).fill(PHARMACIST.email);
      await pharmacist.getByRole('textbox', { name: 'Mot de passe' }).fill(PHARMACIST.password);
      await pharmacist.getByRole('button', { name: 'Se connecter' }).click();
      await pharmacist.waitForURL(/\/inbox/);
      await pharmacist.getByRole('link', { name: 'Commandes' }).click();
      await pharmacist.getByRole('heading', { name: 'Commandes', level: 1 }).waitFor();
      const incoming = pharmacist.getByTestId('incoming-order');
      await incoming.waitFor();
      expect(await incoming.textContent()).toContain('Camille Durand');
      expect(await incoming.textContent()).toContain('pas de substitution');
      await animationsSettled(pharmacist);
      await screenshot(pharmacist, `${engine}-pharmacy-02-incoming-fr`);

      await incoming.getByRole('button', { name: 'Prête à retirer' }).click();
      const dialog = pharmacist.getByRole('dialog', { name: 'Prête à retirer' });
      await dialog.getByRole('button', { name: 'Envoyer la réponse' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await eventually(async () =>
        (await incoming.getByTestId('order-step').textContent()) === 'Prête à retirer' ? true : undefined,
      );
      // Only the handing over is left.
      expect(await incoming.getByRole('button').allTextContents()).toEqual(['Remise au patient']);

      // The clinic's page was not reloaded: the live feed brought the answer.
      const order = clinic.getByRole('region', { name: 'Prescriptions' }).getByTestId('prescription-order');
      await eventually(
        async () => ((await order.getAttribute('data-step')) === 'ready_for_pickup' ? true : undefined),
        LIVE.timeout,
      );
      expect(await order.getByTestId('order-step').textContent()).toBe('Ready for pickup');
      const timeline = order.getByTestId('order-timeline');
      await timeline.getByText('Ready for pickup').waitFor();
      expect(await timeline.textContent()).toContain('Pharmacie Oberkampf');
      await order.scrollIntoViewIfNeeded();
      await animationsSettled(clinic);
      await screenshot(clinic, `${engine}-pharmacy-03-timeline-live`);
      await pharmacist.close();
    },
    TEST_TIMEOUT,
  );

  test(
    'the clinic’s stock notices page lists the partner’s notice',
    async () => {
      await clinic.getByRole('link', { name: 'Stock notices' }).click();
      await clinic.getByRole('heading', { name: 'Stock notices', level: 1 }).waitFor();
      const row = clinic.getByRole('row', { name: /Amoxicilline 1 g/ });
      await row.waitFor();
      expect(await row.textContent()).toContain('Short');
      expect(await row.textContent()).toContain('Pharmacie Oberkampf');
      // The pharmacy's notice: the clinic cannot withdraw it.
      expect(await row.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
      await animationsSettled(clinic);
      await screenshot(clinic, `${engine}-pharmacy-04-stock-notices`);
    },
    TEST_TIMEOUT,
  );
});
