import { describe, expect, it } from 'vitest';
import type { AdapterSendOptions, MediaFile } from '../channel-adapter.ts';
import { type OutboundMessage, outboundMessageSchema } from '../outbound-message.ts';
import { buildTelegramRequest } from './build-telegram-request.ts';
import { encodeTelegramBody } from './telegram-request-body.ts';

const CHAT = '7100000001';
const PDF: MediaFile = {
  bytes: Buffer.from('%PDF-1.7 test'),
  mimeType: 'application/pdf',
  fileName: 'letter.pdf',
};
const options: Pick<AdapterSendOptions, 'replyToExternalId' | 'loadMedia'> = {
  replyToExternalId: null,
  loadMedia: async (id: string): Promise<MediaFile> => {
    if (id === 'big-photo')
      return { bytes: Buffer.alloc(10 * 1024 * 1024 + 1), mimeType: 'image/jpeg', fileName: null };
    if (id === 'wav') return { bytes: Buffer.from('RIFF'), mimeType: 'audio/wav', fileName: null };
    if (id === 'ogg')
      return { bytes: Buffer.from('OggS'), mimeType: 'audio/ogg; codecs=opus', fileName: null };
    return PDF;
  },
};

/** Messages go through the port's own schema first, as the outbox's do. */
const message = (value: unknown): OutboundMessage => outboundMessageSchema.parse(value);
const build = (value: unknown, extra: Partial<typeof options> = {}) =>
  buildTelegramRequest(CHAT, message(value), { ...options, ...extra });

