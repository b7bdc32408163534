import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, remoteRequestsOf, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

// A bound, not a speed target (that is `npm run bench -- live`): a busy 2-core CI machine once took over 10 s.
const LIVE = { timeout: 20_000 };
const PATIENT = 'Chloé Martin';
const BUILT_IN = ['Symptom intake', 'Non-urgent medical question', 'Menu / FAQ', 'Satisfaction survey'];

interface Json {
  [key: string]: unknown;
}

describe.each(TEST_ENGINES)('automation in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let admin: Page;
  let phone: Page;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    admin = await newPage(browser, careline.url, 'en-GB');
    phone = await newPage(browser, careline.url, 'fr-FR');
    // A step that cannot happen fails with its locator, well before the test's own time-out.
    for (const page of [admin, phone]) page.setDefaultTimeout(LIVE.timeout);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  /** Reads the API as the demo clinic's integration would, to check what the screens did. */
  async function api<T = Json>(path: string): Promise<T> {
    const response = await fetch(`${careline.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${careline.demo.apiKey}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  async function flow(key: string): Promise<Json> {
    return api(`/flows/${key}`);
  }

  async function conversationOfPatient(): Promise<Json> {
    return eventually(async () => {
      const page = await api<{ data: Json[] }>('/conversations?view=all&status=open');
      return page.data.find((c) => (c.contact as Json).display_name === PATIENT);
    });
  }

  function clinicSays(text: string | RegExp) {
    return phone.getByTestId('phone-clinic').filter({ hasText: text }).last();
  }

  test('the administrator finds the four built-in flows under Automation', async () => {
    await admin.goto('/login');
    await admin.getByRole('textbox', { name: 'E-mail' }).fill(careline.demo.adminEmail);
    await admin.getByRole('textbox', { name: 'Password' }).fill(careline.demo.adminPassword);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(/\/inbox/);
    await admin.goto('/settings');
    await admin
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Automation' })
      .click();
    await admin.waitForURL(/\/settings\/automation$/);
    await admin.getByRole('heading', { name: 'Automation', level: 1 }).waitFor();

    // The demo clinic has the built-in flows installed (more may come with new features).
    const rows = admin.getByTestId('flow-row');
    await rows.first().waitFor();
    const listed = await rows.allTextContents();
    for (const name of BUILT_IN) expect(listed.filter((row) => row.includes(name))).toHaveLength(1);
    const row = (name: string) => rows.filter({ has: admin.getByRole('link', { name, exact: true }) });
    for (const name of BUILT_IN) await row(name).getByText('Built-in', { exact: true }).waitFor();
    const menu = row('Menu / FAQ');
    await menu.getByText('New conversation').waitFor();
    await menu.getByText('Keyword: menu, help, faq').waitFor();
    await row('Satisfaction survey').getByText('Conversation closed').waitFor();
    await expect(admin.getByTestId('csat-count').textContent()).resolves.toBe('0');
    await screenshot(admin, `${engine}-flows-01-list`);
  });

  test('turns the symptom intake off, then on again', async () => {
    const toggle = admin.getByRole('switch', { name: 'Turn on Symptom intake' });
    await expect(toggle.isChecked()).resolves.toBe(true);
    await toggle.click({ force: true });
    await admin
      .getByText('Symptom intake is off: no new conversation starts it; those in it finish.')
      .waitFor();
    await expect(toggle.isChecked()).resolves.toBe(false);
    expect((await flow('symptom_intake')).enabled).toBe(false);

    await toggle.click({ force: true });
    await admin.getByText('Symptom intake is on: patients start it again.').waitFor();
    expect((await flow('symptom_intake')).enabled).toBe(true);
  });

  test('the FAQ menu reads as an outline of its steps, each exit a link to its step', async () => {
    await admin.getByRole('link', { name: 'Menu / FAQ', exact: true }).click();
    await admin.waitForURL(/\/settings\/automation\/faq_menu$/);
    await admin.getByRole('heading', { name: 'Menu / FAQ', level: 1 }).waitFor();
    const outline = admin.getByRole('list', { name: 'Steps of Menu / FAQ' });
    const steps = outline.getByTestId('outline-step');
    await expect(steps.first().getAttribute('data-step')).resolves.toBe('welcome');
    await expect(steps.nth(1).getAttribute('data-step')).resolves.toBe('menu');
    const menu = outline.locator('[data-step="menu"]');
    await menu.getByText('What would you like to do?').waitFor();
    await menu.getByText('Health tips').waitFor();
    await menu.getByText('Not understood after 2 tries').waitFor();

    await menu.getByRole('link', { name: 'Go to step reception' }).click();
    await expect.poll(() => admin.evaluate('document.activeElement?.id')).toBe('step-reception');

    await admin
      .getByRole('radiogroup', { name: 'Texts in' })
      .locator('label')
      .filter({ hasText: 'FR' })
      .click();
    await menu.getByText('Que souhaitez-vous faire ?').waitFor();
    await menu.scrollIntoViewIfNeeded();
    await screenshot(admin, `${engine}-flows-02-outline`);
  });

  test('adds a French keyword to the FAQ menu’s triggers', async () => {
    const french = admin.getByRole('textbox', { name: 'French keywords' });
    await french.fill('accueil');
    await french.press('Enter');
    await admin.getByRole('button', { name: 'Save', exact: true }).click();
    await admin.getByText('The settings of Menu / FAQ are saved.').waitFor();
    const triggers = (await flow('faq_menu')).triggers as Json[];
    expect(triggers.find((t) => t.kind === 'keyword')?.words).toMatchObject({
      fr: ['menu', 'aide', 'questions fréquentes', 'accueil'],
    });
  });

  test('edits the FAQ menu as JSON: a syntax error, then a problem named at its path, then version 2', async () => {
    await admin.getByRole('link', { name: 'Edit as JSON' }).click();
    await admin.waitForURL(/\/faq_menu\/json$/);
    await admin.getByText('Conversations already in this flow finish on version 1').waitFor();
    const editor = admin.getByRole('textbox', { name: 'Flow definition (JSON)' });
    const original = await editor.inputValue();
    const definition = JSON.parse(original) as { steps: { menu: Json } };

    // A comma too many is caught before anything is sent, with its line and column.
    await editor.fill(original.replace('"start": "welcome",', '"start": "welcome",,'));
    await admin.getByRole('button', { name: 'Publish version 2' }).click();
    const syntax = admin
      .getByRole('alert')
      .filter({ hasText: /^This is not valid JSON: line \d+, column \d+\./ });
    await syntax.getByText('A name in double quotes is expected here').waitFor();

    // Valid JSON the engine refuses: the server names the field, the outline shows the step.
    definition.steps.menu.maxAttempts = 0;
    await editor.fill(JSON.stringify(definition, null, 2));
    await admin.getByRole('button', { name: 'Publish version 2' }).click();
    const issue = admin.getByTestId('json-issue').filter({ hasText: 'steps.menu.maxAttempts' });
    await issue.getByText('must be ≥ 1').waitFor();
    await admin.getByText('Not published: 1 problem to fix.').waitFor();
    await expect(admin.locator('#preview-menu').getAttribute('data-invalid')).resolves.toBe('true');
    await issue.click();
    const selected = await editor.evaluate((element) => {
      const area = element as unknown as { value: string; selectionStart: number; selectionEnd: number };
      return area.value.slice(area.selectionStart, area.selectionEnd);
    });
    expect(selected).toBe('"maxAttempts": 0');
    await screenshot(admin, `${engine}-flows-03-json-error`);
    expect((await flow('faq_menu')).version).toBe(1);

    definition.steps.menu.maxAttempts = 3;
    await editor.fill(JSON.stringify(definition, null, 2));
    await admin.getByRole('button', { name: 'Publish version 2' }).click();
    await admin.waitForURL(/\/settings\/automation\/faq_menu$/);
    await admin.getByText('Version 2 of Menu / FAQ is published.').waitFor();
    await admin.getByTestId('flow-version').filter({ hasText: 'Version 2' }).getByText('Current').waitFor();
    await admin.getByTestId('flow-version-badge').filter({ hasText: 'Version 2' }).waitFor();
    await admin.locator('[data-step="menu"]').getByText('Not understood after 3 tries').waitFor();
    await admin.getByTestId('flow-version').first().scrollIntoViewIfNeeded();
    const published = await flow('faq_menu');
    expect(published.version).toBe(2);
    expect((published.versions as Json[]).map((v) => v.version).sort()).toEqual([1, 2]);
    await screenshot(admin, `${engine}-flows-04-version-2`);
  });

  test('the symptom intake’s outline says its conditions and where a red flag leads', async () => {
    await admin.goto('/settings/automation/symptom_intake');
    const outline = admin.getByRole('list', { name: 'Steps of Symptom intake' });
    const complaint = outline.locator('[data-step="complaint"]');
    await complaint.getByText('Screened for red flags').waitFor();
    await complaint
      .locator('[data-exit="red_flag"]')
      .getByRole('link', { name: 'Go to step red_flag' })
      .waitFor();
    await outline.locator('[data-step="pregnancy_check"]').getByText('If age ≥ 12 and age ≤ 55').waitFor();
    await outline.locator('[data-step="severity_check"]').scrollIntoViewIfNeeded();
    await screenshot(admin, `${engine}-flows-05-intake-outline`);
  });

  test('a patient writes on the phone and the bot answers with its menu', async () => {
    await phone.goto('/phone');
    await phone.getByRole('textbox', { name: 'Votre nom' }).fill(PATIENT);
    await phone.getByRole('textbox', { name: 'Votre numéro de mobile' }).fill('+33 6 11 22 33 44');
    await phone.getByRole('button', { name: 'Commencer' }).click();
    await phone
      .getByRole('textbox', { name: 'Message à l’établissement' })
      .fill('Bonjour, j’ai une question');
    await phone.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await clinicSays('Bienvenue').waitFor(LIVE);
    await clinicSays('Que souhaitez-vous faire ?').getByText('Voir le menu').waitFor(LIVE);
    await screenshot(phone, `${engine}-flows-06-phone-menu`);
  });

  test('in the inbox the bot runs; the agent replies and it pauses; handed back, it runs again', async () => {
    await admin.goto('/inbox?view=all');
    await admin.getByRole('option', { name: new RegExp(PATIENT) }).click();
    const banner = admin.getByTestId('automation-banner');
    await banner.getByText('Automation running: Menu / FAQ').waitFor(LIVE);
    await screenshot(admin, `${engine}-flows-07-banner-running`);

    await admin
      .getByRole('textbox', { name: 'Message to the patient' })
      .fill('Bonjour Chloé, je regarde cela.');
    await admin.getByRole('button', { name: 'Send', exact: true }).click();
    await banner.getByText('Automation paused (you replied)').waitFor(LIVE);
    await clinicSays('je regarde cela').waitFor(LIVE);
    await screenshot(admin, `${engine}-flows-08-banner-paused`);
    expect((await conversationOfPatient()).automation).toMatchObject({
      status: 'paused',
      reason: 'agent_replied',
    });

    await banner.getByRole('button', { name: 'Hand back to the bot' }).click();
    await banner.getByText('Automation running: Menu / FAQ').waitFor(LIVE);
    expect((await conversationOfPatient()).automation).toMatchObject({
      flow_key: 'faq_menu',
      status: 'running',
    });
  });

  test('starts another flow by hand, then stops it', async () => {
    await admin.getByRole('button', { name: 'Start a flow' }).click();
    await admin.getByText('Starting one stops Menu / FAQ.').waitFor();
    await admin.getByRole('menuitem', { name: 'Non-urgent medical question' }).click();
    const banner = admin.getByTestId('automation-banner');
    await banner.getByText('Automation running: Non-urgent medical question').waitFor(LIVE);
    expect((await conversationOfPatient()).automation).toMatchObject({ flow_key: 'non_urgent_question' });

    await banner.getByRole('button', { name: 'Stop the automation' }).click();
    await admin.getByText('The automation stopped: the conversation is with the team.').waitFor();
    await banner.waitFor({ state: 'detached', ...LIVE });
    expect((await conversationOfPatient()).automation).toBeNull();
  });

  test('closing the conversation asks the patient for a rating; a 5 shows in the satisfaction figures', async () => {
    await admin
      .getByRole('radiogroup', { name: 'Conversation status' })
      .locator('label')
      .filter({ hasText: 'Closed' })
      .click();
    const survey = clinicSays('Comment évaluez-vous notre échange');
    await survey.getByText('Noter').click(LIVE);
    await phone
      .getByRole('dialog', { name: 'Noter' })
      .getByRole('button', { name: /Très satisfait/ })
      .click();
    await clinicSays('Souhaitez-vous ajouter un commentaire').waitFor(LIVE);
    await phone.getByRole('textbox', { name: 'Message à l’établissement' }).fill('Passer');
    await phone.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await clinicSays('Merci pour votre retour').waitFor(LIVE);

    await admin.goto('/settings/automation');
    const panel = admin.getByTestId('csat');
    await expect.poll(() => panel.getByTestId('csat-count').textContent(), LIVE).toBe('1');
    await expect(panel.getByTestId('csat-mean').textContent()).resolves.toBe('5.0');
    await panel.getByText('5 stars: 1 answer').waitFor();
    await panel.getByText('4 stars: 0 answers').waitFor();
    expect(await api('/csat')).toMatchObject({ count: 1, average: 5 });

    // A team none of whose conversations was rated has no answers.
    await admin.getByRole('textbox', { name: 'Team' }).click();
    await admin.getByRole('option', { name: 'Pédiatrie' }).click();
    await expect.poll(() => panel.getByTestId('csat-count').textContent(), LIVE).toBe('0');
    await admin.getByRole('textbox', { name: 'Team' }).click();
    await admin.getByRole('option', { name: 'All teams' }).click();
    await expect.poll(() => panel.getByTestId('csat-count').textContent(), LIVE).toBe('1');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(admin, `${engine}-flows-09-satisfaction`);
  });

  test('the automation screens speak French', async () => {
    await admin
      .getByRole('radiogroup', { name: 'Language' })
      .locator('label')
      .filter({ hasText: 'FR' })
      .click();
    await admin.getByRole('heading', { name: 'Automatisation', level: 1 }).waitFor();
    const menu = admin
      .getByTestId('flow-row')
      .filter({ has: admin.getByRole('link', { name: 'Menu / Questions fréquentes', exact: true }) });
    await menu.getByText('Nouvelle conversation').waitFor();
    await menu.getByText('Mot-clé : menu, aide, questions fréquentes, accueil').waitFor();
    await admin.getByRole('switch', { name: 'Activer Questionnaire symptômes' }).waitFor();
    await admin.getByText('Satisfaction des patients').waitFor();
    await admin.evaluate('window.scrollTo(0, 0)');
    await screenshot(admin, `${engine}-flows-10-french`);
    await admin
      .getByRole('radiogroup', { name: 'Langue' })
      .locator('label')
      .filter({ hasText: 'EN' })
      .click();
    await admin.getByRole('heading', { name: 'Automation', level: 1 }).waitFor();
  });

  test('nothing the pages did left this machine', () => {
    expect(remoteRequestsOf(admin)).toEqual([]);
    expect(remoteRequestsOf(phone)).toEqual([]);
  });
});
