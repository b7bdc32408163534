import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversations } from '../../src/db-schema.ts';
import { insertChannelAccount } from '../../src/modules/channel-accounts/channel-account.repository.ts';
import type { ChannelAccount } from '../../src/modules/channel-accounts/channel-account.schema.ts';
import { sealChannelSecrets } from '../../src/modules/channel-accounts/channel-secrets.ts';
import { reminderConsentQuestion } from '../../src/modules/consent/consent-texts.ts';
import { insertIdentityIfAbsent } from '../../src/modules/contacts/contact.repository.ts';
import {
  nextSlot,
  phoneReceived,
  type ReminderWorld,
  startReminderWorld,
  timeComes,
} from '../../src/modules/reminders/reminders-e2e.test-support.ts';
import { TestClock } from '../../src/platform/time/test-clock.ts';
import type { PhoneAppItem } from '../../src/simulator/phone-app-view.ts';
import { eventually, type TestCareline, type TestClinic } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import { startChatClinic } from './chat-clinic-support.ts';
import {
  agreesToReminders,
  call,
  contactOfMessage,
  type Json,
  newPhone,
  simulatorCall,
} from './inbox-support.ts';

const HOUR_MS = 3_600_000;

/** A Telegram bot and a Facebook Page of the clinic, played by the simulator, set up as a clinic would. */
interface OtherApps {
  botId: string;
  telegram: ChannelAccount;
  pageId: string;
}

let nextBot = 7_100_000_000;
let nextPage = 104_100_000_000_000;

/** The clinic's bot and Page, registered in the simulator over its control API and wired to Careline. */
async function addOtherApps(env: TestCareline, clinic: TestClinic): Promise<OtherApps> {
  const db = env.handle.db;
  const keyring = env.careline.keyring;
  nextBot += 1;
  nextPage += 1;
  const botId = String(nextBot);
  const token = `${botId}:AAH${randomBytes(16).toString('hex')}`;
  const secretToken = `s3cret_${randomBytes(8).toString('hex')}`;
  await simulatorCall(env, 'POST', '/_sim/apps/telegram/bots', { token, name: clinic.org.name });
  const telegram = await insertChannelAccount(db, {
    orgId: clinic.org.id,
    type: 'telegram',
    name: `@careline_${botId}_bot`,
    externalId: botId,
    settings: { apiUrl: env.simulator.url },
    secrets: await sealChannelSecrets(db, keyring, clinic.org.id, { botToken: token, secretToken }),
  });
  // What the clinic does once at Telegram: setWebhook to its bot's route, with the secret token.
  await simulatorCall(env, 'POST', `/bot${token}/setWebhook`, {
    url: `${env.url}/webhooks/telegram/${telegram.id}`,
    secret_token: secretToken,
  });

  const pageId = String(nextPage);
  const page = {
    accessToken: `EAAG${randomBytes(12).toString('hex')}`,
    appSecret: `app-${randomBytes(8).toString('hex')}`,
    verifyToken: `verify-${randomBytes(8).toString('hex')}`,
  };
  await simulatorCall(env, 'POST', '/_sim/apps/meta-accounts', {
    app: 'messenger',
    accountId: pageId,
    name: clinic.org.name,
    ...page,
    webhookUrl: `${env.url}/webhooks/messenger`,
  });
  await insertChannelAccount(db, {
    orgId: clinic.org.id,
    type: 'messenger',
    name: `${clinic.org.name} (Facebook)`,
    externalId: pageId,
    settings: { graphUrl: env.simulator.url, apiVersion: 'v25.0' },
    secrets: await sealChannelSecrets(db, keyring, clinic.org.id, {
      pageAccessToken: page.accessToken,
      appSecret: page.appSecret,
      verifyToken: page.verifyToken,
    }),
  });
  return { botId, telegram, pageId };
}

type App = 'telegram' | 'messenger';
type Person = { key: string; name: string };

/** The person does something in the app; the simulator delivers it to Careline's webhook. */
async function acts(
  env: TestCareline,
  app: App,
  accountId: string,
  person: Person,
  action: Json,
  start?: boolean,
): Promise<Json> {
  const result = await simulatorCall(env, 'POST', `/_sim/apps/${app}/${accountId}/patient-actions`, {
    person,
    action,
    ...(start === undefined ? {} : { start }),
  });
  expect(result.httpStatus).toBe(200);
  return result;
}

