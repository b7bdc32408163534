import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations, orgs } from '../../src/db-schema.ts';
import { attachSimulatedNumbers } from '../../src/demo/attach-simulator.ts';
import { addWhatsAppAccount } from '../../src/modules/channel-accounts/whatsapp-account.service.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, remoteRequestsOf, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

/** A 2×2 PNG: enough for WhatsApp's checks and for the timeline to show a picture. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

// A bound, not a speed target (that is `npm run bench -- live`): a busy 2-core CI machine once took over 10 s.
const LIVE = { timeout: 20_000 };

describe.each(TEST_ENGINES)('the agent inbox in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let agent: Page;
  let phone: Page;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    agent = await newPage(browser, careline.url, 'en-GB');
    phone = await newPage(browser, careline.url, 'fr-FR');
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  test('a wrong password is refused with a message; the right one opens the inbox', async () => {
    await agent.goto('/inbox');
    await agent.waitForURL(/\/login/);
    await agent.getByRole('textbox', { name: 'E-mail' }).fill(careline.demo.adminEmail);
    await agent.getByRole('textbox', { name: 'Password' }).fill('not the password at all');
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.getByText('Wrong e-mail or password.').waitFor();
    await screenshot(agent, `${engine}-01-login-refused`);

    await agent.getByRole('textbox', { name: 'Password' }).fill(careline.demo.adminPassword);
    await agent.getByRole('button', { name: 'Sign in' }).click();
    await agent.waitForURL(/\/inbox/);
    await agent
      .getByRole('listbox', { name: 'Conversations' })
      .or(agent.getByText('No conversations here'))
      .waitFor();
    await agent.getByText('Live', { exact: true }).waitFor(LIVE);
  });

  test('a patient writes on the phone and the conversation appears in the inbox without a reload', async () => {
    await phone.goto('/phone');
    await phone.getByRole('textbox', { name: 'Votre nom' }).fill('Chloé Martin');
    await phone.getByRole('textbox', { name: 'Votre numéro de mobile' }).fill('+33 6 11 22 33 44');
    await phone.getByRole('button', { name: 'Commencer' }).click();
    await phone
      .getByRole('textbox', { name: 'Message à l’établissement' })
      .fill('Bonjour, j’ai très mal au dos depuis hier');
    await phone.getByRole('button', { name: 'Envoyer', exact: true }).click();

    const row = agent.getByRole('option', { name: /Chloé Martin/ });
    await row.waitFor(LIVE);
    // The clinic's welcome menu (a built-in flow) answered the new conversation at once.
    await phone.getByTestId('phone-clinic').filter({ hasText: 'Bienvenue' }).waitFor(LIVE);
    await screenshot(agent, `${engine}-02-inbox-live`);
  });

  test('the agent replies; the phone shows it and the agent sees it read', async () => {
    await agent.getByRole('option', { name: /Chloé Martin/ }).click();
    await agent.getByText('Bonjour, j’ai très mal au dos depuis hier').waitFor();
    await agent
      .getByRole('textbox', { name: 'Message to the patient' })
      .fill('Bonjour Chloé, pouvez-vous passer demain à 10 h ?');
    await agent.getByRole('button', { name: 'Send', exact: true }).click();

    await phone.getByTestId('phone-clinic').filter({ hasText: 'pouvez-vous passer demain' }).waitFor(LIVE);
    const reply = agent.getByTestId('message').filter({ hasText: 'pouvez-vous passer demain' });
    await reply.getByRole('img', { name: 'Read' }).waitFor(LIVE);
    await screenshot(agent, `${engine}-03-conversation-read`);
    await screenshot(phone, `${engine}-04-phone`);
  });

  test('reply buttons: the patient taps one and the agent sees which', async () => {
    await agent.getByRole('button', { name: 'Question with reply buttons' }).click();
    const dialog = agent.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Question' }).fill('Demain 10 h vous convient ?');
    await dialog.getByRole('textbox', { name: 'Button 1' }).fill('Oui');
    await dialog.getByRole('textbox', { name: 'Button 2' }).fill('Un autre jour');
    await dialog.getByRole('button', { name: 'Send' }).click();

    const question = phone.getByTestId('phone-clinic').filter({ hasText: 'Demain 10 h vous convient ?' });
    await question.waitFor(LIVE);
    await question.getByRole('button', { name: 'Un autre jour' }).click();
    // The patient's tap, not the question whose button bears the same words.
    await agent
      .locator('[data-testid="message"][data-direction="inbound"]')
      .filter({ hasText: 'Un autre jour' })
      .waitFor(LIVE);
  });

  test('an internal note stays with the staff', async () => {
    const composer = agent.getByRole('region', { name: 'Reply to the patient' });
    await composer.locator('label').filter({ hasText: 'Internal note' }).click();
    await agent
      .getByRole('textbox', { name: 'Internal note' })
      .fill('Lombalgie probable, voir avec Dr Martin');
    await agent.getByRole('button', { name: 'Add note' }).click();
    const note = agent.getByTestId('message').filter({ hasText: 'Lombalgie probable' });
    await note.getByText('only staff see this').waitFor();
    await composer.locator('label').filter({ hasText: 'Reply' }).click();
    // The patient got nothing: the phone still ends with the buttons question and the tap.
    await phone.waitForTimeout(500);
    await expect(phone.getByText('Lombalgie probable').count()).resolves.toBe(0);
  });

  test('photos both ways: the patient sends one, the agent attaches one', async () => {
    await phone
      .getByTestId('phone-photo-input')
      .setInputFiles({ name: 'dos.png', mimeType: 'image/png', buffer: PHOTO });
    const patientPhoto = agent.getByTestId('message').locator('img').first();
    await patientPhoto.waitFor(LIVE);
    // Shown in the page (asked inline, as a picture's bytes allow), and really decoded.
    await expect(patientPhoto.getAttribute('src')).resolves.toMatch(
      /\/media\/[0-9a-f-]+\?disposition=inline$/,
    );
    await expect
      .poll(() => patientPhoto.evaluate((img) => 'naturalWidth' in img && Number(img.naturalWidth) > 0), LIVE)
      .toBe(true);

    await agent
      .locator('input[type=file]')
      .setInputFiles({ name: 'ordonnance.png', mimeType: 'image/png', buffer: PHOTO });
    await agent.getByRole('textbox', { name: 'Message to the patient' }).fill('Votre ordonnance');
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    const sent = agent.getByTestId('message').filter({ hasText: 'Votre ordonnance' });
    await sent.getByRole('img', { name: /Delivered|Read/ }).waitFor(LIVE);
    await phone.getByTestId('phone-clinic').filter({ hasText: 'Votre ordonnance' }).waitFor(LIVE);
    await screenshot(agent, `${engine}-05-photos`);
  });

  test('a document is offered as a download, never opened in the page', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
    await agent
      .locator('input[type=file]')
      .setInputFiles({ name: 'résultats-分析.pdf', mimeType: 'application/pdf', buffer: pdf });
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    const link = agent.getByRole('link', { name: 'Download résultats-分析.pdf' }).last();
    await link.waitFor(LIVE);
    const href = await link.getAttribute('href');
    expect(href).toMatch(/\/media\/[0-9a-f-]+$/);
    const response = await agent.request.get(href ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()).toMatchObject({
      'content-type': 'application/pdf',
      'content-disposition': expect.stringMatching(/^attachment; .*filename\*=UTF-8''r%C3%A9sultats-/),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    expect((await response.body()).equals(pdf)).toBe(true);
  });

  test('when the 24-hour window has closed, free text is off and an approved template goes out', async () => {
    const url = agent.url();
    const conversationId = url.split('/inbox/')[1]?.split('?')[0] ?? '';
    await careline.handle.db
      .update(conversations)
      .set({ lastInboundAt: new Date(Date.now() - 25 * 3_600_000) })
      .where(eq(conversations.id, conversationId));
    await agent.reload();

    await agent.getByText('The 24-hour window is closed — send an approved template').waitFor();
    await expect(agent.getByRole('textbox', { name: 'Message to the patient' }).isDisabled()).resolves.toBe(
      true,
    );
    await screenshot(agent, `${engine}-06-window-closed`);

    await agent.getByRole('button', { name: 'Send a template' }).first().click();
    const dialog = agent.getByRole('dialog');
    await dialog.getByRole('radio').first().click();
    for (const field of await dialog.getByRole('textbox').all()) await field.fill('Chloé');
    await screenshot(agent, `${engine}-07-template-picker`);
    await dialog.getByRole('button', { name: 'Send template' }).click();
    await agent
      .getByTestId('message')
      .filter({ hasText: /Template/ })
      .last()
      .getByRole('img', { name: /Sent|Delivered|Read/ })
      .waitFor(LIVE);
  });

  test('search finds a message by words without accents and opens the conversation at it', async () => {
    await agent.goto('/inbox');
    await agent.getByRole('combobox', { name: 'Search messages and patients' }).fill('tres mal');
    const results = agent.getByRole('listbox', { name: 'Search results' });
    await results.waitFor(LIVE);
    await screenshot(agent, `${engine}-08-search`);
    const hit = results.getByRole('option').filter({ hasText: 'dos depuis hier' }).first();
    await hit.click();
    await agent.waitForURL(/\/inbox\/[0-9a-f-]+/);
    await agent.getByText('Bonjour, j’ai très mal au dos depuis hier').waitFor();
  });

  test('the interface switches to French and back', async () => {
    await agent
      .getByRole('radiogroup', { name: 'Language' })
      .locator('label')
      .filter({ hasText: 'FR' })
      .click();
    await screenshot(agent, `${engine}-09-french`);
    await agent.getByText('La fenêtre de 24 heures est fermée — envoyez un modèle approuvé').waitFor();
    await agent.getByRole('combobox', { name: 'Rechercher des messages et des patients' }).waitFor();
    await agent
      .getByRole('radiogroup', { name: 'Langue' })
      .locator('label')
      .filter({ hasText: 'EN' })
      .click();
    await agent.getByRole('combobox', { name: 'Search messages and patients' }).waitFor();
  });

  test('a clinic with a second number: rows say which number, and the list filters by number', async () => {
    const [org] = await careline.handle.db
      .select({ id: orgs.id })
      .from(orgs)
      .where(eq(orgs.slug, careline.demo.orgSlug));
    if (!org) throw new Error('no demo clinic');
    await addWhatsAppAccount(careline.handle.db, careline.careline.keyring, {
      orgId: org.id,
      name: 'Pharmacie du Parc',
      phoneNumberId: '990000000000001',
      wabaId: '990000000000002',
      displayPhoneNumber: '+33180000099',
      accessToken: 'pharmacy-token-0123456789',
      appSecret: 'pharmacy-secret-0123456789',
      verifyToken: 'pharmacy-verify-0123456789',
      simulated: true,
    });
    await attachSimulatedNumbers(
      careline.handle.db,
      careline.simulator,
      careline.url,
      careline.careline.secretsOf,
    );
    await careline.simulator.patientSends({
      phoneNumberId: '990000000000001',
      from: '+33655443322',
      name: 'Gaston Lagaffe',
      text: 'Mon ordonnance est-elle prête ?',
    });
    await agent.goto('/inbox?view=all&status=open');
    const pharmacyRow = agent.getByRole('option', { name: /Gaston Lagaffe/ });
    await pharmacyRow.waitFor(LIVE);
    await pharmacyRow.getByText('Pharmacie du Parc · +33180000099').waitFor();

    const filter = agent.getByRole('textbox', { name: 'Number the patients wrote to' });
    await filter.click();
    await agent.getByRole('option', { name: 'Pharmacie du Parc · +33180000099', exact: true }).click();
    await agent.waitForURL(/channel=/);
    await pharmacyRow.waitFor();
    await agent.getByRole('option', { name: /Chloé Martin/ }).waitFor({ state: 'detached' });
    await screenshot(agent, `${engine}-10-second-number`);

    await filter.click();
    await agent.getByRole('option', { name: 'All numbers', exact: true }).click();
    await agent.getByRole('option', { name: /Chloé Martin/ }).waitFor();
    await pharmacyRow.waitFor();
  });

  test('nothing the pages did left this machine', () => {
    expect(remoteRequestsOf(agent)).toEqual([]);
    expect(remoteRequestsOf(phone)).toEqual([]);
  });
});
