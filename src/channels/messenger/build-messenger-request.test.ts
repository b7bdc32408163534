import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../outbound-message.ts';
import { buildMessengerRequest, type MessengerRequestOptions } from './build-messenger-request.ts';
import { messengerCapabilities } from './messenger-capabilities.ts';

const PSID = '7345612398745612';
const MESSENGER: MessengerRequestOptions = {
  channel: 'messenger',
  replyToExternalId: null,
  humanAgentTag: false,
};
const INSTAGRAM: MessengerRequestOptions = { ...MESSENGER, channel: 'instagram' };

function build(message: OutboundMessage, options: MessengerRequestOptions = MESSENGER) {
  return buildMessengerRequest(message, PSID, options);
}

function fieldsRefused(message: OutboundMessage, options: MessengerRequestOptions = MESSENGER): string[] {
  const request = build(message, options);
  return request.kind === 'refused' ? request.violations.map((violation) => violation.field) : [];
}

describe('buildMessengerRequest', () => {
  it('sends text as a RESPONSE to the PSID', () => {
    expect(build({ type: 'text', text: 'Your appointment is at 10.' })).toEqual({
      kind: 'json',
      body: {
        recipient: { id: PSID },
        messaging_type: 'RESPONSE',
        message: { text: 'Your appointment is at 10.' },
      },
    });
  });

  it('tags a reply after the window HUMAN_AGENT and quotes with reply_to', () => {
    const request = build(
      { type: 'text', text: 'Sorry for the delay.' },
      { ...MESSENGER, humanAgentTag: true, replyToExternalId: 'm_patient' },
    );
    expect(request).toEqual({
      kind: 'json',
      body: {
        recipient: { id: PSID },
        messaging_type: 'MESSAGE_TAG',
        tag: 'HUMAN_AGENT',
        reply_to: { mid: 'm_patient' },
        message: { text: 'Sorry for the delay.' },
      },
    });
  });

  it('refuses text over 2,000 characters on Messenger and 1,000 on Instagram, counting emoji as one', () => {
    expect(fieldsRefused({ type: 'text', text: '😀'.repeat(2000) })).toEqual([]);
    expect(fieldsRefused({ type: 'text', text: 'x'.repeat(2001) })).toEqual(['text']);
    expect(fieldsRefused({ type: 'text', text: 'x'.repeat(1001) }, INSTAGRAM)).toEqual(['text']);
  });

  it.each([
    ['image', 'image'],
    ['video', 'video'],
    ['audio', 'audio'],
    ['document', 'file'],
  ] as const)('sends a %s by URL as a reusable %s attachment', (type, wire) => {
    const request = build({ type, media: { url: 'https://files.example/x' } });
    expect(request).toEqual({
      kind: 'json',
      body: {
        recipient: { id: PSID },
        messaging_type: 'RESPONSE',
        message: {
          attachment: { type: wire, payload: { url: 'https://files.example/x', is_reusable: true } },
        },
      },
    });
  });

  it('sends media Meta already holds by its attachment_id', () => {
    const request = build({
      type: 'image',
      media: { mediaId: 'med_1', providerMediaId: '1857777774821032' },
    });
    expect(request).toMatchObject({
      kind: 'json',
      body: { message: { attachment: { type: 'image', payload: { attachment_id: '1857777774821032' } } } },
    });
  });

  it('uploads a Careline file in the same call', () => {
    expect(build({ type: 'document', media: { mediaId: 'med_2' }, fileName: 'letter.pdf' })).toEqual({
      kind: 'upload',
      mediaId: 'med_2',
      fields: {
        recipient: { id: PSID },
        messaging_type: 'RESPONSE',
        message: { attachment: { type: 'file', payload: { is_reusable: true } } },
      },
    });
  });

  it('refuses a caption, which an attachment cannot carry', () => {
    expect(
      fieldsRefused({ type: 'image', media: { url: 'https://files.example/x' }, caption: 'Your scan' }),
    ).toEqual(['caption']);
  });

  it('sends buttons as a button template with postback buttons', () => {
    const request = build({
      type: 'buttons',
      body: 'Can you come on Monday?',
      buttons: [
        { id: 'appt:1:yes', title: 'Yes' },
        { id: 'appt:1:no', title: 'No' },
      ],
    });
    expect(request).toMatchObject({
      kind: 'json',
      body: {
        message: {
          attachment: {
            type: 'template',
            payload: {
              template_type: 'button',
              text: 'Can you come on Monday?',
              buttons: [
                { type: 'postback', title: 'Yes', payload: 'appt:1:yes' },
                { type: 'postback', title: 'No', payload: 'appt:1:no' },
              ],
            },
          },
        },
      },
    });
  });

  it('refuses more than 3 buttons, long titles, a long text, a header and a footer, naming each field', () => {
    const message: OutboundMessage = {
      type: 'buttons',
      header: { type: 'text', text: 'Hello' },
      footer: 'Clinic',
      body: 'x'.repeat(641),
      buttons: [
        { id: 'a', title: 'x'.repeat(21) },
        { id: 'b', title: 'B' },
        { id: 'c', title: 'C' },
        { id: 'd', title: 'D' },
      ],
    };
    expect(fieldsRefused(message)).toEqual(['header', 'footer', 'body', 'buttons', 'buttons[0].title']);
  });

  it('sends a link button as a button template with a web_url button', () => {
    const request = build({
      type: 'ctaUrl',
      body: 'Your results',
      displayText: 'Open',
      url: 'https://clinic.example/r',
    });
    expect(request).toMatchObject({
      body: {
        message: {
          attachment: {
            payload: {
              template_type: 'button',
              buttons: [{ type: 'web_url', title: 'Open', url: 'https://clinic.example/r' }],
            },
          },
        },
      },
    });
  });

  it('sends a list of at most 13 rows as quick replies', () => {
    const request = build({
      type: 'list',
      body: 'Which day?',
      buttonLabel: 'Days',
      sections: [
        { title: 'This week', rows: [{ id: 'd:mon', title: 'Monday' }] },
        { title: 'Next week', rows: [{ id: 'd:tue', title: 'Tuesday' }] },
      ],
    });
    expect(request).toEqual({
      kind: 'json',
      body: {
        recipient: { id: PSID },
        messaging_type: 'RESPONSE',
        message: {
          text: 'Which day?',
          quick_replies: [
            { content_type: 'text', title: 'Monday', payload: 'd:mon' },
            { content_type: 'text', title: 'Tuesday', payload: 'd:tue' },
          ],
        },
      },
    });
  });

  it('refuses a list of more than 13 rows, and descriptions, naming the fields', () => {
    const rows = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}` }));
    const message: OutboundMessage = {
      type: 'list',
      body: 'Pick one',
      buttonLabel: 'Open',
      sections: [
        { rows: rows('a', 10) },
        { rows: [...rows('b', 3), { id: 'b9', title: 'Last', description: 'more' }] },
      ],
    };
    const request = build(message);
    expect(request.kind).toBe('refused');
    expect(request.kind === 'refused' ? request.violations : []).toEqual([
      {
        field: 'sections',
        limit: 'a Messenger list is sent as quick replies: at most 13 rows in all',
        actual: 14,
      },
      { field: 'sections[1].rows[3].description', limit: 'Messenger quick replies have no description' },
    ]);
  });

  it('reacts on Instagram with the named reaction, and removes it with an empty emoji', () => {
    expect(
      build({ type: 'reaction', targetMessageId: 'msg_1', targetExternalId: 'aWdf1', emoji: '❤️' }, INSTAGRAM),
    ).toEqual({
      kind: 'json',
      body: {
        recipient: { id: PSID },
        sender_action: 'react',
        payload: { message_id: 'aWdf1', reaction: 'love' },
      },
    });
    expect(
      build({ type: 'reaction', targetMessageId: 'msg_1', targetExternalId: 'aWdf1', emoji: '' }, INSTAGRAM),
    ).toEqual({
      kind: 'json',
      body: { recipient: { id: PSID }, sender_action: 'unreact', payload: { message_id: 'aWdf1' } },
    });
  });

  it('refuses an Instagram reaction without the target id or with an emoji Instagram does not name', () => {
    expect(fieldsRefused({ type: 'reaction', targetMessageId: 'msg_1', emoji: '🦄' }, INSTAGRAM)).toEqual([
      'targetExternalId',
      'emoji',
    ]);
  });

  it.each<OutboundMessage>([
    { type: 'reaction', targetMessageId: 'msg_1', targetExternalId: 'm_1', emoji: '👍' },
    { type: 'sticker', media: { url: 'https://files.example/s.webp' } },
    { type: 'location', latitude: 48.85, longitude: 2.35 },
    { type: 'contacts', contacts: [{ name: { formattedName: 'Dr Martin' } }] },
    { type: 'template', name: 'appointment_reminder', language: 'en_US' },
  ])('refuses a $type message on Messenger by capability, naming the type', (message) => {
    const request = build(message);
    expect(request).toEqual({
      kind: 'refused',
      violations: [
        { field: 'type', limit: `Messenger cannot send a ${message.type} message`, actual: message.type },
      ],
    });
  });

  it('agrees with the capabilities on what each channel sends', () => {
    expect(messengerCapabilities('messenger').outboundTypes).not.toContain('reaction');
    expect(messengerCapabilities('instagram').outboundTypes).toContain('reaction');
    expect(messengerCapabilities('instagram').textLength).toBe(1000);
    expect(messengerCapabilities('instagram').media.image?.maxBytes).toBe(8 * 1024 * 1024);
    expect(messengerCapabilities('messenger').media.document?.maxBytes).toBe(25 * 1024 * 1024);
  });
});
