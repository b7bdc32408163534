import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations } from '../../src/db-schema.ts';
import { DEMO_LINE_BOT_USER_ID } from '../../src/demo/demo-channels.ts';
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
 * The demo phone writing from LINE to the demo clinic's LINE account (played by the simulator's
 * Messaging API stand-in): the bot's menu comes back as LINE buttons, a tap answers it, and the care
 * team's reply reaches the phone — what a visitor of the demo does, in a real browser.
 */
describe.each(TEST_ENGINES)('the demo phone on LINE, in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let phone: Page;
  let agent: Page;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist, { otherChannels: true });
    browser = await launchBrowser();
    phone = await newPage(browser, careline.url, 'en-GB');
    agent = await newPage(browser, careline.url, 'en-GB');
    for (const page of [phone, agent]) page.setDefaultTimeout(STEP.timeout);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  test('a patient writes on LINE, taps the menu’s button, and gets the care team’s answer', async () => {
    await phone.goto('/phone');
    await phone.getByRole('textbox', { name: 'Your name' }).fill('Yuki Tanaka');
    await phone.getByRole('textbox', { name: 'Your mobile number' }).fill('+81 90 1234 5678');
    await phone.getByRole('button', { name: 'Start chatting' }).click();
    await phone.getByRole('radiogroup', { name: 'Write from' }).getByText('LINE').click();
    await phone.getByRole('textbox', { name: 'Message to the clinic' }).fill('Bonjour, une question');
    await phone.getByRole('button', { name: 'Send', exact: true }).click();

    const clinic = phone.getByTestId('phone-clinic');
    const menu = clinic.filter({ hasText: 'Que souhaitez-vous faire ?' }).last();
    await menu.waitFor(STEP);
    await screenshot(phone, `${engine}-phone-line-menu`);
    const buttons = menu.getByRole('button');
    expect(await buttons.count()).toBeGreaterThan(1);
    const first = (await buttons.first().textContent())?.trim() ?? '';
    await buttons.first().click();
    // The tap shows as the patient's own message, as LINE shows a postback's display text.
    await phone.getByTestId('phone-mine').filter({ hasText: first }).waitFor(STEP);
    // Careline answered the tap within its reply token (free) or by push: either way the menu moved on.
    await eventually(async () => ((await clinic.count()) > 1 ? true : undefined), STEP.timeout);

    await signInAsDemoAdmin(agent, careline);
    const [account] = await listChannelAccountsOfType(careline.handle.db, 'line');
    const [conversation] = await careline.handle.db
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.channelAccountId, account?.id ?? ''));
    await agent.goto(`/inbox/${conversation?.id}`);
    const pushesBefore = careline.simulator.line.pushCount(DEMO_LINE_BOT_USER_ID);
    await agent
      .getByRole('textbox', { name: 'Message to the patient' })
      .fill('Bonjour Yuki, je vous écoute.');
    await agent.getByRole('button', { name: 'Send', exact: true }).click();
    await clinic.filter({ hasText: 'Bonjour Yuki, je vous écoute.' }).waitFor(STEP);
    // The tap's reply token went to the bot's answer: the care team's reply is a push, counted in the quota.
    expect(careline.simulator.line.pushCount(DEMO_LINE_BOT_USER_ID)).toBe(pushesBefore + 1);
    await screenshot(phone, `${engine}-phone-line-answer`);
  });
});
