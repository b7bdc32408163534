import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_ENGINES } from '../support/test-db.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import {
  type CarelineWithWeb,
  signInAsDemoAdmin,
  startCarelineWithWeb,
} from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const LIVE = { timeout: 20_000 };

describe.each(TEST_ENGINES)('Settings > Integrations, in a real browser (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let receiver: WebhookReceiver;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    const dist = await builtWebApp();
    receiver = await startWebhookReceiver();
    careline = await startCarelineWithWeb(engine, dist, { outboundAllowedHosts: ['127.0.0.1'] });
    browser = await launchBrowser();
    admin = await newPage(browser, careline.url, 'en-GB');
    admin.setDefaultTimeout(LIVE.timeout);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
    await receiver?.close();
  });

  test('an administrator creates a webhook, sees its secret once, sends a test event and sees it delivered', async () => {
    await signInAsDemoAdmin(admin, careline);
    await admin.goto('/settings/staff');
    await admin
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Integrations' })
      .click();
    await admin.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor();
    await admin.getByText('No webhook yet.').waitFor();

    await admin.getByRole('button', { name: 'New webhook' }).click();
    await admin.getByRole('textbox', { name: 'Receiver URL' }).fill(receiver.url('/ehr'));
    await admin.getByRole('textbox', { name: 'Description' }).fill('EHR bridge');
    await admin.getByRole('checkbox', { name: 'appointment.booked' }).check();
    await admin.getByRole('button', { name: 'Create' }).click();
    const secret = (await admin.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    receiver.trust('/ehr', secret);
    await screenshot(admin, `${engine}-integrations-01-secret-once`);
    await admin.getByRole('button', { name: 'I have copied it' }).click();
    await admin.getByTestId('webhook-secret').waitFor({ state: 'detached' });
    await admin.reload();
    await admin.getByText('EHR bridge').waitFor();
    expect(await admin.content()).not.toContain(secret);

    await admin.getByRole('button', { name: 'Send test event' }).click();
    await admin.getByRole('button', { name: 'Delivery log' }).click();
    const log = admin.getByTestId('delivery-log');
    await log.getByText('webhook.test').waitFor(LIVE);
    await log.getByText('Delivered').waitFor(LIVE);
    await log.getByRole('cell', { name: '200', exact: true }).waitFor();
    await screenshot(admin, `${engine}-integrations-02-delivered`);
    const [got] = receiver.received('/ehr');
    expect(got?.verified).toMatchObject({ type: 'webhook.test' });
  });

  test('a receiver URL inside the network is refused with the reason, in the form', async () => {
    await admin.goto('/settings/integrations');
    await admin.getByRole('button', { name: 'New webhook' }).click();
    await admin
      .getByRole('textbox', { name: 'Receiver URL' })
      .fill('https://169.254.169.254/latest/meta-data');
    await admin.getByRole('button', { name: 'Create' }).click();
    await admin.getByText(/must not point to an internal address/).waitFor();
  });
});
