import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations } from '../../src/db-schema.ts';
import { forgetCareGroupAccess } from '../../src/modules/care-groups/care-group.service.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import {
  type CarelineWithWeb,
  signInAsDemoAdmin,
  startCarelineWithWeb,
} from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const STEP = { timeout: 20_000 };

/**
 * WhatsApp care groups in a real browser: the administrator creates a group from the inbox's Groups
 * view, sees its invite link; a patient joins by it (the simulator plays the patient) and writes; the
 * message appears in the group's timeline under their name; the agent answers the group.
 */
describe.each(TEST_ENGINES)('WhatsApp care groups in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let agent: Page;

  beforeAll(async () => {
    forgetCareGroupAccess();
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    browser = await launchBrowser();
    agent = await newPage(browser, careline.url, 'en-GB');
    agent.setDefaultTimeout(STEP.timeout);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  test('create a group, copy its link, read a participant’s message and answer the group', async () => {
    await signInAsDemoAdmin(agent, careline);
    await agent.getByRole('link', { name: 'WhatsApp groups', exact: true }).click();
    await agent.waitForURL(/\/inbox\/groups/);
    await agent.getByText('No care group yet.').waitFor();

    await agent.getByRole('button', { name: 'New care group' }).click();
    const dialog = agent.getByRole('dialog', { name: 'New care group' });
    await dialog.getByRole('textbox', { name: 'Name of the group' }).fill('Asthma — spring workshop');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Questions between two sessions');
    await screenshot(agent, `${engine}-care-groups-01-new`);
    await dialog.getByRole('button', { name: 'Create the group' }).click();
    await agent.waitForURL(/\/inbox\/groups\/[0-9a-f-]{36}/);
    const link = agent.getByTestId('invite-link');
    await link.waitFor();
    const inviteLink = (await link.textContent()) ?? '';
    expect(inviteLink).toMatch(/^https:\/\/chat\.whatsapp\.com\//);
    await agent.getByText('Active', { exact: true }).first().waitFor();

    // The link goes to a patient in their one-to-one conversation (inside WhatsApp's 24-hour window).
    const [number] = careline.simulator.numbers();
    await careline.simulator.patientSends({
      phoneNumberId: number?.phoneNumberId,
      from: '+33622334455',
      name: 'Léa Dupont',
      text: 'Bonjour, je voudrais rejoindre l’atelier asthme',
    });
    // Her conversation is stored (the webhook's job) before the agent looks for it.
    await eventually(async () => {
      const rows = await careline.handle.db.select({ id: conversations.id }).from(conversations);
      return rows.length > 0 ? true : undefined;
    }, STEP.timeout);
    await agent.getByRole('button', { name: 'Send to a patient' }).click();
    const sendDialog = agent.getByRole('dialog', { name: 'Send the invite link to a patient' });
    await sendDialog.getByRole('textbox', { name: /Patient/ }).click();
    await agent.getByRole('option', { name: 'Léa Dupont' }).click();
    await sendDialog.getByRole('button', { name: 'Send' }).click();
    await agent.getByText('The invite link was sent').waitFor();
    await expect
      .poll(() =>
        careline.simulator
          .sends(number?.phoneNumberId ?? '')
          .some(
            (s) =>
              JSON.stringify(s.request).includes(inviteLink) &&
              JSON.stringify(s.request).includes('33622334455'),
          ),
      )
      .toBe(true);

    // The patient taps the link in WhatsApp, then writes in the group.
    const joined = careline.simulator.groups.join({ inviteLink, from: '+33622334455', name: 'Léa Dupont' });
    await agent.getByText('1 of 8 participants').waitFor();
    careline.simulator.groups.participantSends({
      groupId: joined.groupId,
      from: '+33622334455',
      text: 'My inhaler is almost empty, can I get a new prescription?',
    });
    const message = agent.getByTestId('group-message').filter({ hasText: 'My inhaler is almost empty' });
    await message.waitFor();
    await expect(message.getByText('Léa Dupont')).toBeTruthy();
    await message.getByText('Léa Dupont').waitFor();

    await agent
      .getByRole('textbox', { name: 'Write to the whole group…' })
      .fill('Yes Léa, the nurse calls you today.');
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    await agent.getByTestId('group-message').filter({ hasText: 'the nurse calls you today' }).waitFor();
    await agent
      .getByText(/Sent|Delivered/)
      .first()
      .waitFor();
    await screenshot(agent, `${engine}-care-groups-02-timeline`);

    // Her next message reads like an emergency: the agent is alerted at once, on the live feed.
    careline.simulator.groups.participantSends({
      groupId: joined.groupId,
      from: '+33622334455',
      text: 'I can’t breathe properly since this morning',
    });
    await agent.getByText('Patient emergency: difficulty breathing').first().waitFor();
    await agent.getByTestId('group-message').filter({ hasText: 'I can’t breathe properly' }).waitFor();
    await screenshot(agent, `${engine}-care-groups-03-red-flag`);
  }, 90_000);
});
