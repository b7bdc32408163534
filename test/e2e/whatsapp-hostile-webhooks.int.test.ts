import { createHash } from 'node:crypto';
import { eq, inArray, isNotNull, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { deliveryReceipts, jobs, messages, webhookEvents } from '../../src/db-schema.ts';
import { messagesWebhook, patientText, postWebhook, unixNow } from '../support/meta-webhooks.ts';
import { startTestCareline, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { storedMessagesSaying } from './inbox-support.ts';

interface Json {
  [key: string]: unknown;
}

/*
 * An outside audit sent validly signed webhooks carrying U+0000 (as the JSON escape \u0000) and a 1 MB
 * `from`. PostgreSQL cannot store U+0000, and a 1 MB id overflows an index row: storing failed,
 * recording the failure failed too (its text carried the NUL), the process died, and died again after
 * each restart when the job's lease ran out. Each delivery here must be acknowledged, its usable parts
 * stored, and the worker must go on to store the next patient's message.
 */
describe.each(TEST_ENGINES)(
  'hostile characters and unbounded ids in signed WhatsApp webhooks (%s)',
  (engine) => {
    let env: TestCareline;
    let clinic: TestClinic;
    const logs: string[] = [];
    let nextPatient = 0;

    beforeAll(async () => {
      env = await startTestCareline(engine, { logs });
      clinic = await env.addClinic('Centre de santé des Tilleuls');
    });
    afterAll(async () => {
      await env?.close();
    });

    const NUL = '\u0000';

    function newPatient(): string {
      nextPatient += 1;
      return `3361234${String(nextPatient).padStart(4, '0')}`;
    }

    function oneMessage(
      from: string,
      message: Json,
      contact: Json = { profile: { name: 'Inès' }, wa_id: from },
    ) {
      return messagesWebhook(clinic.number.phoneNumberId, {
        contacts: [contact],
        messages: [{ from, timestamp: unixNow(), ...message }],
      });
    }

    /** Posts a signed delivery; JSON.stringify writes U+0000 as the escape \u0000, as Meta would. */
    async function deliver(body: string): Promise<void> {
      const response = await postWebhook(env.url, body, clinic.number.appSecret);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ received: true, stored: 1 });
      await env.settle(10_000);
    }

    async function stored(wamid: string): Promise<Json | undefined> {
      const [row] = await env.handle.db
        .select({ conversationId: messages.conversationId })
        .from(messages)
        .where(eq(messages.externalId, wamid));
      if (!row) return undefined;
      const page = (await (
        await env.api(clinic.apiKey, `/api/v1/conversations/${row.conversationId}/messages?limit=100`)
      ).json()) as { data: Json[] };
      return page.data.find((m) => m.external_id === wamid);
    }

    /** The message with these words, stored under an id of Careline's standing in for an unusable one. */
    async function storedUnderStandIn(text: string) {
      const saying = await storedMessagesSaying(env, text);
      return saying.find((m) => m.externalId?.startsWith('careline.stand-in.'));
    }

    /** The worker is alive and nothing is stuck: another patient's message is stored at once. */
    async function expectNextPatientServed(): Promise<void> {
      const wamid = `wamid.next-${nextPatient}`;
      await deliver(patientText(clinic.number.phoneNumberId, newPatient(), wamid, 'Bonjour, une question'));
      expect(await stored(wamid)).toMatchObject({ text: 'Bonjour, une question' });
      const troubled = await env.handle.db
        .select({ id: jobs.id, status: jobs.status })
        .from(jobs)
        .where(or(inArray(jobs.status, ['running', 'failed']), isNotNull(jobs.lastError)));
      expect(troubled).toEqual([]);
    }

    test('a NUL in a text body is stored without it, and the worker goes on with the next patient', async () => {
      await deliver(
        oneMessage(newPatient(), {
          id: 'wamid.nul-text',
          type: 'text',
          text: { body: `J’ai mal${NUL} au ventre` },
        }),
      );
      expect(await stored('wamid.nul-text')).toMatchObject({ text: 'J’ai mal au ventre' });
      await expectNextPatientServed();
    });

    test('a NUL in a profile name is dropped from the name; the message is stored', async () => {
      const from = newPatient();
      await deliver(
        oneMessage(
          from,
          { id: 'wamid.nul-name', type: 'text', text: { body: 'Bonjour' } },
          { profile: { name: `In${NUL}ès` }, wa_id: from },
        ),
      );
      expect(await stored('wamid.nul-name')).toMatchObject({ text: 'Bonjour' });
      const contacts = (await (await env.api(clinic.apiKey, `/api/v1/contacts?phone=%2B${from}`)).json()) as {
        data: Json[];
      };
      expect(contacts.data[0]).toMatchObject({
        identities: [expect.objectContaining({ profile_name: 'Inès' })],
      });
      await expectNextPatientServed();
    });

    test('a NUL in a message id: the words are stored under an id of Careline’s, with a note; the others of the delivery too', async () => {
      const from = newPatient();
      await deliver(
        messagesWebhook(clinic.number.phoneNumberId, {
          contacts: [{ profile: { name: 'Inès' }, wa_id: from }],
          messages: [
            { from, id: `wamid.nul${NUL}id`, timestamp: unixNow(), type: 'text', text: { body: 'Un' } },
            { from, id: 'wamid.after-nul-id', timestamp: unixNow(), type: 'text', text: { body: 'Deux' } },
          ],
        }),
      );
      expect(await stored('wamid.after-nul-id')).toMatchObject({ text: 'Deux' });
      expect(await storedUnderStandIn('Un')).toMatchObject({ content: { omitted: ['message_id'] } });
      await expectNextPatientServed();
    });

    test('a NUL in a status error title is stored without it', async () => {
      await deliver(
        messagesWebhook(clinic.number.phoneNumberId, {
          statuses: [
            {
              id: 'wamid.sent-by-us',
              status: 'failed',
              timestamp: unixNow(),
              recipient_id: newPatient(),
              errors: [
                { code: 131026, title: `Message${NUL} undeliverable`, error_data: { details: `x${NUL}y` } },
              ],
            },
          ],
        }),
      );
      const [receipt] = await env.handle.db
        .select()
        .from(deliveryReceipts)
        .where(eq(deliveryReceipts.externalId, 'wamid.sent-by-us'));
      expect(receipt).toMatchObject({
        errorTitle: 'Message undeliverable',
        errorDetail: 'xy',
        errorCode: 131026,
      });
      await expectNextPatientServed();
    });

    test('a NUL in a list reply id or a button payload is never read as another choice: the tap is kept as unsupported', async () => {
      const from = newPatient();
      await deliver(
        messagesWebhook(clinic.number.phoneNumberId, {
          contacts: [{ profile: { name: 'Inès' }, wa_id: from }],
          messages: [
            {
              from,
              id: 'wamid.nul-list',
              timestamp: unixNow(),
              type: 'interactive',
              interactive: { type: 'list_reply', list_reply: { id: `slot_1${NUL}`, title: 'Mardi 9 h' } },
            },
            {
              from,
              id: 'wamid.nul-button',
              timestamp: unixNow(),
              type: 'button',
              button: { payload: `confirm${NUL}`, text: 'Je confirme' },
            },
          ],
        }),
      );
      expect(await stored('wamid.nul-list')).toMatchObject({ type: 'unsupported' });
      expect(await stored('wamid.nul-button')).toMatchObject({ type: 'unsupported' });
      await expectNextPatientServed();
    });

    test('a NUL in the sender is journaled and refused with its reason, never a 500 at the webhook', async () => {
      const body = oneMessage(`33600${NUL}0000`, {
        id: 'wamid.nul-from',
        type: 'text',
        text: { body: 'Bonjour' },
      });
      await deliver(body);
      const journaled = await env.handle.db
        .select({ bodySha256: webhookEvents.bodySha256 })
        .from(webhookEvents)
        .where(eq(webhookEvents.channelAccountId, clinic.account.id));
      expect(journaled.map((row) => row.bodySha256)).toContain(
        createHash('sha256').update(body).digest('hex'),
      );
      expect(await stored('wamid.nul-from')).toBeUndefined();
      expect(logs.some((line) => line.includes('malformed message: from: unusable identifier'))).toBe(true);
      await expectNextPatientServed();
    });

    test('a 1 MB from is refused with its reason, never a 500; the next patient is served', async () => {
      const hugeFrom = '3'.repeat(1024 * 1024);
      await deliver(
        oneMessage(
          hugeFrom,
          { id: 'wamid.huge-from', type: 'text', text: { body: 'Bonjour' } },
          {
            profile: { name: 'Inès' },
          },
        ),
      );
      expect(await stored('wamid.huge-from')).toBeUndefined();
      expect(
        logs.some((line) => line.includes('from: unusable identifier: is longer than 512 characters')),
      ).toBe(true);
      await expectNextPatientServed();
    });

    test('a 1 MB message id never reaches an index: the words are stored under an id of Careline’s; the next patient is served', async () => {
      await deliver(
        oneMessage(newPatient(), {
          id: `wamid.${'x'.repeat(1024 * 1024)}`,
          type: 'text',
          text: { body: 'Un message au très long identifiant' },
        }),
      );
      expect(await storedUnderStandIn('Un message au très long identifiant')).toMatchObject({
        content: { omitted: ['message_id'] },
      });
      await expectNextPatientServed();
    });

    test('a NUL or 1 MB phone number id is acknowledged as for no number of ours, never a 500', async () => {
      for (const phoneNumberId of [`1${NUL}2`, '9'.repeat(1024 * 1024)]) {
        const body = messagesWebhook(phoneNumberId, {
          messages: [
            {
              from: newPatient(),
              id: 'wamid.odd-number',
              timestamp: unixNow(),
              type: 'text',
              text: { body: 'x' },
            },
          ],
        });
        const response = await postWebhook(env.url, body, clinic.number.appSecret);
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ received: true, stored: 0 });
      }
      await expectNextPatientServed();
    });

    test('a forged delivery naming thousands of phone numbers is refused before any lookup', async () => {
      const entry = Array.from({ length: 5000 }, (_, i) => ({
        id: String(i),
        changes: [{ field: 'messages', value: { metadata: { phone_number_id: String(10_000_000 + i) } } }],
      }));
      const body = JSON.stringify({ object: 'whatsapp_business_account', entry });
      // The numbers are looked up to know whose app secret to check with: before the signature is.
      const response = await postWebhook(env.url, body, 'not the app secret');
      expect(response.status).toBe(400);
      expect(((await response.json()) as Json).errors).toEqual([
        { field: 'body.entry', message: expect.stringContaining('more than 20') },
      ]);
    });

    test('a signed delivery of another Meta product, or without entries, is refused naming the field', async () => {
      for (const [body, field] of [
        [{ object: 'page', entry: [] }, 'body.object'],
        [{ object: 'whatsapp_business_account', entry: {} }, 'body.entry'],
      ] as const) {
        const response = await postWebhook(env.url, JSON.stringify(body), clinic.number.appSecret);
        expect(response.status).toBe(400);
        expect(((await response.json()) as Json).errors).toEqual([{ field, message: expect.any(String) }]);
      }
      await expectNextPatientServed();
    });

    test('a lone surrogate in a text is stored without it', async () => {
      await deliver(
        oneMessage(newPatient(), {
          id: 'wamid.lone-surrogate',
          type: 'text',
          text: { body: 'Merci \ud83d !' },
        }),
      );
      expect(await stored('wamid.lone-surrogate')).toMatchObject({ text: 'Merci  !' });
      await expectNextPatientServed();
    });
  },
);
