import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type LineApiStandIn,
  startLineApiStandIn,
} from '../../src/channels/line/line-api-stand-in.test-support.ts';
import {
  type BotApiStandIn,
  startBotApiStandIn,
} from '../../src/channels/telegram/bot-api-stand-in.test-support.ts';
import {
  startViberApiStandIn,
  type ViberApiStandIn,
} from '../../src/channels/viber/viber-api-stand-in.test-support.ts';
import { channelAccounts } from '../../src/db-schema.ts';
import { findOrgByRef } from '../../src/modules/orgs/org.repository.ts';
import { createUser } from '../../src/modules/users/user.service.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { animationsSettled, launchBrowser, newPage, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const STEP = { timeout: 20_000 };
const BOT = '7200000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const PASSWORD = 'correct horse battery staple';
const LINE_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.BrowserLineChannelToken+/abc=';
const LINE_BOT = 'U0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const VIBER_TOKEN = '4453b6ac12345678-e02c5f12174805f9-b10e5e4b7e5fba5e';

describe.each(TEST_ENGINES)('Settings › Channels in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let botApi: BotApiStandIn;
  let lineApi: LineApiStandIn;
  let viberApi: ViberApiStandIn;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    // Careline listens on plain HTTP here: the stand-in accepts it, where Telegram asks for HTTPS.
    botApi = await startBotApiStandIn({ tokens: [BOT], allowHttp: true });
    lineApi = await startLineApiStandIn({ token: LINE_TOKEN });
    viberApi = await startViberApiStandIn({ token: VIBER_TOKEN });
    browser = await launchBrowser();
    page = await newPage(browser, careline.url, 'en-GB');
    page.setDefaultTimeout(STEP.timeout);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
    await botApi?.close();
    await lineApi?.close();
    await viberApi?.close();
  });

  async function signIn(email: string, password: string): Promise<void> {
    await page.context().clearCookies();
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/inbox/);
  }

  /** Signed in as the administrator, Settings › Channels › Add a channel › `type`, named `name`. */
  async function addChannelForm(type: string, shown: string, name: string) {
    await signIn(careline.demo.adminEmail, careline.demo.adminPassword);
    await page.goto('/settings/channels');
    await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add a channel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a channel' });
    await dialog.getByText('Which channel?').waitFor();
    await dialog.getByTestId(`channel-type-${type}`).click();
    const form = page.getByRole('dialog', { name: `Add a channel · ${shown}` });
    await form.getByRole('textbox', { name: 'Name shown to the team' }).fill(name);
    return form;
  }

  /** Connects the form's channel; its row in the list (named `name`, with the channel's icon) and webhook URL. */
  async function connectedRow(form: Locator, name: string, channel: string) {
    await form.getByRole('button', { name: 'Connect' }).click();
    await form.waitFor({ state: 'hidden' });
    const row = page.getByTestId('channel-row').filter({ hasText: name });
    await row.getByRole('img', { name: channel }).waitFor();
    return { row, shownUrl: (await row.getByTestId('webhook-url').textContent()) ?? '' };
  }

  test('an administrator adds a Telegram bot, sees its webhook URL, and removes it', STEP, async () => {
    await signIn(careline.demo.adminEmail, careline.demo.adminPassword);
    await page.goto('/settings/staff');
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Channels' }).click();
    await page.waitForURL(/\/settings\/channels$/);
    await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor();
    const whatsapp = page
      .getByTestId('channel-row')
      .filter({ has: page.getByRole('img', { name: 'WhatsApp' }) });
    await whatsapp.getByText(`${careline.url}/webhooks/whatsapp`).waitFor();
    // The demo clinic's own: its WhatsApp number, and the bot, Page and Instagram account the simulator plays.
    const before = await page.getByTestId('channel-row').count();

    await page.getByRole('button', { name: 'Add a channel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a channel' });
    await dialog.getByText('Which channel?').waitFor();
    await animationsSettled(page);
    await screenshot(page, `${engine}-channels-01-pick-type`);
    await dialog.getByTestId('channel-type-telegram').click();
    const form = page.getByRole('dialog', { name: 'Add a channel · Telegram' });
    // Refused before it is sent: the bot token is required.
    await form.getByRole('button', { name: 'Connect' }).click();
    await form.getByText('This is required.').waitFor();
    await form.getByRole('textbox', { name: 'Name shown to the team' }).fill('Bot de la clinique');
    await form.getByLabel('Bot token').fill(BOT);
    await form.getByRole('textbox', { name: 'Bot API server' }).fill(botApi.url);
    await animationsSettled(page);
    await screenshot(page, `${engine}-channels-02-telegram-form`);
    const { row, shownUrl } = await connectedRow(form, 'Bot de la clinique', 'Telegram');
    expect(shownUrl).toMatch(new RegExp(`^${careline.url}/webhooks/telegram/[0-9a-f-]{36}$`));
    expect(botApi.webhooks.get(BOT)?.url).toBe(shownUrl);
    await row.getByText('7200000001').waitFor();
    await row.getByRole('button', { name: 'Copy the webhook URL' }).waitFor();
    // The token typed is never shown back.
    await expect(page.content()).resolves.not.toContain(BOT.split(':')[1]);
    await screenshot(page, `${engine}-channels-03-telegram-added`);

    await row.getByRole('button', { name: 'Remove Bot de la clinique' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove Bot de la clinique?' });
    await confirm.getByRole('button', { name: 'Remove the channel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
    await expect(page.getByTestId('channel-row').count()).resolves.toBe(before);
  });

  test(
    'an administrator adds a LINE channel: the bot’s user id and its webhook URL are listed',
    STEP,
    async () => {
      const form = await addChannelForm('line', 'LINE', 'LINE de la clinique');
      await form.getByLabel('Channel secret').fill('8a7f9c0e4b2d6f1a3c5e7b9d0f2a4c6e');
      await form.getByLabel('Channel access token').fill(LINE_TOKEN);
      await form.getByRole('textbox', { name: 'Messaging API server' }).fill(lineApi.url);
      await animationsSettled(page);
      await screenshot(page, `${engine}-channels-05-line-form`);
      const { row, shownUrl } = await connectedRow(form, 'LINE de la clinique', 'LINE');
      await row.getByText(LINE_BOT).waitFor();
      expect(shownUrl).toMatch(new RegExp(`^${careline.url}/webhooks/line/[0-9a-f-]{36}$`));
      expect(lineApi.calls.find((call) => call.method === 'PUT')?.body).toEqual({ endpoint: shownUrl });
      await expect(page.content()).resolves.not.toContain('BrowserLineChannelToken');
      await screenshot(page, `${engine}-channels-06-line-added`);
    },
  );

  test(
    'an administrator adds an SMS number: the account is checked, the number and the webhook URL to set are listed',
    STEP,
    async () => {
      const accountSid = 'AC1b2c3d4e5f60718293a4b5c6d7e8f90a';
      const authToken = 'BrowserSmsAuthToken0123456789ab';
      careline.simulator.sms.registerNumber({ accountSid, authToken, from: '+33757330000' });
      const form = await addChannelForm('sms', 'SMS', 'SMS de l’accueil');
      await form.getByRole('textbox', { name: 'Account SID' }).fill(accountSid);
      await form.getByRole('textbox', { name: 'SMS number' }).fill('+33757330000');
      await form.getByLabel('Auth token').fill(authToken);
      await form.getByRole('textbox', { name: 'API server' }).fill(`${careline.url}/simulator`);
      await animationsSettled(page);
      await screenshot(page, `${engine}-channels-07-sms-form`);
      const { row, shownUrl } = await connectedRow(form, 'SMS de l’accueil', 'SMS');
      await row.getByText('+33757330000').waitFor();
      expect(shownUrl).toMatch(new RegExp(`^${careline.url}/webhooks/sms/[0-9a-f-]{36}$`));
      await expect(page.content()).resolves.not.toContain('BrowserSmsAuthToken');
      await screenshot(page, `${engine}-channels-08-sms-added`);
    },
  );

  test(
    'an administrator adds a Viber bot with bot-initiated messages: its account id and webhook URL are listed',
    STEP,
    async () => {
      const form = await addChannelForm('viber', 'Viber', 'Viber de la clinique');
      await form.getByText('Text and buttons only').waitFor();
      await form.getByLabel('Auth token').fill(VIBER_TOKEN);
      await form.getByRole('textbox', { name: 'REST Bot API server' }).fill(viberApi.url);
      const botInitiated = form.getByRole('switch', { name: 'Bot-initiated messages' });
      expect(await botInitiated.isChecked()).toBe(false);
      await botInitiated.check({ force: true });
      await animationsSettled(page);
      await screenshot(page, `${engine}-channels-07-viber-form`);
      const { row, shownUrl } = await connectedRow(form, 'Viber de la clinique', 'Viber');
      await row.getByText('pa:5741311803571721000').waitFor();
      expect(shownUrl).toMatch(new RegExp(`^${careline.url}/webhooks/viber/[0-9a-f-]{36}$`));
      expect(viberApi.calls.find((call) => call.path === '/pa/set_webhook')?.body).toMatchObject({
        url: shownUrl,
      });
      await expect(page.content()).resolves.not.toContain('b10e5e4b7e5fba5e');
      const [stored] = (await careline.handle.db.select().from(channelAccounts)).filter(
        (a) => a.type === 'viber',
      );
      expect(stored?.settings).toMatchObject({ apiUrl: viberApi.url, botInitiated: true });
      await screenshot(page, `${engine}-channels-08-viber-added`);
    },
  );

  test('an agent sees the channels but cannot add, change or remove one', STEP, async () => {
    const org = await findOrgByRef(careline.handle.db, careline.demo.orgSlug);
    if (!org) throw new Error('no demo clinic');
    const agent = await createUser(careline.handle.db, {
      orgId: org.id,
      email: 'front.desk@demo.careline.test',
      password: PASSWORD,
      role: 'agent',
      name: 'Front Desk',
    });
    await signIn(agent.email, PASSWORD);
    await page.goto('/settings/channels');
    await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor();
    await page
      .getByTestId('channel-row')
      .filter({ has: page.getByRole('img', { name: 'WhatsApp' }) })
      .getByText(`${careline.url}/webhooks/whatsapp`)
      .waitFor();
    await page.getByText('Only administrators can add or change channels.').waitFor();
    await expect(page.getByRole('button', { name: 'Add a channel' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Remove / }).count()).resolves.toBe(0);
    await screenshot(page, `${engine}-channels-04-agent`);
  });
});
