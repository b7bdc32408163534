import { eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { messages } from '../../src/db-schema.ts';
import { DEMO_PHONE_NUMBER_ID } from '../../src/demo/demo-clinic.ts';
import { listChannelAccountsOfType } from '../../src/modules/channel-accounts/channel-account.repository.ts';
import { openOneMessage } from '../../src/modules/inbox/message-sealing.ts';
import { messagesWebhook, patientText, postWebhook, unixNow } from '../support/meta-webhooks.ts';
import { refuseMarkedValues, UNSTORABLE, UNUSABLE_NAME } from '../support/refused-values.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, remoteRequestsOf, screenshot } from './support/browser.ts';
import { type CarelineWithWeb, startCarelineWithWeb } from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

// A bound, not a speed target (that is `npm run bench -- live`): a busy 2-core CI machine once took over 10 s.
const LIVE = { timeout: 20_000 };

describe.each(TEST_ENGINES)('messages the database refuses, in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    const dist = await builtWebApp();
    careline = await startCarelineWithWeb(engine, dist);
    await refuseMarkedValues(careline.handle.db);
    browser = await launchBrowser();
    admin = await newPage(browser, careline.url, 'en-GB');
    admin.setDefaultTimeout(LIVE.timeout);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
  });

  async function writes(patient: { name: string; phone: string }, text: string): Promise<string> {
    const sent = await careline.simulator.patientSends({
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      from: patient.phone,
      name: patient.name,
      text,
      // The database can see a refusal marker only in the id: the text is stored sealed.
      ...(text.includes(UNSTORABLE) ? { wamid: `wamid.alerts-${Date.now()}.${UNSTORABLE}` } : {}),
    });
    expect(sent.httpStatus).toBe(200);
    return sent.wamid;
  }

  async function storedText(wamid: string): Promise<string | null | undefined> {
    const [row] = await careline.handle.db.select().from(messages).where(eq(messages.externalId, wamid));
    return (await openOneMessage(careline.handle.db, careline.careline.keyring, row))?.text;
  }

  test('a message that cannot be stored is shown in Alerts, and an administrator retries it', async () => {
    await admin.goto('/login');
    await admin.getByRole('textbox', { name: 'E-mail' }).fill(careline.demo.adminEmail);
    await admin.getByRole('textbox', { name: 'Password' }).fill(careline.demo.adminPassword);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.waitForURL(/\/inbox/);

    const words = `Bonjour, mon traitement ${UNSTORABLE}`;
    const wamid = await writes({ name: 'Claire Petit', phone: '+33611000101' }, words);
    await admin.goto('/settings/staff');
    await admin.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Alerts' }).click();
    await admin.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor();
    const alert = admin.getByTestId('operator-alert').filter({ hasText: 'A delivery could not be stored' });
    await expect.poll(() => alert.count(), LIVE).toBe(1);
    await alert.getByText(/could not be stored: .*check_violation/).waitFor();
    expect(await alert.textContent()).not.toMatch(/traitement|Claire|611000101/);
    await screenshot(admin, `${engine}-alerts-01-not-stored`);

    // The cause fixed, the administrator retries: the message reaches the inbox, the alert closes.
    await careline.handle.db.execute(sql`delete from test_refused_markers where marker = ${UNSTORABLE}`);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await admin.getByText('Queued again. If it fails again, a new alert will say why.').waitFor();
    await alert.waitFor({ state: 'detached', ...LIVE });
    await admin.getByText('No open alert.').waitFor(LIVE);
    expect(await eventually(() => storedText(wamid))).toBe(words);
  });

  test('a message whose sender name cannot be stored shows the words and says what was left out', async () => {
    // Signed like Meta's: the simulator's own patients keep names WhatsApp would accept.
    const [account] = await listChannelAccountsOfType(careline.handle.db, 'whatsapp');
    const wamid = `wamid.alerts-unusable-name-${Date.now()}`;
    const body = patientText(
      DEMO_PHONE_NUMBER_ID,
      '33611000102',
      wamid,
      'Ma fièvre ne baisse pas',
      `Marc ${UNUSABLE_NAME}`,
    );
    const appSecret = account ? (await careline.careline.secretsOf(account)).appSecret : null;
    expect((await postWebhook(careline.url, body, appSecret)).status).toBe(200);
    const conversationId = await eventually(async () => {
      const [row] = await careline.handle.db
        .select({ conversationId: messages.conversationId })
        .from(messages)
        .where(eq(messages.externalId, wamid));
      return row?.conversationId;
    });
    await admin.goto(`/inbox/${conversationId}`);
    const message = admin.getByTestId('message').filter({ hasText: 'Ma fièvre ne baisse pas' });
    await message.waitFor(LIVE);
    await admin
      .getByTestId('omitted-parts')
      .getByText('Careline could not store part of this message and left it out: the sender’s profile name.')
      .waitFor();
    await screenshot(admin, `${engine}-alerts-02-omitted-name`);
  });

  test('a patient message Careline cannot read is shown in Alerts, and an administrator marks it resolved', async () => {
    // Signed by the clinic's app secret like Meta's, with a sender id no message can be filed under.
    const [account] = await listChannelAccountsOfType(careline.handle.db, 'whatsapp');
    const patient = '33611000103';
    const body = messagesWebhook(DEMO_PHONE_NUMBER_ID, {
      contacts: [{ profile: { name: 'Hélène Roux' }, wa_id: patient }],
      messages: [
        {
          from: `${patient}\u0000`,
          id: 'wamid.refused-in-a-browser',
          timestamp: unixNow(),
          type: 'text',
          text: { body: 'J’ai besoin de mon ordonnance' },
        },
      ],
    });
    const appSecret = account ? (await careline.careline.secretsOf(account)).appSecret : null;
    const response = await postWebhook(careline.url, body, appSecret);
    expect(response.status).toBe(200);

    await admin.goto('/settings/alerts');
    const alert = admin.getByTestId('operator-alert').filter({ hasText: 'A patient’s message was refused' });
    await expect.poll(() => alert.count(), LIVE).toBe(1);
    await alert.getByText(/malformed message: from: unusable identifier/).waitFor();
    await alert.getByText(/retrying would refuse it again/).waitFor();
    expect(await alert.textContent()).not.toMatch(/ordonnance|Hélène|Roux|611000103/);
    expect(await alert.getByRole('button', { name: 'Retry' }).count(), 'a retry could not help').toBe(0);
    await screenshot(admin, `${engine}-alerts-03-refused`);

    await alert.getByRole('button', { name: 'Mark resolved' }).click();
    await admin.getByText('Alert marked resolved.').waitFor();
    await alert.waitFor({ state: 'detached', ...LIVE });
    await admin.getByText('No open alert.').waitFor(LIVE);
  });

  test('nothing the pages did left this machine', () => {
    expect(remoteRequestsOf(admin)).toEqual([]);
  });
});
