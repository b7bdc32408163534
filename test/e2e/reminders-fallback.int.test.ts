import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertChannelAccount } from '../../src/modules/channel-accounts/channel-account.repository.ts';
import type { ChannelAccount } from '../../src/modules/channel-accounts/channel-account.schema.ts';
import { sealChannelSecrets } from '../../src/modules/channel-accounts/channel-secrets.ts';
import { insertIdentityIfAbsent } from '../../src/modules/contacts/contact.repository.ts';
import { reminderTemplateComponents } from '../../src/modules/reminders/reminder-template.ts';
import {
  nextSlot,
  phoneReceived,
  type ReminderWorld,
  startReminderWorld,
  timeComes,
} from '../../src/modules/reminders/reminders-e2e.test-support.ts';
import { TestClock } from '../../src/platform/time/test-clock.ts';
import { eventually } from '../support/test-careline.ts';
import { TEST_ENGINES } from '../support/test-db.ts';
import {
  agreesToReminders,
  call,
  contactOfMessage,
  type Json,
  newPhone,
  simulatorCall,
} from './inbox-support.ts';

const HOUR_MS = 3_600_000;

let nextBot = 7_200_000_000;

/**
 * The clinic orders its channels for reminders; when the first cannot carry one, the next where the
 * patient agreed takes over, once. Each trigger end to end through the simulator (WhatsApp, the
 * Telegram bot, the LINE stand-in): no id of the patient on the first channel, no consent there, the
 * WhatsApp template paused, Meta's 131026 arriving after the send, the LINE quota reached (with the
 * 80 % alert); and a second failure after a fallback fails the reminder, no third channel.
 */
