import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { channelAccounts, messages } from '../../src/db-schema.ts';
import { insertChannelAccount } from '../../src/modules/channel-accounts/channel-account.repository.ts';
import { sealChannelSecrets } from '../../src/modules/channel-accounts/channel-secrets.ts';
import { findOrgByRef } from '../../src/modules/orgs/org.repository.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const STEP = { timeout: 20_000 };
const ACCOUNT_SID = 'AC2c3d4e5f60718293a4b5c6d7e8f90a1b';
const AUTH_TOKEN = 'BrowserComposerSmsToken0123456';
const NUMBER = '+33757440000';

/**
 * The composer on an SMS conversation, in a real browser: before anything is sent, the agent sees how
 * many SMS segments the text takes and in which encoding, and why a text went UCS-2.
 */
describe.each(TEST_ENGINES)('the composer on SMS, in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let agent: Page;
  let conversationId: string;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    const org = await findOrgByRef(careline.handle.db, careline.demo.orgSlug);
    if (!org) throw new Error('no demo clinic');
    // The stored settings are the SMS adapter's (smsSettingsSchema), beside Careline's own.
    const settings = { from: NUMBER, accountSid: ACCOUNT_SID, apiUrl: `${careline.url}/simulator` };
    const account = await insertChannelAccount(careline.handle.db, {
      orgId: org.id,
      type: 'sms',
      name: 'SMS accueil',
      externalId: NUMBER,
      settings,
      secrets: await sealChannelSecrets(careline.handle.db, careline.careline.keyring, org.id, {
        authToken: AUTH_TOKEN,
      }),
    });
    careline.simulator.sms.registerNumber({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: NUMBER,
      webhookUrl: `${careline.url}/webhooks/sms/${account.id}`,
    });
    const acted = await careline.simulator.sms.patientActs(
      NUMBER,
      {
        person: { phone: '+33612445566' },
        action: { text: 'Bonjour, je voudrais déplacer mon rendez-vous' },
      },
      `${careline.url}/simulator`,
    );
    expect(acted.httpStatus).toBe(200);
    conversationId = await eventually(async () => {
      const [row] = await careline.handle.db
        .select({ id: messages.conversationId })
        .from(messages)
        .where(eq(messages.externalId, acted.messageSid));
      return row?.id;
    }, STEP.timeout);
    expect((await careline.handle.db.select().from(channelAccounts)).some((a) => a.type === 'sms')).toBe(
      true,
    );
    browser = await launchBrowser();
    agent = await newPage(browser, careline.url, 'en-GB');
    agent.setDefaultTimeout(STEP.timeout);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  test(
    'the segment count follows the text: one, two, then UCS-2 with the characters named',
    STEP,
    async () => {
      await agent.goto('/login');
      await agent.getByRole('textbox', { name: 'E-mail' }).fill(careline.demo.adminEmail);
      await agent.getByRole('textbox', { name: 'Password' }).fill(careline.demo.adminPassword);
      await agent.getByRole('button', { name: 'Sign in' }).click();
      await agent.waitForURL(/\/inbox/);
      await agent.goto(`/inbox/${conversationId}`);
      const box = agent.getByRole('textbox', { name: 'Message to the patient' });
      const count = agent.getByTestId('sms-segments');

      await box.fill('Bonjour, votre rendez-vous est confirmé pour jeudi 9h.');
      await count.getByText('1 SMS segment (GSM-7)').waitFor();
      await box.fill(`Bonjour, ${'votre rendez-vous est confirmé. '.repeat(6)}`);
      await count.getByText('2 SMS segments (GSM-7)').waitFor();
      await box.fill('Rendez-vous à l’hôpital demain 🙂');
      await count.getByText('1 SMS segment (UCS-2)').waitFor();
      await count.getByText(/Characters outside the SMS alphabet \(’ ô 🙂\)/).waitFor();
      await screenshot(agent, `${engine}-sms-composer-ucs2`);
    },
  );
});
