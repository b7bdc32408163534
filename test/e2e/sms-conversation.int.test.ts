import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeFormFields } from '../../src/channels/form-fields.ts';
import { twilioSignature } from '../../src/channels/sms/verify-twilio-signature.ts';
import type { ChannelAccount } from '../../src/modules/channel-accounts/channel-account.schema.ts';
import { connectChannel } from '../support/connect-channel.ts';
import {
  eventually,
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import {
  call,
  conversationOfMessage,
  getJson,
  type Json,
  messagesStoredAs,
  type PageJson,
} from './inbox-support.ts';

const ACCOUNT_SID = 'AC5e1f0c2d3b4a69788796a5b4c3d2e1f0';
const AUTH_TOKEN = '3c2b1a0f9e8d7c6b5a49382716f5e4d3';
const CLINIC_NUMBER = '+33757110000';

/**
 * A clinic's SMS number end to end: Twilio's signed form webhooks through Careline's generic route (the
 * signature over the public URL and the fields), the ingest job, the inbox and the outbox, against the
 * simulator's Twilio stand-in over real HTTP: the agent's replies go out, their status callbacks move
 * them, buttons become numbered choices and the patient's number comes back as the button, STOP and
 * HELP are answered as carriers expect, MMS files are fetched with the account's credentials.
 */
describe.each(TEST_ENGINES)('an SMS conversation end to end (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let account: ChannelAccount;
  let webhookUrl: string;
  let phones = 0;

  beforeAll(async () => {
    env = await startTestCareline(engine);
    clinic = await env.addClinic('Centre de santé Belleville');
    account = await connectChannel(env, clinic, {
      type: 'sms',
      name: 'SMS Belleville',
      externalId: CLINIC_NUMBER,
      settings: { from: CLINIC_NUMBER, accountSid: ACCOUNT_SID, apiUrl: env.simulator.url },
      secrets: { authToken: AUTH_TOKEN },
    });
    webhookUrl = `${env.url}/webhooks/sms/${account.id}`;
    env.simulator.simulator.sms.registerNumber({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: CLINIC_NUMBER,
      webhookUrl,
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  const sms = () => env.simulator.simulator.sms;
  const newPatient = () => {
    phones += 1;
    return `+3361400${String(phones).padStart(4, '0')}`;
  };

  async function patientTexts(
    phone: string,
    text: string,
    media?: Array<{ bytes: string; mimeType: string }>,
  ) {
    const acted = await sms().patientActs(
      CLINIC_NUMBER,
      { person: { phone }, action: { text, ...(media ? { media } : {}) } },
      env.simulator.url,
    );
    expect(acted.httpStatus).toBe(200);
    return acted;
  }

  async function timelineOf(conversation: Json): Promise<Json[]> {
    const page = await getJson<PageJson>(env, clinic, `/conversations/${String(conversation.id)}/messages`);
    return page.data;
  }

  function post(fields: Record<string, string>, headers: Record<string, string>) {
    return fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: encodeFormFields(fields),
    });
  }

  test('a patient texts: the message in the inbox under their phone; a redelivery stores nothing new', async () => {
    const phone = newPatient();
    const sid = 'SM00000000000000000000000000000001';
    const fields = {
      SmsMessageSid: sid,
      NumMedia: '0',
      SmsSid: sid,
      SmsStatus: 'received',
      Body: 'Bonjour, puis-je avoir un rendez-vous jeudi ?',
      To: CLINIC_NUMBER,
      NumSegments: '1',
      MessageSid: sid,
      AccountSid: ACCOUNT_SID,
      From: phone,
      ApiVersion: '2010-04-01',
    };
    const signature = { 'x-twilio-signature': twilioSignature(AUTH_TOKEN, webhookUrl, fields) };
    const response = await post(fields, signature);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/xml');
    expect(await response.text()).toContain('<Response></Response>');
    const conversation = await conversationOfMessage(env, clinic, sid);
    expect(conversation).toMatchObject({ status: 'open', channel: 'sms' });
    const contact = await getJson(env, clinic, `/contacts/${String(conversation.contact_id)}`);
    expect(contact).toMatchObject({ identities: [{ channel: 'sms' }] });
    expect(JSON.stringify(contact)).toContain(phone);
    expect((await timelineOf(conversation)).find((m) => m.direction === 'inbound')).toMatchObject({
      type: 'text',
      text: 'Bonjour, puis-je avoir un rendez-vous jeudi ?',
    });

    expect((await post(fields, signature)).status).toBe(200);
    await env.settle();
    expect(await messagesStoredAs(env, sid)).toBe(1);
  });

  test('the agent’s reply goes out as an SMS; its status callbacks move it to delivered', async () => {
    const phone = newPatient();
    const acted = await patientTexts(phone, 'Mes résultats sont-ils arrivés ?');
    const conversation = await conversationOfMessage(env, clinic, acted.messageSid);
    const path = `/conversations/${String(conversation.id)}/messages`;
    const sent = await call(env, clinic, 'POST', path, {
      type: 'text',
      text: 'Oui, le Dr Martin vous appelle cet après-midi.',
    });
    expect(sent.status).toBe(202);
    await eventually(async () =>
      sms()
        .conversation(CLINIC_NUMBER, phone)
        .find((m) => m.side === 'clinic' && m.body === 'Oui, le Dr Martin vous appelle cet après-midi.'),
    );
    const delivered = await eventually(async () => {
      const message = (await timelineOf(conversation)).find((m) => m.id === sent.body.id);
      return message?.status === 'delivered' ? message : undefined;
    });
    expect(String(delivered.external_id)).toMatch(/^SM[0-9a-f]{32}$/);
  });

  test('buttons go as numbered choices; "2" and the words both come back as the button', async () => {
    const phone = newPatient();
    const acted = await patientTexts(phone, 'Je voudrais confirmer mon rendez-vous');
    const conversation = await conversationOfMessage(env, clinic, acted.messageSid);
    const path = `/conversations/${String(conversation.id)}/messages`;
    const buttons = {
      type: 'buttons',
      body: 'Votre rendez-vous : jeudi 9h avec le Dr Martin.',
      buttons: [
        { id: 'appt:confirm', title: 'Confirmer' },
        { id: 'appt:cancel', title: 'Annuler' },
        { id: 'appt:move', title: 'Déplacer' },
      ],
    };
    expect((await call(env, clinic, 'POST', path, buttons)).status).toBe(202);
    const texted = await eventually(async () =>
      sms()
        .conversation(CLINIC_NUMBER, phone)
        .find((m) => m.side === 'clinic'),
    );
    expect(texted.body).toBe(
      'Votre rendez-vous : jeudi 9h avec le Dr Martin.\n\n1. Confirmer\n2. Annuler\n3. Déplacer',
    );

    const two = await patientTexts(phone, '2');
    await conversationOfMessage(env, clinic, two.messageSid);
    const words = await patientTexts(phone, 'deplacer !');
    await conversationOfMessage(env, clinic, words.messageSid);
    const replies = (await timelineOf(conversation)).filter((m) => m.type === 'button_reply');
    expect(replies.map((m) => [m.text, (m.content as Json).reply])).toEqual(
      expect.arrayContaining([
        ['Annuler', { id: 'appt:cancel', title: 'Annuler', description: null }],
        ['Déplacer', { id: 'appt:move', title: 'Déplacer', description: null }],
      ]),
    );
  });

  test('HELP is answered with the clinic’s name and how to stop; STOP withdraws consent and the number refuses sends', async () => {
    const phone = newPatient();
    const help = await patientTexts(phone, 'AIDE');
    const conversation = await conversationOfMessage(env, clinic, help.messageSid);
    const answer = await eventually(async () =>
      sms()
        .conversation(CLINIC_NUMBER, phone)
        .find((m) => m.side === 'clinic'),
    );
    expect(answer.body).toContain('Centre de santé Belleville');
    expect(answer.body).toContain('STOP');

    const stop = await patientTexts(phone, 'STOP');
    expect(stop.optOutType).toBe('STOP');
    const consents = await eventually(async () => {
      const found = await getJson<{ current: Json[] }>(
        env,
        clinic,
        `/contacts/${String(conversation.contact_id)}/consents`,
      );
      const sms = found.current.filter((c) => c.channel === 'sms');
      return sms.length > 0 && sms.every((c) => c.state === 'withdrawn') ? sms : undefined;
    });
    expect(consents.length).toBeGreaterThan(0);

    const path = `/conversations/${String(conversation.id)}/messages`;
    const refused = await call(env, clinic, 'POST', path, { type: 'text', text: 'Êtes-vous sûr ?' });
    expect(refused.status).toBe(202);
    const failed = await eventually(async () => {
      const message = (await timelineOf(conversation)).find((m) => m.id === refused.body.id);
      return message?.status === 'failed' ? message : undefined;
    });
    expect(failed.error).toMatchObject({ code: 21610 });
  });

  test('an MMS’s two files are fetched with the account’s credentials and stored', async () => {
    const phone = newPatient();
    const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex').toString('base64');
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n').toString('base64');
    const acted = await patientTexts(phone, 'Voici mon ordonnance', [
      { bytes: jpeg, mimeType: 'image/jpeg' },
      { bytes: pdf, mimeType: 'application/pdf' },
    ]);
    const conversation = await conversationOfMessage(env, clinic, acted.messageSid);
    const stored = await eventually(async () => {
      const message = (await timelineOf(conversation)).find((m) => m.direction === 'inbound');
      const media = (message?.media ?? []) as Json[];
      return media.length === 2 && media.every((m) => m.status === 'stored') ? media : undefined;
    }, 10_000);
    expect(stored.map((m) => m.mime_type)).toEqual(['image/jpeg', 'application/pdf']);
  });

  test('a forged signature, one for another URL, or none is refused with 401; nothing is stored', async () => {
    const sid = 'SM00000000000000000000000000000099';
    const fields = {
      MessageSid: sid,
      SmsStatus: 'received',
      Body: 'forged',
      To: CLINIC_NUMBER,
      From: newPatient(),
      AccountSid: ACCOUNT_SID,
      NumMedia: '0',
    };
    expect(
      (await post(fields, { 'x-twilio-signature': twilioSignature('f'.repeat(32), webhookUrl, fields) }))
        .status,
    ).toBe(401);
    const elsewhere = twilioSignature(AUTH_TOKEN, `${env.url}/webhooks/sms/other`, fields);
    expect((await post(fields, { 'x-twilio-signature': elsewhere })).status).toBe(401);
    expect((await post(fields, {})).status).toBe(401);
    const json = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
    await env.settle();
    expect(await messagesStoredAs(env, sid)).toBe(0);
  });

  test('the composer’s count: how many SMS a text goes as, and what made it UCS-2', async () => {
    const gsm = await call(env, clinic, 'POST', '/sms/segments', { text: `Rappel : ${'a'.repeat(160)}` });
    expect(gsm).toMatchObject({ status: 200, body: { encoding: 'GSM-7', segments: 2, per_segment: 153 } });
    const ucs = await call(env, clinic, 'POST', '/sms/segments', { text: 'Rendez-vous à l’hôpital 🙂' });
    expect(ucs.body).toMatchObject({ encoding: 'UCS-2', segments: 1, non_gsm: ['’', 'ô', '🙂'] });
    expect((await call(env, clinic, 'POST', '/sms/segments', { text: 'a'.repeat(1601) })).status).toBe(400);
  });
});