describe.each(TEST_ENGINES)('reminders fall back to the next channel (%s)', (engine) => {
  let world: ReminderWorld;
  let botId: string;
  let line: { channelId: string; token: string; secret: string; account: ChannelAccount };
  const clock = new TestClock(new Date(Date.now() - 240 * HOUR_MS));
  const api = (method: string, path: string, body?: unknown) =>
    call(world.env, world.clinic, method, path, body);
  const sim = () => world.env.simulator.simulator;

  beforeAll(async () => {
    world = await startReminderWorld(engine, { clock });
    const { env, clinic } = world;
    const db = env.handle.db;
    const keyring = env.careline.keyring;
    nextBot += 1;
    botId = String(nextBot);
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
    await simulatorCall(env, 'POST', `/bot${token}/setWebhook`, {
      url: `${env.url}/webhooks/telegram/${telegram.id}`,
      secret_token: secretToken,
    });

    // The clinic's LINE Official Account, played by the simulator's LINE stand-in (no limit for now).
    const channelSecret = randomBytes(16).toString('hex');
    const lineToken = `line.${randomBytes(24).toString('hex')}`;
    const channel = sim().line.registerChannel({
      channelSecret,
      channelAccessToken: lineToken,
      name: clinic.org.name,
      monthlyQuota: null,
    });
    const account = await insertChannelAccount(db, {
      orgId: clinic.org.id,
      type: 'line',
      name: 'LINE Belleville',
      externalId: channel.accountId,
      settings: { apiUrl: env.simulator.url },
      secrets: await sealChannelSecrets(db, keyring, clinic.org.id, {
        channelSecret,
        channelAccessToken: lineToken,
      }),
    });
    sim().line.registerChannel({
      channelSecret,
      channelAccessToken: lineToken,
      webhookUrl: `${env.url}/webhooks/line/${account.id}`,
    });
    line = { channelId: channel.accountId, token: lineToken, secret: channelSecret, account };
  });
  afterAll(async () => {
    await world?.env.close();
  });

  async function ordersChannels(order: string[]): Promise<void> {
    const current = await api('GET', '/reminder-policy');
    const { updated_at: _updated, ...policy } = current.body;
    const saved = await api('PUT', '/reminder-policy', { ...policy, channel_order: order });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.channel_order).toEqual(order);
    await world.env.settle();
  }

  async function agreesOn(contactId: string, ...channels: string[]): Promise<void> {
    await agreesToReminders(world.env, world.clinic, contactId, ...channels);
  }

  async function hasWhatsApp(contactId: string): Promise<string> {
    const phone = newPhone();
    await insertIdentityIfAbsent(world.env.handle.db, world.env.careline.keyring, {
      orgId: world.clinic.org.id,
      contactId,
      channelType: 'whatsapp',
      externalId: phone.slice(1),
      phone,
    });
    return phone;
  }

  /** Someone writes to the clinic's Telegram bot: their patient record and their person in the app. */
  async function writesOnTelegram(name: string): Promise<{ key: string; contactId: string }> {
    const person = { key: `tg-${randomBytes(4).toString('hex')}`, name };
    const wrote = await simulatorCall(world.env, 'POST', `/_sim/apps/telegram/${botId}/patient-actions`, {
      person,
      action: { type: 'text', text: 'Bonjour' },
    });
    const chatId = sim().telegram.userOf(person.key)?.id;
    return {
      key: person.key,
      contactId: await contactOfMessage(world.env, `${chatId}:${String(wrote.messageId)}`),
    };
  }

  /** Someone writes to the clinic's LINE account. */
  async function writesOnLine(): Promise<{ key: string; contactId: string }> {
    const key = `line-${randomBytes(4).toString('hex')}`;
    const acted = await sim().line.patientActs(line.channelId, {
      person: { key },
      action: { type: 'text', text: 'こんにちは' },
    });
    expect(acted.httpStatus).toBe(200);
    const userId = sim().line.userIdOf(key);
    return { key, contactId: await contactOfMessage(world.env, `${userId}:${String(acted.messageId)}`) };
  }

  async function telegramReceived(key: string, count: number): Promise<string[]> {
    return eventually(async () => {
      const view = await simulatorCall(
        world.env,
        'GET',
        `/_sim/apps/telegram/${botId}/conversation?person=${encodeURIComponent(key)}`,
      );
      const said = (view.items as Json[]).filter((i) => i.side === 'clinic').map((i) => String(i.text));
      return said.length >= count ? said : undefined;
    }, 15_000);
  }

  /** What the clinic pushed to the person on LINE (replies with a reply token are free, not counted). */
  function linePushes(key: string): number {
    return sim()
      .line.conversation(line.channelId, key)
      .filter((m) => m.side === 'bot' && m.via === 'push').length;
  }

  /** LINE's plan for the clinic's account now allows this many pushes a month (null: no limit). */
  function lineQuotaIs(monthlyQuota: number | null): void {
    sim().line.registerChannel({ channelSecret: line.secret, channelAccessToken: line.token, monthlyQuota });
  }

  async function deskBooks(contactId: string): Promise<string> {
    const booked = await api('POST', '/appointments', {
      contact_id: contactId,
      practitioner_id: world.practitioner.id,
      location_id: world.location.id,
      appointment_type_id: world.type.id,
      start: nextSlot(),
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    await world.env.settle();
    return String(booked.body.id);
  }

  /** The appointment's reminder this long before it, as the API lists it. */
  async function reminderOf(appointmentId: string, offset = 2880): Promise<Json | undefined> {
    const listed = await api('GET', `/appointments/${appointmentId}/reminders`);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    return (listed.body.data as Json[]).find((r) => r.offset_minutes === offset);
  }

  /** A day passes (the patients' windows and LINE's reply tokens run out), then the 48 h reminder is due. */
  async function reminderIsDue(appointmentId: string, offset = 2880): Promise<void> {
    clock.advance(HOUR_MS);
    await timeComes(world, appointmentId, offset);
  }

  test('the order is validated: unknown channels and duplicates are refused, naming the field', async () => {
    const current = await api('GET', '/reminder-policy');
    expect(current.body.channel_order).toEqual([]);
    const { updated_at: _updated, ...policy } = current.body;
    const unknown = await api('PUT', '/reminder-policy', {
      ...policy,
      channel_order: ['whatsapp', 'pigeon'],
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('channel_order');
    const twice = await api('PUT', '/reminder-policy', {
      ...policy,
      channel_order: ['whatsapp', 'whatsapp'],
    });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('each channel only once');
  });

  test('WhatsApp first, but no WhatsApp number known: the reminder goes on Telegram, recorded as a fallback', async () => {
    await ordersChannels(['whatsapp', 'telegram']);
    const lea = await writesOnTelegram('Léa Martin');
    await agreesOn(lea.contactId, 'whatsapp', 'telegram');
    const appointment = await deskBooks(lea.contactId);
    const before = (await telegramReceived(lea.key, 0)).length;

    await reminderIsDue(appointment);
    const said = await telegramReceived(lea.key, before + 1);
    expect(said.at(-1)).toMatch(/^Bonjour Léa, nous vous rappelons votre rendez-vous/);
    expect(await reminderOf(appointment)).toMatchObject({
      status: 'sent',
      channel: 'telegram',
      fallback_from: 'whatsapp',
      fallback_reason: 'no_channel',
    });
  });

  test('WhatsApp first, but the patient agreed on Telegram only: Telegram takes it (no_consent); nothing on WhatsApp', async () => {
    await ordersChannels(['whatsapp', 'telegram']);
    const marc = await writesOnTelegram('Marc Durand');
    const phone = await hasWhatsApp(marc.contactId);
    await agreesOn(marc.contactId, 'telegram');
    const appointment = await deskBooks(marc.contactId);
    const before = (await telegramReceived(marc.key, 0)).length;

    await reminderIsDue(appointment);
    await telegramReceived(marc.key, before + 1);
    expect(await reminderOf(appointment)).toMatchObject({
      status: 'sent',
      channel: 'telegram',
      fallback_from: 'whatsapp',
      fallback_reason: 'no_consent',
    });
    expect(
      sim()
        .sends(world.clinic.number.phoneNumberId)
        .some((s) => (s.request as Json).to === phone.slice(1)),
    ).toBe(false);
  });

  test('the WhatsApp template paused outside the window: Telegram takes it (template_unavailable)', async () => {
    await ordersChannels(['whatsapp', 'telegram']);
    const samia = await writesOnTelegram('Samia Haddad');
    await hasWhatsApp(samia.contactId);
    await agreesOn(samia.contactId, 'whatsapp', 'telegram');
    const appointment = await deskBooks(samia.contactId);
    const before = (await telegramReceived(samia.key, 0)).length;
    const template = async (status: 'PAUSED' | 'APPROVED') => {
      sim().upsertTemplate({
        wabaId: world.clinic.number.wabaId,
        name: 'rappel_rendez_vous',
        language: 'fr',
        category: 'UTILITY',
        status,
        components: reminderTemplateComponents('fr'),
      });
      expect((await api('POST', '/templates/sync')).status).toBe(202);
      await world.env.settle();
    };
    await template('PAUSED');
    try {
      await reminderIsDue(appointment);
      await telegramReceived(samia.key, before + 1);
      expect(await reminderOf(appointment)).toMatchObject({
        status: 'sent',
        channel: 'telegram',
        fallback_from: 'whatsapp',
        fallback_reason: 'template_unavailable',
      });
    } finally {
      await template('APPROVED');
    }
  });

  test('Meta answers 131026 after the send (not on WhatsApp): the reminder goes again, on Telegram, once', async () => {
    await ordersChannels(['whatsapp', 'telegram']);
    const paul = await writesOnTelegram('Paul Girard');
    const phone = await hasWhatsApp(paul.contactId);
    await agreesOn(paul.contactId, 'whatsapp', 'telegram');
    const appointment = await deskBooks(paul.contactId);
    const before = (await telegramReceived(paul.key, 0)).length;
    sim().setBehaviour({ failFor: { waIds: [phone.slice(1)] } }, world.clinic.number.phoneNumberId);
    try {
      await reminderIsDue(appointment);
      // WhatsApp accepted the template, then its status came back failed: 131026.
      const [template] = await phoneReceived(world, phone, 1);
      expect(template?.request).toMatchObject({ type: 'template' });
      const said = await telegramReceived(paul.key, before + 1);
      expect(said.at(-1)).toMatch(/^Bonjour Paul, nous vous rappelons/);
      await world.env.settle();
      expect(await reminderOf(appointment)).toMatchObject({
        status: 'sent',
        channel: 'telegram',
        fallback_from: 'whatsapp',
        fallback_reason: 'not_on_whatsapp',
      });
    } finally {
      sim().setBehaviour({}, world.clinic.number.phoneNumberId);
    }
  });

  test('a desk booking’s notice follows the order too: WhatsApp first, though she last wrote on Telegram', async () => {
    await ordersChannels(['whatsapp', 'telegram']);
    const ines = await writesOnTelegram('Inès Moreau');
    const phone = await hasWhatsApp(ines.contactId);
    await agreesOn(ines.contactId, 'whatsapp', 'telegram');
    // A day later she is no longer in a conversation with the clinic: the notice goes as a reminder would.
    clock.advance(25 * HOUR_MS);
    const booked = await api('POST', '/appointments', {
      contact_id: ines.contactId,
      practitioner_id: world.practitioner.id,
      location_id: world.location.id,
      appointment_type_id: world.type.id,
      start: nextSlot(),
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body.patient_notice).toEqual({ status: 'sent', as: 'template', channel: 'whatsapp' });
    const [template] = await phoneReceived(world, phone, 1);
    expect(template?.request).toMatchObject({ type: 'template' });
  });

  test('after one fallback, a second failure fails the reminder with the reason: no third channel', async () => {
    // Telegram first (no id of hers there), then LINE, then WhatsApp.
    await ordersChannels(['telegram', 'line', 'whatsapp']);
    const yui = await writesOnLine();
    const phone = await hasWhatsApp(yui.contactId);
    await agreesOn(yui.contactId, 'telegram', 'line', 'whatsapp');
    const appointment = await deskBooks(yui.contactId);
    const pushed = linePushes(yui.key);

    // The 48 h reminder falls back to LINE, which carries it (Careline reads LINE's quota: no limit).
    await reminderIsDue(appointment);
    await eventually(async () => (linePushes(yui.key) > pushed ? true : undefined));
    expect(await reminderOf(appointment)).toMatchObject({
      status: 'sent',
      channel: 'line',
      fallback_from: 'telegram',
      fallback_reason: 'no_channel',
    });

    // Then the month's pushes run out at LINE (another tool used them) before Careline reads it again:
    // LINE refuses the 2 h reminder's push (429), and WhatsApp is not tried.
    lineQuotaIs(0);
    await timeComes(world, appointment, 120);
    await world.env.settle();
    const second = await eventually(async () => {
      const r = await reminderOf(appointment, 120);
      return r?.status === 'failed' ? r : undefined;
    });
    expect(second).toMatchObject({
      status: 'failed',
      reason: 'line_quota_reached',
      fallback_from: 'telegram',
      fallback_reason: 'no_channel',
    });
    expect(
      sim()
        .sends(world.clinic.number.phoneNumberId)
        .some((s) => (s.request as Json).to === phone.slice(1)),
    ).toBe(false);
    lineQuotaIs(null);
  });

  test('LINE’s monthly quota: the admins are warned at 80 %, then a reminder past it goes on WhatsApp, or is held with the reason', async () => {
    await ordersChannels(['line', 'whatsapp']);
    const since = clock.now().toISOString();
    const aiko = await writesOnLine();
    const phone = await hasWhatsApp(aiko.contactId);
    await agreesOn(aiko.contactId, 'line', 'whatsapp');
    const first = await deskBooks(aiko.contactId);
    const pushed = linePushes(aiko.key);
    // One push left this month: the next one reaches 100 % of the plan, past the 80 % warning.
    lineQuotaIs(sim().line.pushCount(line.channelId) + 1);
    await reminderIsDue(first);
    await eventually(async () => (linePushes(aiko.key) > pushed ? true : undefined));
    expect(await reminderOf(first)).toMatchObject({
      status: 'sent',
      channel: 'line',
      fallback_from: null,
    });
    const alerts = await api('GET', '/alerts');
    expect(alerts.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'line_quota_warning', channel_account_id: line.account.id }),
      ]),
    );

    // The quota is used up: her 2 h reminder is not pushed on LINE; WhatsApp takes it (the template).
    await timeComes(world, first, 120);
    const [template] = await phoneReceived(world, phone, 1);
    expect(template?.request).toMatchObject({ type: 'template' });
    expect(await reminderOf(first, 120)).toMatchObject({
      status: 'sent',
      channel: 'whatsapp',
      fallback_from: 'line',
      fallback_reason: 'line_quota_reached',
    });
    expect(linePushes(aiko.key)).toBe(pushed + 1);

    // A patient on LINE only: held, with the reason, in the list and in the report.
    const ren = await writesOnLine();
    await agreesOn(ren.contactId, 'line');
    const second = await deskBooks(ren.contactId);
    const renPushed = linePushes(ren.key);
    await reminderIsDue(second);
    expect(await reminderOf(second)).toMatchObject({ status: 'skipped', reason: 'line_quota_reached' });
    expect(linePushes(ren.key)).toBe(renPushed);
    // The warning is raised once a month: still one open alert.
    const again = await api('GET', '/alerts');
    expect((again.body.data as Json[]).filter((a) => a.kind === 'line_quota_warning')).toHaveLength(1);

    // The report of the period: per channel, the fallback and its reason, the reminder held.
    const report = await api('GET', `/reports/reminders?from=${since}&to=2100-01-01`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.reminders).toMatchObject({
      sent: 2,
      skipped_line_quota_reached: 1,
      sent_by_channel: [
        { channel: 'line', sent: 1 },
        { channel: 'whatsapp', sent: 1 },
      ],
      fallbacks: [{ reason: 'line_quota_reached', count: 1 }],
    });
  });
});
