import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contactIdentities, conversations, messages } from '../../src/db-schema.ts';
import { DEMO_PHONE_NUMBER_ID } from '../../src/demo/demo-clinic.ts';
import { listChannelAccountsOfType } from '../../src/modules/channel-accounts/channel-account.repository.ts';
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
 * A patient who wrote on WhatsApp and on Telegram, one record: the agent reads both channels in one
 * timeline and answers on Telegram from the WhatsApp conversation — the demo clinic, its simulated
 * number and bot, in a real browser.
 */
describe.each(TEST_ENGINES)('one patient on two channels, in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let agent: Page;
  let botId: string;
  const person = { key: 'browser-two-channels', name: 'Inès Moreau' };

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist, { otherChannels: true });
    const [bot] = await listChannelAccountsOfType(careline.handle.db, 'telegram');
    if (!bot) throw new Error('the demo clinic has no Telegram bot');
    botId = bot.externalId;
    browser = await launchBrowser();
    agent = await newPage(browser, careline.url, 'en-GB');
    agent.setDefaultTimeout(STEP.timeout);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  async function conversationOf(externalId: string): Promise<{ id: string; contactId: string }> {
    return eventually(async () => {
      const [row] = await careline.handle.db
        .select({ id: conversations.id, contactId: conversations.contactId })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(eq(messages.externalId, externalId));
      return row;
    }, STEP.timeout);
  }

  test('both channels in one timeline, and a reply sent on Telegram from the WhatsApp conversation', async () => {
    await signInAsDemoAdmin(agent, careline);

    const { wamid } = await careline.simulator.patientSends({
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      from: '+33655001122',
      name: person.name,
      text: 'Bonjour, je voudrais mon certificat de sport',
    });
    const whatsapp = await conversationOf(wamid);
    await careline.simulator.telegram.patientActs(botId, {
      person,
      action: { type: 'text', text: 'Je préfère être contactée ici' },
    });
    const [telegramMessage] = careline.simulator.telegram
      .messages(botId, person.key)
      .filter((m) => m.text === 'Je préfère être contactée ici');
    if (!telegramMessage) throw new Error('the patient’s Telegram message is not in the chat');
    const telegram = await conversationOf(`${telegramMessage.chat.id}:${telegramMessage.message_id}`);
    // One patient, as a merge leaves them: the Telegram identity and conversation are the WhatsApp record's.
    await careline.handle.db
      .update(contactIdentities)
      .set({ contactId: whatsapp.contactId })
      .where(eq(contactIdentities.contactId, telegram.contactId));
    await careline.handle.db
      .update(conversations)
      .set({ contactId: whatsapp.contactId })
      .where(eq(conversations.id, telegram.id));

    await agent.goto(`/inbox/${whatsapp.id}`);
    const log = agent.getByRole('log', { name: 'Messages' });
    await log.getByText('je voudrais mon certificat').waitFor();
    expect(await log.getByText('Je préfère être contactée ici').count()).toBe(0);

    await agent.getByText('All channels (2)').click();
    await log.getByText('Je préfère être contactée ici').waitFor();
    await log
      .getByText(/^On Telegram · /)
      .first()
      .waitFor();
    await log
      .getByText(/^On WhatsApp · /)
      .first()
      .waitFor();
    await screenshot(agent, `${engine}-patient-timeline-all-channels`);

    const replyOn = agent.getByRole('textbox', { name: 'Reply on' });
    await expect(replyOn.inputValue()).resolves.toMatch(/^WhatsApp · /);
    const replyWindow = agent.getByTestId('reply-via-window');
    await expect(replyWindow.textContent()).resolves.toMatch(/^this conversation, open until /);
    await replyOn.click();
    // Each option says what its window allows now.
    await agent.getByRole('option', { name: /Telegram · .*no window: anything can go/ }).click();
    await expect(replyWindow.textContent()).resolves.toBe('no window: anything can go');
    await agent.getByText(/^Sending on Telegram \(/).waitFor();
    await agent.getByRole('textbox', { name: 'Message to the patient' }).fill('Votre certificat est prêt.');
    await agent.getByRole('button', { name: 'Send', exact: true }).click();

    await eventually(
      async () =>
        careline.simulator.telegram
          .messages(botId, person.key)
          .find((m) => m.text === 'Votre certificat est prêt.'),
      STEP.timeout,
    );
    // It shows in the patient's timeline at once.
    await log.getByText('Votre certificat est prêt.').waitFor();
    await screenshot(agent, `${engine}-patient-reply-on-telegram`);
  });
});
