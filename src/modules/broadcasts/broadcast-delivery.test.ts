import { describe, expect, test } from 'vitest';
import type { WindowPolicy } from '../../channels/channel-capabilities.ts';
import type { ChannelType } from '../channel-accounts/channel-types.ts';
import {
  type BroadcastChannelOption,
  broadcastLanguageFor,
  broadcastMessage,
  chooseBroadcastChannel,
  personalise,
} from './broadcast-delivery.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const HOUR = 3_600_000;
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * HOUR);

const WHATSAPP: WindowPolicy = { kind: 'session', hours: 24, after: 'templates' };
const MESSENGER: WindowPolicy = { kind: 'session', hours: 24, after: 'human_agent_tag', tagHours: 168 };
const TELEGRAM: WindowPolicy = { kind: 'none' };

function option(
  channel: ChannelType,
  window: WindowPolicy,
  wroteHoursAgo: number | null,
): BroadcastChannelOption {
  const at = wroteHoursAgo === null ? null : hoursAgo(wroteHoursAgo);
  return {
    channel,
    reach: { window, templates: channel === 'whatsapp' },
    windowFrom: at,
    lastWroteAt: at,
    lastMessageAt: at,
  };
}

const words = (entries: Array<[ChannelType, boolean]>) => new Map(entries);
const text = { text: 'Bonjour {{first_name}}' };
const both = { ...text, template: { name: 'conseil', language: 'fr', parameters: ['{{first_name}}'] } };

describe('where a broadcast goes for one patient', () => {
  test('no word on health information: no_consent; only withdrawals: opted_out', () => {
    const options = [option('whatsapp', WHATSAPP, 1)];
    expect(chooseBroadcastChannel(undefined, options, text, NOW)).toEqual({
      kind: 'skip',
      reason: 'no_consent',
    });
    expect(chooseBroadcastChannel(words([['whatsapp', false]]), options, text, NOW)).toEqual({
      kind: 'skip',
      reason: 'opted_out',
    });
  });

  test('agreed only where the clinic cannot reach them: no_channel', () => {
    expect(
      chooseBroadcastChannel(words([['telegram', true]]), [option('whatsapp', WHATSAPP, 1)], text, NOW),
    ).toEqual({ kind: 'skip', reason: 'no_channel' });
  });

  test('WhatsApp: text inside the window, the template outside, or template_unavailable without one', () => {
    const yes = words([['whatsapp', true]]);
    expect(chooseBroadcastChannel(yes, [option('whatsapp', WHATSAPP, 2)], text, NOW)).toEqual({
      kind: 'send',
      channel: 'whatsapp',
      form: 'text',
    });
    expect(chooseBroadcastChannel(yes, [option('whatsapp', WHATSAPP, 30)], both, NOW)).toEqual({
      kind: 'send',
      channel: 'whatsapp',
      form: 'template',
    });
    expect(chooseBroadcastChannel(yes, [option('whatsapp', WHATSAPP, null)], text, NOW)).toEqual({
      kind: 'skip',
      reason: 'template_unavailable',
    });
  });

  test('Messenger outside its window carries nothing automated; Telegram any time; the withdrawal on one channel is honoured there only', () => {
    expect(
      chooseBroadcastChannel(words([['messenger', true]]), [option('messenger', MESSENGER, 30)], text, NOW),
    ).toEqual({ kind: 'skip', reason: 'window_closed' });
    const options = [option('whatsapp', WHATSAPP, 1), option('telegram', TELEGRAM, null)];
    expect(
      chooseBroadcastChannel(
        words([
          ['whatsapp', false],
          ['telegram', true],
        ]),
        options,
        text,
        NOW,
      ),
    ).toEqual({ kind: 'send', channel: 'telegram', form: 'text' });
  });

  test('the channel where the patient last wrote comes first; the next one takes over when it cannot', () => {
    const yes = words([
      ['whatsapp', true],
      ['telegram', true],
    ]);
    expect(
      chooseBroadcastChannel(
        yes,
        [option('whatsapp', WHATSAPP, 5), option('telegram', TELEGRAM, 1)],
        text,
        NOW,
      ),
    ).toMatchObject({ channel: 'telegram' });
    expect(
      chooseBroadcastChannel(
        yes,
        [option('whatsapp', WHATSAPP, 40), option('telegram', TELEGRAM, 50)],
        text,
        NOW,
      ),
    ).toMatchObject({ channel: 'telegram', form: 'text' });
  });
});

describe('what a patient reads', () => {
  test('placeholders become the patient’s and the clinic’s names; an unknown name leaves no stray space', () => {
    const fields = { displayName: 'Chloé  Martin', clinicName: 'Centre Belleville' };
    expect(personalise('Bonjour {{first_name}}, {{ clinic_name }} vous informe.', fields)).toBe(
      'Bonjour Chloé, Centre Belleville vous informe.',
    );
    expect(personalise('{{NAME}} / {{last_name}} / {{unknown}}', fields)).toBe(
      'Chloé Martin / Martin / {{unknown}}',
    );
    expect(personalise('Bonjour {{first_name}}, à bientôt !', { displayName: null, clinicName: 'X' })).toBe(
      'Bonjour, à bientôt !',
    );
  });

  test('a template’s values are personalised, an empty one reads as a dash', () => {
    expect(broadcastMessage(both, 'template', { displayName: null, clinicName: 'X' })).toEqual({
      type: 'template',
      name: 'conseil',
      language: 'fr',
      components: { body: ['-'] },
    });
    expect(broadcastMessage(text, 'template', { displayName: 'A', clinicName: 'X' })).toBeNull();
  });

  test('the patient’s language when the broadcast has it, else its default', () => {
    expect(broadcastLanguageFor({ fr: text, en: text }, 'en', 'fr')).toBe('en');
    expect(broadcastLanguageFor({ fr: text }, 'en', 'fr')).toBe('fr');
  });
});