/** The person's conversation with the bot or Page, as their phone shows it. */
async function screen(
  env: TestCareline,
  app: App,
  accountId: string,
  person: { key: string },
): Promise<PhoneAppItem[]> {
  const view = await simulatorCall(
    env,
    'GET',
    `/_sim/apps/${app}/${accountId}/conversation?person=${encodeURIComponent(person.key)}`,
  );
  return view.items as PhoneAppItem[];
}

/** The clinic's messages on the person's screen, once there are more than `after`. */
async function clinicSaid(
  env: TestCareline,
  app: App,
  accountId: string,
  person: { key: string },
  after: number,
): Promise<PhoneAppItem[]> {
  const said = async () =>
    (await screen(env, app, accountId, person)).filter((item) => item.side === 'clinic');
  return eventually(async () => {
    const items = await said();
    return items.length > after ? items : undefined;
  }, 15_000).catch(async (error: unknown) => {
    throw new Error(`${String(error)}; the screen has: ${JSON.stringify((await said()).map((i) => i.text))}`);
  });
}

describe.each(TEST_ENGINES)('reminders on the patient’s own channel (%s)', (engine) => {
  let world: ReminderWorld;
  let apps: OtherApps;
  // Careline's and the simulator's time, moved on as days pass for the patients. It starts days back and
  // only ever moves forward (the simulator's rate limits, as Meta's, count time forward): jobs queued at
  // its time run at once, as the job queue runs them by the database's time.
  const clock = new TestClock(new Date(Date.now() - 240 * HOUR_MS));
  const api = (method: string, path: string, body?: unknown) =>
    call(world.env, world.clinic, method, path, body);

  beforeAll(async () => {
    world = await startReminderWorld(engine, { clock });
    apps = await addOtherApps(world.env, world.clinic);
  });
  afterAll(async () => {
    await world?.env.close();
  });

  function hoursPass(hours: number): void {
    clock.advance(hours * HOUR_MS);
  }

  async function agreesOn(contactId: string, channel: string): Promise<void> {
    await agreesToReminders(world.env, world.clinic, contactId, channel);
  }

  /** Someone writes to the clinic's Page now: their patient record. */
  async function writesOnMessenger(name: string): Promise<{ person: Person; contactId: string }> {
    const person = { key: `fb-${randomBytes(4).toString('hex')}`, name };
    const wrote = await acts(world.env, 'messenger', apps.pageId, person, { type: 'text', text: 'Bonjour' });
    return { person, contactId: await contactOfMessage(world.env, String(wrote.mid)) };
  }

  async function deskBooks(contactId: string): Promise<Json> {
    const booked = await api('POST', '/appointments', {
      contact_id: contactId,
      practitioner_id: world.practitioner.id,
      location_id: world.location.id,
      appointment_type_id: world.type.id,
      start: nextSlot(),
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    return booked.body;
  }

  async function remindersOf(appointmentId: unknown): Promise<Json[]> {
    const listed = await api('GET', `/appointments/${String(appointmentId)}/reminders`);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    return listed.body.data as Json[];
  }

  test('Telegram has no window: a patient who agreed there gets the reminder there a day later, taps Confirm, and the appointment is confirmed', async () => {
    const lea = { key: `tg-${randomBytes(4).toString('hex')}`, name: 'Léa Martin' };
    const wrote = await acts(world.env, 'telegram', apps.botId, lea, { type: 'text', text: 'Bonjour' });
    const chatId = world.env.simulator.simulator.telegram.userOf(lea.key)?.id;
    const contactId = await contactOfMessage(world.env, `${chatId}:${String(wrote.messageId)}`);
    await agreesOn(contactId, 'telegram');
    const appointment = await deskBooks(contactId);
    // She is in a conversation with the clinic on Telegram: the desk's booking is confirmed to her there.
    expect(appointment.patient_notice).toEqual({ status: 'sent', as: 'message', channel: 'telegram' });
    const notices = await clinicSaid(world.env, 'telegram', apps.botId, lea, 1);
    expect(notices.map((item) => item.kind)).toEqual(['text', 'document']);
    expect(notices[0]?.text).toMatch(/^Votre rendez-vous est réservé ✅/);
    await world.env.settle();

    // A day and more later, with no word from her since: Telegram lets the clinic write all the same.
    hoursPass(30);
    await timeComes(world, String(appointment.id), 2880);
    const [reminder] = (await clinicSaid(world.env, 'telegram', apps.botId, lea, 2)).slice(2);
    expect(reminder?.text).toMatch(
      /^Bonjour Léa, nous vous rappelons votre rendez-vous du .+ avec Dr Émilie Martin, Cabinet Voltaire, 12 boulevard Voltaire, 75011 Paris\./,
    );
    expect(reminder?.buttons).toEqual([
      { id: `reminder:confirm:${appointment.id}`, title: 'Confirmer', kind: 'tap', url: null },
      { id: `reminder:cancel:${appointment.id}`, title: 'Annuler', kind: 'tap', url: null },
      { id: `reminder:reschedule:${appointment.id}`, title: 'Déplacer', kind: 'tap', url: null },
    ]);
    expect(await remindersOf(appointment.id)).toEqual([
      expect.objectContaining({ offset_minutes: 2880, status: 'sent', channel: 'telegram', reason: null }),
      expect.objectContaining({ offset_minutes: 120, status: 'scheduled', channel: null }),
    ]);

    await acts(world.env, 'telegram', apps.botId, lea, {
      type: 'tap',
      messageId: reminder?.id,
      buttonId: `reminder:confirm:${appointment.id}`,
    });
    const [answer] = (await clinicSaid(world.env, 'telegram', apps.botId, lea, 3)).slice(3);
    expect(answer?.text).toMatch(/^Merci, c’est noté/);
    const confirmed = await api('GET', `/appointments/${String(appointment.id)}`);
    expect(confirmed.body).toMatchObject({ status: 'booked', confirmed_at: expect.any(String) });
    expect(await remindersOf(appointment.id)).toEqual([
      expect.objectContaining({ offset_minutes: 2880, status: 'sent', response: 'confirmed' }),
      expect.objectContaining({ offset_minutes: 120, status: 'scheduled' }),
    ]);
  });

  test('Messenger after its 24 hours: the reminder is held with the reason, in the API and the report, and nothing reaches the patient', async () => {
    const { person: marc, contactId } = await writesOnMessenger('Marc Durand');
    await agreesOn(contactId, 'messenger');
    const appointment = await deskBooks(contactId);
    expect(appointment.patient_notice).toEqual({ status: 'sent', as: 'message', channel: 'messenger' });
    await clinicSaid(world.env, 'messenger', apps.pageId, marc, 1);
    await world.env.settle();
    const before = (await screen(world.env, 'messenger', apps.pageId, marc)).length;

    // 25 hours after his message: Messenger allows nothing automated any more.
    hoursPass(25);
    await timeComes(world, String(appointment.id), 2880);
    expect(await remindersOf(appointment.id)).toEqual([
      expect.objectContaining({
        offset_minutes: 2880,
        status: 'skipped',
        reason: 'channel_window_closed',
        channel: null,
        sent_at: null,
      }),
      // The 2 h reminder still waits: should he write again, it can go.
      expect.objectContaining({ offset_minutes: 120, status: 'scheduled' }),
    ]);
    const report = await api('GET', '/reports/reminders');
    expect(report.body.reminders).toMatchObject({ skipped_channel_window_closed: 1 });
    await world.env.settle();
    expect(await screen(world.env, 'messenger', apps.pageId, marc)).toHaveLength(before);

    // A desk booking now cannot reach him either, and says why.
    const later = await deskBooks(contactId);
    expect(later.patient_notice).toEqual({ status: 'not_sent', reason: 'channel_window_closed' });
  });

  test('Messenger closed but WhatsApp agreed too: the reminder goes on WhatsApp, as the approved template', async () => {
    const phone = newPhone();
    const { contactId } = await writesOnMessenger('Samia Haddad');
    // The desk knows her WhatsApp number too, and she agreed to reminders on both apps.
    await insertIdentityIfAbsent(world.env.handle.db, world.env.careline.keyring, {
      orgId: world.clinic.org.id,
      contactId,
      channelType: 'whatsapp',
      externalId: phone.slice(1),
      phone,
    });
    await agreesOn(contactId, 'messenger');
    await agreesOn(contactId, 'whatsapp');
    const appointment = await deskBooks(contactId);
    await world.env.settle();

    hoursPass(26);
    await timeComes(world, String(appointment.id), 2880);
    const [reminder] = await phoneReceived(world, phone, 1);
    expect(reminder?.request).toMatchObject({
      type: 'template',
      template: { name: 'rappel_rendez_vous', language: { code: 'fr' } },
    });
    expect(await remindersOf(appointment.id)).toEqual([
      expect.objectContaining({ offset_minutes: 2880, status: 'sent', channel: 'whatsapp' }),
      expect.objectContaining({ offset_minutes: 120, status: 'scheduled' }),
    ]);
  });

  test('another clinic cannot read an appointment’s reminders', async () => {
    const appointment = await deskBooks((await writesOnMessenger('Nora Petit')).contactId);
    const other = await world.env.addClinic('Cabinet des Lilas');
    const path = `/appointments/${String(appointment.id)}/reminders`;
    expect((await call(world.env, other, 'GET', path)).status).toBe(404);
    expect((await api('GET', path)).status).toBe(200);
  });
});

describe.each(TEST_ENGINES)('the consent question on Telegram (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let apps: OtherApps;

  beforeAll(async () => {
    ({ env, clinic } = await startChatClinic(engine, 'Clinique du Parc'));
    apps = await addOtherApps(env, clinic);
  });
  afterAll(async () => {
    await env?.close();
  });

  test('booking by chat on Telegram asks about reminders « par Telegram », and the yes is recorded for Telegram with those words', async () => {
    const ines = { key: `tg-${randomBytes(4).toString('hex')}`, name: 'Inès Moreau' };
    let seen = 0;
    /** What she does, then the clinic's next message. */
    const dialogue = async (action: Json): Promise<PhoneAppItem> => {
      await acts(env, 'telegram', apps.botId, ines, action, false);
      const said = await clinicSaid(env, 'telegram', apps.botId, ines, seen);
      seen = said.length;
      const last = said.at(-1);
      if (!last) throw new Error('nothing said');
      return last;
    };
    const says = (text: string) => dialogue({ type: 'text', text });

    expect((await says('Bonjour, je voudrais prendre rendez-vous')).text).toMatch(/motif/);
    await says('Renouvellement d’ordonnance');
    expect((await says('peu importe')).text).toMatch(/Quand souhaitez-vous venir/);
    const slots = await says('dès que possible');
    // Ten choices are more than a Telegram keyboard holds here: a numbered list, answered by its number.
    const first = slots.buttons[0];
    const question = first
      ? await dialogue({ type: 'tap', messageId: slots.id, buttonId: first.id })
      : await says('1');

    expect(question.text).toBe('Acceptez-vous de recevoir des rappels par Telegram\u202F?');
    expect(question.text).toBe(reminderConsentQuestion('telegram', 'fr'));
    expect(question.buttons.map((b) => b.title)).toEqual(['Oui', 'Non']);
    const yes = question.buttons.find((b) => b.title === 'Oui');
    const confirmation = await dialogue({ type: 'tap', messageId: question.id, buttonId: yes?.id });
    expect(confirmation.text ?? '').toMatch(/^C’est réservé ✅|^Ajoutez le rendez-vous/);

    const [row] = await env.handle.db
      .select({ contactId: conversations.contactId })
      .from(conversations)
      .where(eq(conversations.channelAccountId, apps.telegram.id));
    const consents = await call(env, clinic, 'GET', `/contacts/${row?.contactId}/consents`);
    const current = (consents.body.current as Json[]).filter((c) => c.purpose === 'appointment_reminders');
    expect(current.find((c) => c.channel === 'telegram')).toMatchObject({
      state: 'granted',
      record: { method: 'chat', text_shown: 'Acceptez-vous de recevoir des rappels par Telegram\u202F?' },
    });
    // Agreed on Telegram only: nothing about WhatsApp.
    expect(current.find((c) => c.channel === 'whatsapp')).toMatchObject({ state: 'unknown' });
  });
});
