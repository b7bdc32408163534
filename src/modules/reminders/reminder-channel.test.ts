import { describe, expect, test } from 'vitest';
import type { ChannelCapabilities } from '../../channels/channel-capabilities.ts';
import { MESSENGER_WINDOW, messengerCapabilities } from '../../channels/messenger/messenger-capabilities.ts';
import { TELEGRAM_CAPABILITIES, TELEGRAM_WINDOW } from '../../channels/telegram/telegram-capabilities.ts';
import { WHATSAPP_CAPABILITIES, WHATSAPP_WINDOW } from '../../channels/whatsapp/whatsapp-capabilities.ts';
import type { ChannelType } from '../channel-accounts/channel-types.ts';
import { buttonsFit, chooseReminderChannel, type ReminderChannelOption } from './reminder-channel.ts';
import { reminderButtonsMessage } from './reminder-message.ts';

const NOW = new Date('2026-03-02T09:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

const REACH = {
  whatsapp: { window: WHATSAPP_WINDOW, capabilities: WHATSAPP_CAPABILITIES },
  telegram: { window: TELEGRAM_WINDOW, capabilities: TELEGRAM_CAPABILITIES },
  messenger: { window: MESSENGER_WINDOW, capabilities: messengerCapabilities('messenger') },
  instagram: { window: MESSENGER_WINDOW, capabilities: messengerCapabilities('instagram') },
} as const;

/** A channel the patient agreed on and the clinic reaches, whose live conversation they last wrote in `wrote` hours ago. */
function on(
  channel: keyof typeof REACH,
  wrote: number | null,
  extra: Partial<ReminderChannelOption> = {},
): ReminderChannelOption {
  const at = wrote === null ? null : hoursAgo(wrote);
  return {
    channel,
    consented: true,
    reach: REACH[channel],
    lastWroteAt: at,
    lastMessageAt: at,
    windowFrom: at,
    ...extra,
  };
}

const reminder = reminderButtonsMessage({
  appointmentId: '0f8c2a51-6a3e-4c43-9d0b-5a1e2b7c9d10',
  language: 'fr',
  patientName: 'Léa Martin',
  start: new Date('2026-03-04T09:00:00Z'),
  timeZone: 'Europe/Paris',
  practitionerName: 'Dr Hélène Roux',
  locationName: 'Centre Belleville',
  locationAddress: '12 rue de Belleville, 75020 Paris',
});

const choose = (...options: ReminderChannelOption[]) => chooseReminderChannel(options, reminder, NOW);

describe('the channel a reminder goes to', () => {
  test('no agreement on any channel, or only on channels the clinic cannot reach: skipped with why', () => {
    expect(choose()).toEqual({ kind: 'skip', reason: 'no_consent' });
    expect(choose(on('telegram', 2, { consented: false }))).toEqual({ kind: 'skip', reason: 'no_consent' });
    expect(choose(on('telegram', 2, { reach: null }), on('whatsapp', 1, { reach: null }))).toEqual({
      kind: 'skip',
      reason: 'no_channel',
    });
  });

  test('Telegram has no window: buttons whenever, even a month after the patient last wrote', () => {
    expect(choose(on('telegram', 24 * 30))).toEqual({ kind: 'send', channel: 'telegram', form: 'buttons' });
    expect(choose(on('telegram', null))).toEqual({ kind: 'send', channel: 'telegram', form: 'buttons' });
  });

  test('WhatsApp: buttons inside its 24 hours, the approved template after', () => {
    expect(choose(on('whatsapp', 23))).toEqual({ kind: 'send', channel: 'whatsapp', form: 'buttons' });
    expect(choose(on('whatsapp', 25))).toEqual({ kind: 'send', channel: 'whatsapp', form: 'template' });
    expect(choose(on('whatsapp', null))).toEqual({ kind: 'send', channel: 'whatsapp', form: 'template' });
  });

  test('Messenger and Instagram: buttons inside their 24 hours, nothing automated after — held with the reason', () => {
    expect(choose(on('messenger', 23))).toEqual({ kind: 'send', channel: 'messenger', form: 'buttons' });
    expect(choose(on('instagram', 1))).toEqual({ kind: 'send', channel: 'instagram', form: 'buttons' });
    expect(choose(on('messenger', 25))).toEqual({ kind: 'skip', reason: 'channel_window_closed' });
    // The person's HUMAN_AGENT reply stays possible for 7 days; a reminder is not a person's reply.
    expect(choose(on('messenger', 24 * 3), on('instagram', null))).toEqual({
      kind: 'skip',
      reason: 'channel_window_closed',
    });
  });

  test('the channel of the most recent conversation is preferred: where the patient last wrote', () => {
    expect(choose(on('whatsapp', 30), on('telegram', 3))).toMatchObject({ channel: 'telegram' });
    expect(choose(on('telegram', 30), on('whatsapp', 3))).toMatchObject({
      channel: 'whatsapp',
      form: 'buttons',
    });
    expect(choose(on('whatsapp', 30), on('messenger', 2))).toMatchObject({ channel: 'messenger' });
  });

  test('the clinic’s own messages do not make a conversation recent: the last reminder does not keep its channel', () => {
    const reminded = on('whatsapp', null, { lastMessageAt: hoursAgo(1) });
    expect(choose(reminded, on('telegram', 72))).toMatchObject({ channel: 'telegram' });
    // Among channels the patient never wrote on, the one whose conversation last had a message, then WhatsApp first.
    expect(choose(on('telegram', null), reminded)).toMatchObject({ channel: 'whatsapp' });
    expect(choose(on('telegram', null, { lastMessageAt: null }), on('whatsapp', null))).toMatchObject({
      channel: 'whatsapp',
    });
  });

  test('Messenger’s window closed: the next channel the patient agreed on takes the reminder', () => {
    expect(choose(on('messenger', 30), on('whatsapp', 40))).toEqual({
      kind: 'send',
      channel: 'whatsapp',
      form: 'template',
      fallback: { from: 'messenger', reason: 'channel_window_closed' },
    });
    expect(choose(on('messenger', 30), on('telegram', 300))).toMatchObject({ channel: 'telegram' });
    // Not a channel the patient did not agree on, however recent.
    expect(choose(on('messenger', 30), on('telegram', 1, { consented: false }))).toEqual({
      kind: 'skip',
      reason: 'channel_window_closed',
    });
  });

  test('the window runs from the patient’s last message in the conversation the reminder would go to', () => {
    // They wrote on WhatsApp an hour ago, but that conversation was closed: a new one has no window open.
    expect(choose(on('whatsapp', 1, { windowFrom: null }))).toMatchObject({ form: 'template' });
    expect(choose(on('messenger', 1, { windowFrom: null }))).toEqual({
      kind: 'skip',
      reason: 'channel_window_closed',
    });
  });
});

describe('the reminder’s buttons on each channel', () => {
  test('Confirm / Cancel / Reschedule fit WhatsApp, Telegram, Messenger and Instagram as they are', () => {
    for (const channel of ['whatsapp', 'telegram', 'messenger', 'instagram'] as const) {
      expect(buttonsFit(REACH[channel].capabilities, reminder), channel).toBe(true);
    }
    // Telegram counts a button's data in bytes: the longest id is well within its 64.
    expect(Math.max(...reminder.buttons.map((b) => Buffer.byteLength(b.id)))).toBeLessThanOrEqual(64);
  });

  test('a channel that shows fewer buttons, shorter titles or ids, or none, gets the words to reply instead', () => {
    const narrow = (buttons: ChannelCapabilities['buttons']): ChannelCapabilities => ({
      ...TELEGRAM_CAPABILITIES,
      buttons,
    });
    const twoButtons = narrow({ max: 2, titleLength: 64, idLength: 64 });
    const shortTitles = narrow({ max: 3, titleLength: 7, idLength: 64 });
    const shortIds = narrow({ max: 3, titleLength: 64, idLength: 40 });
    for (const capabilities of [twoButtons, shortTitles, shortIds, narrow(null)]) {
      expect(buttonsFit(capabilities, reminder)).toBe(false);
      const option: ReminderChannelOption = {
        ...on('telegram', 5),
        channel: 'line' satisfies ChannelType,
        reach: { window: TELEGRAM_WINDOW, capabilities },
      };
      expect(choose(option)).toEqual({ kind: 'send', channel: 'line', form: 'text' });
    }
    expect(
      buttonsFit({ ...TELEGRAM_CAPABILITIES, outboundTypes: ['text'] }, reminder),
      'buttons not among what the channel sends',
    ).toBe(false);
  });
});

describe('the clinic’s channel order and its one fallback', () => {
  const ordered = (order: ChannelType[], options: ReminderChannelOption[], extra = {}) =>
    chooseReminderChannel(options, reminder, NOW, { order, ...extra });

  test('the first channel of the order takes it, however recent the others are; no fallback then', () => {
    expect(ordered(['whatsapp', 'telegram'], [on('telegram', 1), on('whatsapp', 2)])).toEqual({
      kind: 'send',
      channel: 'whatsapp',
      form: 'buttons',
    });
  });

  test('no id, no consent, a blocked channel: the next channel that can takes it, with the first one’s reason', () => {
    expect(
      ordered(['whatsapp', 'telegram'], [on('whatsapp', 2, { reach: null }), on('telegram', 1)]),
    ).toMatchObject({
      channel: 'telegram',
      fallback: { from: 'whatsapp', reason: 'no_channel' },
    });
    expect(ordered(['whatsapp', 'telegram'], [on('telegram', 1)])).toMatchObject({
      channel: 'telegram',
      fallback: { from: 'whatsapp', reason: 'no_consent' },
    });
    const blocked = new Map([['whatsapp', 'template_unavailable'] as const]);
    expect(
      ordered(
        ['whatsapp', 'messenger', 'telegram'],
        [on('whatsapp', 30), on('messenger', 30), on('telegram', 40)],
        { blocked },
      ),
    ).toMatchObject({
      channel: 'telegram',
      fallback: { from: 'whatsapp', reason: 'template_unavailable' },
    });
  });

  test('channels outside the order come after it, by recency', () => {
    expect(
      ordered(['whatsapp'], [on('whatsapp', 1, { reach: null }), on('messenger', 3), on('telegram', 5)]),
    ).toMatchObject({
      channel: 'messenger',
      fallback: { from: 'whatsapp', reason: 'no_channel' },
    });
  });

  test('after a fallback already, the next channel takes it without a second one, and none left is held with why', () => {
    const blocked = new Map([['whatsapp', 'not_on_whatsapp'] as const]);
    expect(
      ordered(['whatsapp', 'telegram'], [on('whatsapp', 30), on('telegram', 1)], { blocked, fellBack: true }),
    ).toEqual({
      kind: 'send',
      channel: 'telegram',
      form: 'buttons',
    });
    const quota = new Map([['whatsapp', 'line_quota_reached'] as const]);
    expect(ordered(['whatsapp'], [on('whatsapp', 1)], { blocked: quota })).toEqual({
      kind: 'skip',
      reason: 'line_quota_reached',
    });
  });
});
