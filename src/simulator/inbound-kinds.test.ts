import { afterEach, describe, expect, it } from 'vitest';
import type { PatientMessage } from './patient-message.ts';
import {
  changeValue,
  startSimulatorAndReceiver,
  TEST_NUMBER,
  textTo,
  wamidOf,
} from './webhook-receiver.test-support.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const FROM = '+33612345678';
const DISPLAY = TEST_NUMBER.displayPhoneNumber;

/** The message object of the last webhook, without the fields every message has. */
function lastMessage(h: Harness) {
  const webhook = h.receiver.received.at(-1);
  if (!webhook) throw new Error('no webhook');
  const message: Record<string, unknown> = changeValue(webhook).messages?.[0] ?? {};
  const { from, id, timestamp, ...rest } = message;
  expect(from).toBe('33612345678');
  expect(typeof id).toBe('string');
  expect(timestamp).toMatch(/^\d+$/);
  return rest;
}

describe('patient messages of every kind', () => {
  it('carry the shapes of the conformance fixtures', async () => {
    harness = await startSimulatorAndReceiver({ behaviour: { stopAfter: 'accepted' } });
    const h = harness;
    const business = wamidOf(await h.graph(textTo('33612345678', 'Choisissez')));
    const { wamid: own } = await h.simulator.patientSends({ from: FROM, text: 'Bonjour' });
    const ogg = Buffer.from('OggS voice');

    const cases: Array<[PatientMessage, Record<string, unknown>]> = [
      [
        { type: 'audio', from: FROM, bytes: ogg, voice: true },
        {
          type: 'audio',
          audio: {
            mime_type: 'audio/ogg; codecs=opus',
            sha256: expect.any(String),
            id: expect.any(String),
            voice: true,
          },
        },
      ],
      [
        {
          type: 'document',
          from: FROM,
          bytes: Buffer.from('%PDF'),
          filename: 'cr.pdf',
          caption: 'compte rendu',
          forwarded: 'forwarded',
        },
        {
          context: { forwarded: true },
          type: 'document',
          document: {
            caption: 'compte rendu',
            filename: 'cr.pdf',
            mime_type: 'application/pdf',
            sha256: expect.any(String),
            id: expect.any(String),
          },
        },
      ],
      [
        { type: 'sticker', from: FROM, bytes: Buffer.from('RIFF'), animated: true },
        {
          type: 'sticker',
          sticker: {
            mime_type: 'image/webp',
            sha256: expect.any(String),
            id: expect.any(String),
            animated: true,
          },
        },
      ],
      [
        { type: 'video', from: FROM, bytes: Buffer.from('mp4'), caption: 'hello' },
        {
          type: 'video',
          video: {
            caption: 'hello',
            mime_type: 'video/mp4',
            sha256: expect.any(String),
            id: expect.any(String),
          },
        },
      ],
      [
        {
          type: 'location',
          from: FROM,
          latitude: 48.85,
          longitude: 2.35,
          name: 'Cabinet',
          address: '1 rue X',
        },
        {
          location: { latitude: 48.85, longitude: 2.35, name: 'Cabinet', address: '1 rue X' },
          type: 'location',
        },
      ],
      [
        {
          type: 'contacts',
          from: FROM,
          contacts: [{ name: { formatted_name: 'Person Ok' }, phones: [{ phone: '+55', type: 'CELL' }] }],
        },
        {
          type: 'contacts',
          contacts: [{ name: { formatted_name: 'Person Ok' }, phones: [{ phone: '+55', type: 'CELL' }] }],
        },
      ],
      [
        { type: 'button_reply', from: FROM, replyTo: business, id: 'yes', title: 'Oui' },
        {
          context: { from: DISPLAY, id: business },
          type: 'interactive',
          interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'Oui' } },
        },
      ],
      [
        { type: 'list_reply', from: FROM, replyTo: business, id: 'r1', title: 'Lundi', description: '9h' },
        {
          context: { from: DISPLAY, id: business },
          type: 'interactive',
          interactive: { type: 'list_reply', list_reply: { id: 'r1', title: 'Lundi', description: '9h' } },
        },
      ],
      [
        { type: 'button', from: FROM, replyTo: business, payload: 'CONFIRM', text: 'Confirmer' },
        {
          context: { from: DISPLAY, id: business },
          type: 'button',
          button: { payload: 'CONFIRM', text: 'Confirmer' },
        },
      ],
      [
        { type: 'reaction', from: FROM, messageId: business, emoji: '😮' },
        { type: 'reaction', reaction: { message_id: business, emoji: '😮' } },
      ],
      [
        { type: 'reaction', from: FROM, messageId: business, emoji: '' },
        { type: 'reaction', reaction: { message_id: business, emoji: '' } },
      ],
      [
        { type: 'edit', from: FROM, originalMessageId: own, text: 'Bonjour docteur' },
        {
          type: 'edit',
          edit: { original_message_id: own, message: { type: 'text', text: { body: 'Bonjour docteur' } } },
        },
      ],
      [
        { type: 'revoke', from: FROM, originalMessageId: own },
        { type: 'revoke', revoke: { original_message_id: own } },
      ],
      [
        { type: 'unsupported', from: FROM, unsupportedType: 'poll' },
        {
          errors: [
            {
              code: 131051,
              title: 'Message type unknown',
              message: 'Message type unknown',
              error_data: { details: 'Message type is currently not supported.' },
            },
          ],
          type: 'unsupported',
          unsupported: { type: 'poll' },
        },
      ],
      [
        { type: 'system', from: FROM, name: 'Marie', newPhone: '+33700000000' },
        {
          system: {
            body: 'User Marie changed from 33612345678 to 33700000000',
            wa_id: '33700000000',
            type: 'user_changed_number',
          },
          type: 'system',
        },
      ],
      [
        {
          from: FROM,
          text: 'Vu votre annonce',
          referral: {
            source_url: 'https://fb.me/ad',
            source_id: 'ADID',
            source_type: 'ad',
            headline: 'Vaccins',
            ctwa_clid: 'CLID',
          },
        },
        {
          referral: {
            source_url: 'https://fb.me/ad',
            source_id: 'ADID',
            source_type: 'ad',
            headline: 'Vaccins',
            ctwa_clid: 'CLID',
          },
          text: { body: 'Vu votre annonce' },
          type: 'text',
        },
      ],
      [
        { type: 'text', from: FROM, text: 'en réponse', replyTo: business },
        { context: { from: DISPLAY, id: business }, text: { body: 'en réponse' }, type: 'text' },
      ],
    ];
    for (const [input, expected] of cases) {
      const result = await h.simulator.patientSends(input);
      expect(result.httpStatus).toBe(200);
      expect(lastMessage(h), JSON.stringify(input)).toEqual(expected);
    }
    expect(h.receiver.received.every((webhook) => webhook.signatureValid)).toBe(true);
    expect(h.simulator.inboundMessages(TEST_NUMBER.phoneNumberId).map((message) => message.type)).toContain(
      'sticker',
    );
  });

  it('refuses replies to messages the number never exchanged, naming the field', async () => {
    harness = await startSimulatorAndReceiver();
    await expect(
      harness.simulator.patientSends({
        type: 'button_reply',
        from: FROM,
        replyTo: 'wamid.nope',
        id: 'a',
        title: 'b',
      }),
    ).rejects.toMatchObject({ field: 'replyTo' });
    await expect(
      harness.simulator.patientSends({ type: 'revoke', from: FROM, originalMessageId: 'wamid.nope' }),
    ).rejects.toMatchObject({ field: 'originalMessageId' });
    await expect(
      harness.simulator.patientSends({ type: 'image', from: FROM, bytes: '***' }),
    ).rejects.toMatchObject({ field: 'bytes' });
  });
});