describe('buildTelegramRequest: what is built', () => {
  it.each<[string, unknown, unknown]>([
    [
      'text, quoting a message, no link preview unless asked',
      { type: 'text', text: 'See you Monday' },
      {
        method: 'sendMessage',
        params: { chat_id: CHAT, text: 'See you Monday', link_preview_options: { is_disabled: true } },
      },
    ],
    [
      'text with a link preview',
      { type: 'text', text: 'https://example.org', previewUrl: true },
      { method: 'sendMessage', params: { chat_id: CHAT, text: 'https://example.org' } },
    ],
    [
      'an image by URL, with caption',
      { type: 'image', media: { url: 'https://example.org/a.jpg' }, caption: 'Your X-ray' },
      {
        method: 'sendPhoto',
        params: { chat_id: CHAT, photo: 'https://example.org/a.jpg', caption: 'Your X-ray' },
      },
    ],
    [
      'a video by Telegram file id',
      { type: 'video', media: { mediaId: 'm1', providerMediaId: 'BAADAgAD' } },
      { method: 'sendVideo', params: { chat_id: CHAT, video: 'BAADAgAD' } },
    ],
    [
      'an audio file',
      { type: 'audio', media: { url: 'https://example.org/a.mp3' } },
      { method: 'sendAudio', params: { chat_id: CHAT, audio: 'https://example.org/a.mp3' } },
    ],
    [
      'a voice note',
      { type: 'audio', voice: true, media: { url: 'https://example.org/a.ogg' } },
      { method: 'sendVoice', params: { chat_id: CHAT, voice: 'https://example.org/a.ogg' } },
    ],
    [
      'a sticker',
      { type: 'sticker', media: { url: 'https://example.org/s.webp' } },
      { method: 'sendSticker', params: { chat_id: CHAT, sticker: 'https://example.org/s.webp' } },
    ],
    [
      'a location',
      { type: 'location', latitude: 48.85, longitude: 2.35 },
      { method: 'sendLocation', params: { chat_id: CHAT, latitude: 48.85, longitude: 2.35 } },
    ],
    [
      'a named place, as a venue',
      { type: 'location', latitude: 48.85, longitude: 2.35, name: 'Clinic', address: '1 Main St' },
      {
        method: 'sendVenue',
        params: { chat_id: CHAT, latitude: 48.85, longitude: 2.35, title: 'Clinic', address: '1 Main St' },
      },
    ],
    [
      'a contact',
      {
        type: 'contacts',
        contacts: [
          {
            name: { formattedName: 'Dr Ada Roy', firstName: 'Ada', lastName: 'Roy' },
            phones: [{ phone: '+33100000000' }],
          },
        ],
      },
      {
        method: 'sendContact',
        params: { chat_id: CHAT, phone_number: '+33100000000', first_name: 'Ada', last_name: 'Roy' },
      },
    ],
    [
      'a reaction',
      { type: 'reaction', targetMessageId: 'msg_1', targetExternalId: '311', emoji: '❤️' },
      {
        method: 'setMessageReaction',
        params: { chat_id: CHAT, message_id: 311, reaction: [{ type: 'emoji', emoji: '❤' }] },
      },
    ],
    [
      'a reaction removed',
      { type: 'reaction', targetMessageId: 'msg_1', targetExternalId: '311', emoji: '' },
      { method: 'setMessageReaction', params: { chat_id: CHAT, message_id: 311, reaction: [] } },
    ],
    [
      'buttons, as an inline keyboard one per row, header and footer as paragraphs',
      {
        type: 'buttons',
        header: { type: 'text', text: 'Appointment' },
        body: 'Monday 9:00. Can you come?',
        footer: 'Clinique du Parc',
        buttons: [
          { id: 'yes', title: 'Yes' },
          { id: 'move', title: 'Move it' },
        ],
      },
      {
        method: 'sendMessage',
        params: {
          chat_id: CHAT,
          text: 'Appointment\n\nMonday 9:00. Can you come?\n\nClinique du Parc',
          reply_markup: {
            inline_keyboard: [
              [{ text: 'Yes', callback_data: 'yes' }],
              [{ text: 'Move it', callback_data: 'move' }],
            ],
          },
        },
      },
    ],
    [
      'buttons under an image header, as a photo with caption',
      {
        type: 'buttons',
        header: { type: 'image', url: 'https://example.org/a.jpg' },
        body: 'Is this it?',
        buttons: [{ id: 'y', title: 'Yes' }],
      },
      {
        method: 'sendPhoto',
        params: {
          chat_id: CHAT,
          photo: 'https://example.org/a.jpg',
          caption: 'Is this it?',
          reply_markup: { inline_keyboard: [[{ text: 'Yes', callback_data: 'y' }]] },
        },
      },
    ],
    [
      'a list, one keyboard row per option',
      {
        type: 'list',
        body: 'Pick a slot',
        buttonLabel: 'Slots',
        sections: [
          { title: 'Mon', rows: [{ id: 'mon9', title: 'Mon 9:00', description: 'Dr Roy' }] },
          { title: 'Tue', rows: [{ id: 'tue9', title: 'Tue 9:00' }] },
        ],
      },
      {
        method: 'sendMessage',
        params: {
          text: 'Pick a slot',
          reply_markup: {
            inline_keyboard: [
              [{ text: 'Mon 9:00', callback_data: 'mon9' }],
              [{ text: 'Tue 9:00', callback_data: 'tue9' }],
            ],
          },
        },
      },
    ],
    [
      'a call-to-action link, as a URL button',
      { type: 'ctaUrl', body: 'Fill in the form', displayText: 'Open form', url: 'https://example.org/form' },
      {
        method: 'sendMessage',
        params: {
          text: 'Fill in the form',
          reply_markup: { inline_keyboard: [[{ text: 'Open form', url: 'https://example.org/form' }]] },
        },
      },
    ],
  ])('%s', async (_, value, call) => {
    expect(await build(value)).toMatchObject({ ok: true, call });
  });

  it('quotes a message by its Telegram id, and sends anyway if it is gone', async () => {
    const built = await build({ type: 'text', text: 'ok' }, { replyToExternalId: '311' });
    expect(built).toMatchObject({
      call: { params: { reply_parameters: { message_id: 311, allow_sending_without_reply: true } } },
    });
  });

  it('does not quote an id that is not Telegram’s', async () => {
    const built = await build({ type: 'text', text: 'ok' }, { replyToExternalId: 'wamid.X' });
    expect(built.ok && 'reply_parameters' in built.call.params).toBe(false);
  });

  it('uploads a Careline medium as multipart/form-data, with its name and other fields as text', async () => {
    const built = await build({
      type: 'document',
      media: { mediaId: 'doc1' },
      caption: 'Letter',
      fileName: 'referral.pdf',
    });
    if (!built.ok) throw new Error('not built');
    expect(built.call.method).toBe('sendDocument');
    const body = encodeTelegramBody(built.call.params);
    if (body.kind !== 'multipart') throw new Error('not multipart');
    expect(body.form.get('chat_id')).toBe(CHAT);
    expect(body.form.get('caption')).toBe('Letter');
    const file = body.form.get('document');
    if (!(file instanceof File)) throw new Error('no file');
    expect(file.name).toBe('referral.pdf');
    expect(file.type).toBe('application/pdf');
    expect(Buffer.from(await file.arrayBuffer()).toString()).toBe('%PDF-1.7 test');
  });

  it('encodes objects in a multipart form as JSON', async () => {
    const built = await build({
      type: 'buttons',
      header: { type: 'image', mediaId: 'img' },
      body: 'b',
      buttons: [{ id: 'y', title: 'Y' }],
    });
    if (!built.ok) throw new Error('not built');
    const body = encodeTelegramBody(built.call.params);
    if (body.kind !== 'multipart') throw new Error('not multipart');
    expect(JSON.parse(String(body.form.get('reply_markup')))).toEqual({
      inline_keyboard: [[{ text: 'Y', callback_data: 'y' }]],
    });
  });

  it('sends a contact with more than one phone or an email as a vCard too', async () => {
    const built = await build({
      type: 'contacts',
      contacts: [
        {
          name: { formattedName: 'Front desk; Parc' },
          phones: [{ phone: '+331', type: 'WORK' }, { phone: '+332' }],
          emails: [{ email: 'desk@example.org' }],
        },
      ],
    });
    expect(built).toMatchObject({
      ok: true,
      call: { method: 'sendContact', params: { first_name: 'Front desk; Parc' } },
    });
    const vcard = built.ok && 'vcard' in built.call.params ? built.call.params.vcard : '';
    expect(vcard).toBe(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Front desk\\; Parc\r\nN:;;;;\r\nTEL;TYPE=WORK:+331\r\nTEL:+332\r\nEMAIL:desk@example.org\r\nEND:VCARD',
    );
  });
});

