import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PHONE_NUMBER_ID } from '../../src/demo/demo-clinic.ts';
import { type S3Bucket, startS3Bucket } from '../support/s3-bucket.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { launchBrowser, newPage, screenshot } from './support/browser.ts';
import {
  type CarelineWithWeb,
  signInAsDemoAdmin,
  startCarelineWithWeb,
} from './support/careline-with-web.ts';
import { builtWebApp } from './support/web-build.ts';

const LIVE = { timeout: 20_000 };
const WORDS = '=SOMME(A1), puis "merci"\nà demain';

describe.each(TEST_ENGINES)('the Exports page (%s)', (engine) => {
  let careline: CarelineWithWeb;
  let browser: Browser;
  let admin: Page;
  let bucket: S3Bucket;

  beforeAll(async () => {
    bucket = await startS3Bucket();
    careline = await startCarelineWithWeb(engine, await builtWebApp(), {
      outboundAllowedHosts: ['127.0.0.1'],
    });
    browser = await launchBrowser();
    admin = await newPage(browser, careline.url, 'en-GB');
    admin.setDefaultTimeout(LIVE.timeout);
    const sent = await careline.simulator.patientSends({
      phoneNumberId: DEMO_PHONE_NUMBER_ID,
      from: '+33677001122',
      name: 'Inès Moreau',
      text: WORDS,
    });
    expect(sent.httpStatus).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await careline?.close();
    await bucket?.close();
  });

  test('an administrator downloads the messages of the period as a CSV a spreadsheet reads safely', async () => {
    await signInAsDemoAdmin(admin, careline);
    await admin.goto('/settings');
    await admin.getByRole('navigation').getByRole('link', { name: 'Exports' }).click();
    await admin.waitForURL(/\/settings\/exports$/);
    await admin.getByRole('heading', { name: 'Download' }).waitFor();
    await screenshot(admin, `${engine}-exports-page`);
    // The message may still be on its way in: the export reads what is stored when the link is followed.
    let text = '';
    for (let tries = 0; tries < 20 && !text.includes('SOMME'); tries++) {
      const [download] = await Promise.all([
        admin.waitForEvent('download'),
        admin.getByRole('link', { name: 'Download' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        /^careline-messages-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
      );
      text = await readFile(await download.path(), 'utf8');
      if (!text.includes('SOMME')) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(text.split('\r\n')[0]).toBe(
      'id,conversation_id,patient_id,team_id,channel_account_id,direction,type,text,status,medical,failure_reason,author_user_id,occurred_at,edited_at,deleted_at',
    );
    expect(text).toContain(`"'=SOMME(A1), puis ""merci""\nà demain"`);
  });

  test('the administrator sets up the daily export, runs it now and sees the object written', async () => {
    await admin.goto('/settings/exports');
    await admin.getByText('No daily export is set up.').waitFor();
    const schedule = admin.getByRole('region', { name: 'Daily export to a bucket' });
    await schedule.getByRole('textbox', { name: 'Endpoint URL' }).fill(bucket.url);
    await schedule.getByRole('textbox', { name: 'Region' }).fill(bucket.region);
    await schedule.getByRole('textbox', { name: 'Bucket' }).fill(bucket.bucket);
    await schedule.getByRole('textbox', { name: 'Prefix' }).fill('demo');
    await schedule.getByRole('textbox', { name: 'Access key ID' }).fill(bucket.accessKeyId);
    await schedule.getByLabel('Secret access key').fill(bucket.secretAccessKey);
    await schedule.getByRole('button', { name: 'Save' }).click();
    await schedule.getByText(/^Next run: /).waitFor();
    await schedule.getByRole('button', { name: 'Run now' }).click();
    const row = schedule.getByRole('row', { name: /demo\/messages\/\d{4}-\d{2}-\d{2}\.ndjson/ });
    await row.getByText('Written').waitFor();
    await screenshot(admin, `${engine}-exports-schedule`);
    expect([...bucket.objects.keys()]).toEqual([
      expect.stringMatching(/^demo\/messages\/\d{4}-\d{2}-\d{2}\.ndjson$/),
    ]);
    expect(bucket.refusals).toEqual([]);
  });
});
