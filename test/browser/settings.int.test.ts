import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PHONE_NUMBER_ID } from '../../src/demo/demo-clinic.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, remoteRequestsOf, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

// A bound, not a speed target (that is `npm run bench -- live`): a busy 2-core CI machine once took over 10 s.
const LIVE = { timeout: 20_000 };
const AGENT = { name: 'Julie Bernard', email: 'julie.bernard@demo.careline.test' };
const DEMO_NUMBER = '+33 1 80 00 00 00';
/** A team the demo clinic does not have yet. */
const TEAM = 'Secrétariat';

interface Json {
  [key: string]: unknown;
}

describe.each(TEST_ENGINES)('the clinic’s settings in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let admin: Page;
  let agent: Page;
  let agentPassword = '';

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    admin = await newPage(browser, careline.url, 'en-GB');
    agent = await newPage(browser, careline.url, 'en-GB');
    // A step that cannot happen fails with its locator, well before the test's own time-out.
    for (const page of [admin, agent]) page.setDefaultTimeout(LIVE.timeout);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  /** Reads the API as the demo clinic's integration would, to check what the screens saved. */
  async function api<T = Json>(path: string): Promise<T> {
    const response = await fetch(`${careline.url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${careline.demo.apiKey}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/inbox/);
  }

  test('the administrator opens the settings from the account menu', async () => {
    await signIn(admin, careline.demo.adminEmail, careline.demo.adminPassword);
    await admin.getByRole('button', { name: /^Account of/ }).click();
    await admin.getByRole('menuitem', { name: 'Clinic settings' }).click();
    await admin.waitForURL(/\/settings\/staff$/);
    await admin.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
    const nav = admin.getByRole('navigation', { name: 'Settings' });
    for (const link of ['Staff', 'Teams', 'Saved replies'])
      await nav.getByRole('link', { name: link }).waitFor();
    await admin.getByTestId('staff-row').filter({ hasText: careline.demo.adminEmail }).waitFor();
  });

  test('adds an agent with a generated password, shown once', async () => {
    await admin.getByRole('button', { name: 'Add a staff member' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Add a staff member' });
    // Refused before it is sent: the e-mail is required.
    await dialog.getByRole('textbox', { name: 'Name' }).fill(AGENT.name);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByText('This is required.').waitFor();
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill(AGENT.email);
    await expect(dialog.getByRole('radio', { name: /^Agent/ }).isChecked()).resolves.toBe(true);
    await screenshot(admin, `${engine}-settings-01-add-staff`);
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();

    const reveal = admin.getByRole('dialog', { name: `Sign-in details for ${AGENT.name}` });
    await reveal.waitFor();
    agentPassword = (await reveal.getByLabel('Password', { exact: true }).textContent()) ?? '';
    expect(agentPassword).toMatch(/^\S{12,}$/);
    await screenshot(admin, `${engine}-settings-02-password-once`);
    await reveal.getByRole('button', { name: 'Done' }).click();
    await reveal.waitFor({ state: 'hidden' });

    const row = admin.getByTestId('staff-row').filter({ hasText: AGENT.email });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('Agent');
    await screenshot(admin, `${engine}-settings-03-staff`);
  });

  test('a second admin with the same e-mail is refused beside the field', async () => {
    await admin.getByRole('button', { name: 'Add a staff member' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Add a staff member' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Julie Doublon');
    await dialog.getByRole('textbox', { name: 'E-mail' }).fill(AGENT.email.toUpperCase());
    await dialog.getByRole('button', { name: 'Add', exact: true }).click();
    await dialog.getByText('This e-mail already has a Careline account.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('creates a team with that agent and makes it the number’s default team', async () => {
    await admin.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Teams' }).click();
    await admin.waitForURL(/\/settings\/teams$/);
    await admin.getByRole('button', { name: 'New team' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New team' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(TEAM);
    await dialog.getByRole('radio', { name: /^Round robin/ }).check();
    const members = dialog.getByRole('textbox', { name: 'Members' });
    await members.click();
    await members.fill('Julie');
    await admin.getByRole('option', { name: new RegExp(AGENT.name) }).click();
    await members.press('Escape');
    await screenshot(admin, `${engine}-settings-04-new-team`);
    await dialog.getByRole('button', { name: 'Create the team' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const card = admin.getByTestId('team-card').filter({ hasText: TEAM });
    await card.getByText(AGENT.name).waitFor();

    await admin.getByRole('textbox', { name: `Team for new conversations of ${DEMO_NUMBER}` }).click();
    await admin.getByRole('option', { name: TEAM }).click();
    await admin.getByText(`New conversations now go to ${TEAM}.`).waitFor();
    await card.getByText('Default team of').waitFor();
    await screenshot(admin, `${engine}-settings-05-teams`);
    const { data } = await api<{ data: Json[] }>('/channels');
    // The demo clinic's WhatsApp number (it also has the simulator's Telegram bot, Page and Instagram account).
    expect(data.find((channel) => channel.type === 'whatsapp')?.default_team).toMatchObject({ name: TEAM });
  });

  test('creates a saved reply, found by searching', async () => {
    await admin
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Saved replies' })
      .click();
    await admin.getByRole('button', { name: 'New saved reply' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New saved reply' });
    await dialog.getByRole('textbox', { name: 'Shortcut' }).fill('Parking!');
    await dialog
      .getByRole('textbox', { name: 'Text' })
      .fill('Le parking est gratuit pour les patients, entrée par la rue des Lilas.');
    await dialog.getByRole('button', { name: 'Save the reply' }).click();
    await dialog.getByText('Use 1 to 32 lowercase letters, digits, - or _.').waitFor();
    await dialog.getByRole('textbox', { name: 'Shortcut' }).fill('parking');
    await dialog.getByRole('textbox', { name: 'Language' }).click();
    await admin.getByRole('option', { name: 'Français' }).click();
    await dialog.getByRole('button', { name: 'Save the reply' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = admin.getByTestId('saved-reply-row').filter({ hasText: '/parking' });
    await row.waitFor();
    await admin.getByRole('searchbox', { name: 'Search saved replies' }).fill('gratuit');
    await row.waitFor();
    await screenshot(admin, `${engine}-settings-06-saved-replies`);
    // The demo's own replies are there too (/horaires…); a word none of them holds finds nothing.
    await admin.getByRole('searchbox', { name: 'Search saved replies' }).fill('kinésithérapie');
    await admin.getByText('No saved reply matches “kinésithérapie”.').waitFor();
  });

  test('sets the reminder rules: a day and an hour before, at any hour; a too-short one is refused beside the list', async () => {
    await admin
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Reminders' })
      .click();
    await admin.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor();
    const amount = (n: number) => admin.getByRole('textbox', { name: `Reminder ${n}: how long` });
    const unit = (n: number) => admin.getByRole('textbox', { name: `Reminder ${n}: unit` });
    // The defaults: 2 days and 2 hours before, quiet at night.
    await expect(amount(1).inputValue()).resolves.toBe('2');
    await expect(unit(1).inputValue()).resolves.toBe('days');
    await expect(amount(2).inputValue()).resolves.toBe('2');
    await expect(unit(2).inputValue()).resolves.toBe('hours');
    const quiet = admin.getByRole('switch', { name: 'No reminders at night' });
    await expect(quiet.isChecked()).resolves.toBe(true);

    await amount(1).fill('1');
    await amount(2).fill('5');
    await unit(2).click();
    await admin.getByRole('option', { name: 'minutes' }).click();
    await admin.getByRole('button', { name: 'Save', exact: true }).click();
    await admin.getByRole('alert').filter({ hasText: 'must be at least 15 minutes' }).waitFor();
    expect((await api<{ offsets_minutes: number[] }>('/reminder-policy')).offsets_minutes).toEqual([
      2880, 120,
    ]);

    await amount(2).fill('60');
    await quiet.uncheck();
    await screenshot(admin, `${engine}-settings-07-reminders`);
    await admin.getByRole('button', { name: 'Save', exact: true }).click();
    await admin.getByText('Reminder rules saved.').waitFor();
    expect(await api('/reminder-policy')).toMatchObject({ offsets_minutes: [1440, 60], quiet_hours: null });

    await admin.reload();
    await expect(amount(1).inputValue()).resolves.toBe('1');
    await expect(unit(2).inputValue()).resolves.toBe('hours');
    await expect(amount(2).inputValue()).resolves.toBe('1');
    await expect(quiet.isChecked()).resolves.toBe(false);
  });

  test('orders the reminders’ channels: Telegram first, then WhatsApp; kept after a reload', async () => {
    await admin.getByRole('heading', { name: 'Reminders', level: 1 }).waitFor();
    await admin.getByText('No order: the channel of the patient’s latest conversation.').waitFor();
    const add = admin.getByRole('textbox', { name: 'Add a channel' });
    await add.click();
    await admin.getByRole('option', { name: 'WhatsApp' }).click();
    await add.click();
    await admin.getByRole('option', { name: 'Telegram' }).click();
    await admin.getByRole('button', { name: 'Move Telegram up' }).click();
    const order = admin.getByRole('list', { name: 'Channel order' });
    await expect(order.getByRole('listitem').allTextContents()).resolves.toEqual([
      expect.stringContaining('Telegram'),
      expect.stringContaining('WhatsApp'),
    ]);
    await screenshot(admin, `${engine}-settings-07-reminders-channel-order`);
    await admin.getByRole('button', { name: 'Save', exact: true }).click();
    await admin.getByText('Reminder rules saved.').waitFor();
    expect(await api('/reminder-policy')).toMatchObject({ channel_order: ['telegram', 'whatsapp'] });
    await admin.reload();
    await admin.getByRole('button', { name: 'Move WhatsApp up' }).waitFor();
    await expect(order.getByRole('listitem').count()).resolves.toBe(2);
  });

  test('the new agent signs in, sees only their profile in the settings, and is online', async () => {
    await signIn(agent, AGENT.email, agentPassword);
    await agent.goto('/settings');
    await agent.getByText('Administrators only').waitFor();
    await agent.getByText(AGENT.email).first().waitFor();
    await screenshot(agent, `${engine}-settings-07-agent-admins-only`);
    await agent.getByRole('link', { name: 'Back to the inbox' }).first().click();
    await agent.waitForURL(/\/inbox/);
  });

  test('a patient writes: the conversation lands in the team, with the agent', async () => {
    const sent = await careline.simulator.patientSends({
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      from: '+33622334455',
      name: 'Lucie Moreau',
      text: 'Bonjour, quels sont vos horaires ?',
    });
    expect(sent.httpStatus).toBe(200);
    const row = agent.getByRole('option', { name: /Lucie Moreau/ });
    await row.waitFor(LIVE);
    await row.click();
    await agent
      .getByRole('button', { name: /^Assigned to: Me/ })
      .filter({ hasText: TEAM })
      .waitFor();
    const conversations = await eventually(async () => {
      const page = await api<{ data: Json[] }>('/conversations?view=all');
      return page.data.length > 0 ? page.data : undefined;
    });
    expect(conversations[0]).toMatchObject({ team: { name: TEAM }, assignee: { name: AGENT.name } });

    // The agent answers with the saved reply.
    const composer = agent.getByRole('textbox', { name: 'Message to the patient' });
    await composer.fill('/hor');
    await agent
      .getByRole('listbox', { name: 'saved replies' })
      .getByRole('option', { name: /horaires/ })
      .click();
    await expect(composer.inputValue()).resolves.toContain('du lundi au vendredi');
    await screenshot(agent, `${engine}-settings-08-agent-inbox`);
  });

  test('the administrator sets the patient’s language and fields in the contact panel', async () => {
    await admin.goto('/inbox?view=all');
    await admin.getByRole('option', { name: /Lucie Moreau/ }).click();
    const panel = admin.getByRole('complementary');
    const language = panel.getByRole('textbox', { name: 'Language' });
    await language.click();
    await admin.getByRole('option', { name: 'English' }).click();
    await expect(language.inputValue()).resolves.toBe('English');
    const contactId = await eventually(async () => {
      const [conversation] = (await api<{ data: Json[] }>('/conversations?view=all')).data;
      const contact = (conversation?.contact ?? {}) as Json;
      const details = await api(`/contacts/${contact.id}`);
      return details.language === 'en' ? String(contact.id) : undefined;
    });

    await panel.getByRole('button', { name: 'Add a field' }).click();
    await panel.getByRole('textbox', { name: 'Field name' }).fill('mutuelle');
    await panel.getByRole('textbox', { name: 'Value' }).fill('MGEN');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    const value = panel.getByRole('textbox', { name: 'Mutuelle' });
    await value.waitFor();
    await value.fill('MGEN, contrat 2026');
    await value.press('Enter');
    await eventually(async () => {
      const details = await api(`/contacts/${contactId}`);
      return (details.custom_fields as Json).mutuelle === 'MGEN, contrat 2026' ? true : undefined;
    });

    // A second field of the same name is refused beside the field name.
    await panel.getByRole('button', { name: 'Add a field' }).click();
    await panel.getByRole('textbox', { name: 'Field name' }).fill('Mutuelle');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await panel.getByText('The patient already has a field “Mutuelle”: edit it above.').waitFor();
    await screenshot(admin, `${engine}-settings-09-contact-panel`);
    await panel.getByRole('button', { name: 'Cancel' }).click();

    await panel.getByRole('textbox', { name: 'Field name' }).waitFor({ state: 'detached' });
    await panel.getByRole('button', { name: 'Add a field' }).click();
    await panel.getByRole('textbox', { name: 'Field name' }).fill('allergies');
    await panel.getByRole('textbox', { name: 'Value' }).fill('Pénicilline');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await panel.getByRole('textbox', { name: 'Allergies' }).waitFor();
    await panel.getByRole('button', { name: 'Remove the field Mutuelle' }).click();
    await panel.getByRole('textbox', { name: 'Mutuelle' }).waitFor({ state: 'detached' });
    const details = await api(`/contacts/${contactId}`);
    expect(details.custom_fields).toEqual({ allergies: 'Pénicilline' });
  });

  test('the settings speak French', async () => {
    await admin.goto('/settings/teams');
    await admin
      .getByRole('radiogroup', { name: 'Language' })
      .locator('label')
      .filter({ hasText: 'FR' })
      .click();
    await admin.getByRole('heading', { name: 'Équipes', level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'Nouvelle équipe' }).waitFor();
    await admin.getByText('À tour de rôle').first().waitFor();
    await screenshot(admin, `${engine}-settings-10-french`);
    await admin
      .getByRole('navigation', { name: 'Réglages' })
      .getByRole('link', { name: 'Personnel' })
      .click();
    await admin.getByRole('heading', { name: 'Personnel', level: 1 }).waitFor();
    await admin.getByTestId('staff-row').filter({ hasText: AGENT.email }).getByText('En ligne').waitFor();
    await admin
      .getByRole('radiogroup', { name: 'Langue' })
      .locator('label')
      .filter({ hasText: 'EN' })
      .click();
    await admin.getByRole('heading', { name: 'Staff', level: 1 }).waitFor();
  });

  test('the last administrator cannot deactivate themselves; the reason is shown', async () => {
    const me = admin.getByTestId('staff-row').filter({ hasText: careline.demo.adminEmail });
    await me.getByRole('button', { name: /^Deactivate/ }).click();
    const dialog = admin.getByRole('dialog', { name: /^Deactivate/ });
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.getByText('This is the clinic’s last active administrator').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('capacity changes, and deactivating the agent signs them out and hands their work back', async () => {
    const row = admin.getByTestId('staff-row').filter({ hasText: AGENT.email });
    await row.getByRole('button', { name: `Edit ${AGENT.name}` }).click();
    const edit = admin.getByRole('dialog', { name: `Edit ${AGENT.name}` });
    await edit.getByRole('textbox', { name: 'Capacity' }).fill('250');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByText('A whole number from 1 to 200.').waitFor();
    await edit.getByRole('textbox', { name: 'Capacity' }).fill('3');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'hidden' });
    await row.getByRole('cell', { name: '3', exact: true }).waitFor();

    await row.getByRole('button', { name: `Deactivate ${AGENT.name}` }).click();
    const confirm = admin.getByRole('dialog', { name: `Deactivate ${AGENT.name}?` });
    await confirm.getByText('Their open conversation goes back to its team.').waitFor();
    await admin.waitForTimeout(300); // Mantine's opening transition (200 ms), for the picture.
    await screenshot(admin, `${engine}-settings-11-deactivate`);
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByText('Deactivated').waitFor();
    await row.getByRole('button', { name: `Reactivate ${AGENT.name}` }).waitFor();
    await screenshot(admin, `${engine}-settings-12-deactivated`);

    await agent.reload();
    await agent.waitForURL(/\/login/);
    const [conversation] = (await api<{ data: Json[] }>('/conversations?view=all')).data;
    expect(conversation).toMatchObject({ team: { name: TEAM }, assignee: null });
  });

  test('nothing the pages did left this machine', () => {
    expect(remoteRequestsOf(admin)).toEqual([]);
    expect(remoteRequestsOf(agent)).toEqual([]);
  });
});