describe('buildTelegramRequest: what is refused, by field', () => {
  it.each<[string, unknown, string]>([
    ['a template', { type: 'template', name: 'reminder', language: 'en_US' }, 'type'],
    ['a text over 4096', { type: 'text', text: 'x'.repeat(4097) }, 'text'],
    [
      'a caption over 1024',
      { type: 'image', media: { url: 'https://e.org/a.jpg' }, caption: 'x'.repeat(1025) },
      'caption',
    ],
    [
      '9 buttons',
      {
        type: 'buttons',
        body: 'b',
        buttons: Array.from({ length: 9 }, (_, i) => ({ id: `b${i}`, title: `B${i}` })),
      },
      'buttons',
    ],
    [
      'a button id over 64 bytes',
      { type: 'buttons', body: 'b', buttons: [{ id: 'é'.repeat(33), title: 'T' }] },
      'buttons[0].id',
    ],
    [
      'two buttons with one id',
      {
        type: 'buttons',
        body: 'b',
        buttons: [
          { id: 'a', title: 'A' },
          { id: 'a', title: 'B' },
        ],
      },
      'buttons[1].id',
    ],
    [
      'a list row id over 64 bytes',
      {
        type: 'list',
        body: 'b',
        buttonLabel: 'L',
        sections: [{ rows: [{ id: 'r'.repeat(65), title: 'R' }] }],
      },
      'sections[0].rows[0].id',
    ],
    [
      'a caption-sized body under a media header',
      {
        type: 'buttons',
        header: { type: 'image', url: 'https://e.org/a.jpg' },
        body: 'x'.repeat(1025),
        buttons: [{ id: 'a', title: 'A' }],
      },
      'body',
    ],
    [
      'two contacts',
      {
        type: 'contacts',
        contacts: [
          { name: { formattedName: 'A' }, phones: [{ phone: '1' }] },
          { name: { formattedName: 'B' }, phones: [{ phone: '2' }] },
        ],
      },
      'contacts',
    ],
    [
      'a contact without a phone',
      { type: 'contacts', contacts: [{ name: { formattedName: 'A' } }] },
      'contacts[0].phones',
    ],
    [
      'an emoji bots may not react with',
      { type: 'reaction', targetMessageId: 'm', targetExternalId: '1', emoji: '🦷' },
      'emoji',
    ],
    [
      'a reaction without the Telegram id',
      { type: 'reaction', targetMessageId: 'm', emoji: '👍' },
      'targetExternalId',
    ],
    [
      'a reaction to a non-Telegram id',
      { type: 'reaction', targetMessageId: 'm', targetExternalId: 'wamid.X', emoji: '👍' },
      'targetExternalId',
    ],
    ['a photo upload over 10 MB', { type: 'image', media: { mediaId: 'big-photo' } }, 'media'],
    [
      'a voice note that is not OGG, MP3 or M4A',
      { type: 'audio', voice: true, media: { mediaId: 'wav' } },
      'media',
    ],
    [
      'an oversized header upload',
      {
        type: 'buttons',
        header: { type: 'image', mediaId: 'big-photo' },
        body: 'b',
        buttons: [{ id: 'a', title: 'A' }],
      },
      'header.media',
    ],
  ])('%s', async (_, value, field) => {
    const built = await build(value);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.violations.map((violation) => violation.field)).toContain(field);
  });

  it('takes an OGG/Opus voice note upload', async () => {
    expect(await build({ type: 'audio', voice: true, media: { mediaId: 'ogg' } })).toMatchObject({
      ok: true,
      call: { method: 'sendVoice' },
    });
  });
});
