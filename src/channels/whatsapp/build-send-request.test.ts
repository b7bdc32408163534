import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../outbound-message.ts';
import { buildWhatsAppSendRequest, UnresolvedReferenceError } from './build-send-request.ts';
import { standInMessageId } from './stand-in-message-id.ts';

const patient = { waId: '16505551234' };
const options = { correlationId: 'msg-1' };

/** The envelope every send carries (channels.md §1.7), around the type object under test. */
function graphBody(type: string, content: unknown, extra: Record<string, unknown> = {}) {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '16505551234',
    type,
    [type]: content,
    biz_opaque_callback_data: 'msg-1',
    ...extra,
  };
}

function build(message: OutboundMessage, extraOptions: Record<string, unknown> = {}) {
  return buildWhatsAppSendRequest(message, patient, { ...options, ...extraOptions });
}

describe('buildWhatsAppSendRequest', () => {
  it('text', () => {
    expect(build({ type: 'text', text: 'Your results are ready' })).toStrictEqual(
      graphBody('text', { body: 'Your results are ready', preview_url: false }),
    );
    expect(build({ type: 'text', text: 'See https://clinic.example', previewUrl: true })).toStrictEqual(
      graphBody('text', { body: 'See https://clinic.example', preview_url: true }),
    );
  });

  it('addresses a patient known only by a business-scoped user id with `recipient`', () => {
    const body = buildWhatsAppSendRequest(
      { type: 'text', text: 'Hi' },
      { bsuid: 'US.13491208655302741918' },
      options,
    );

    expect(body).toStrictEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      recipient: 'US.13491208655302741918',
      type: 'text',
      text: { body: 'Hi', preview_url: false },
      biz_opaque_callback_data: 'msg-1',
    });
  });

  it('quotes the replied-to message by its wamid', () => {
    const message: OutboundMessage = { type: 'text', text: 'Yes', replyToMessageId: 'careline-msg-7' };

    expect(
      build(message, { replyToExternalId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=' }),
    ).toStrictEqual(
      graphBody(
        'text',
        { body: 'Yes', preview_url: false },
        { context: { message_id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=' } },
      ),
    );
    expect(build(message, { replyToExternalId: null })).not.toHaveProperty('context');
  });

  it('a reply to a message stored under an id of Careline’s goes out unquoted; a reaction to it is refused', () => {
    const standIn = standInMessageId({ id: 'wamid.\u0000' });
    const reply: OutboundMessage = { type: 'text', text: 'Yes', replyToMessageId: 'careline-msg-7' };
    expect(build(reply, { replyToExternalId: standIn })).toStrictEqual(
      graphBody('text', { body: 'Yes', preview_url: false }),
    );
    const reaction: OutboundMessage = { type: 'reaction', targetMessageId: 'careline-msg-7', emoji: '👍' };
    expect(() => build(reaction, { targetExternalId: standIn })).toThrow(
      'message careline-msg-7 has no WhatsApp id to react to',
    );
  });

  it('image: uploaded media by id, with a caption', () => {
    const message: OutboundMessage = { type: 'image', media: { mediaId: 'med-1' }, caption: 'Your X-ray' };

    expect(build(message, { providerMediaIds: { 'med-1': '1479537139650973' } })).toStrictEqual(
      graphBody('image', { id: '1479537139650973', caption: 'Your X-ray' }),
    );
  });

  it('video: a public link when nothing was uploaded', () => {
    expect(build({ type: 'video', media: { url: 'https://clinic.example/exercise.mp4' } })).toStrictEqual(
      graphBody('video', { link: 'https://clinic.example/exercise.mp4' }),
    );
  });

  it('prefers an uploaded copy of a linked file', () => {
    const message: OutboundMessage = { type: 'video', media: { url: 'https://clinic.example/exercise.mp4' } };

    expect(
      build(message, { providerMediaIds: { 'https://clinic.example/exercise.mp4': '998877' } }),
    ).toStrictEqual(graphBody('video', { id: '998877' }));
  });

  it('document: with its file name', () => {
    const message: OutboundMessage = {
      type: 'document',
      media: { mediaId: 'med-2', providerMediaId: '1376223850470843' },
      caption: 'Lab results',
      fileName: 'results.pdf',
    };

    expect(build(message)).toStrictEqual(
      graphBody('document', { id: '1376223850470843', caption: 'Lab results', filename: 'results.pdf' }),
    );
  });

  it('audio: a voice note says so, a plain audio file does not', () => {
    const voice: OutboundMessage = {
      type: 'audio',
      media: { mediaId: 'm', providerMediaId: '3674626312780147' },
      voice: true,
    };
    const plain: OutboundMessage = { type: 'audio', media: { url: 'https://clinic.example/jingle.mp3' } };

    expect(build(voice)).toStrictEqual(graphBody('audio', { id: '3674626312780147', voice: true }));
    expect(build(plain)).toStrictEqual(graphBody('audio', { link: 'https://clinic.example/jingle.mp3' }));
  });

  it('sticker', () => {
    expect(
      build({ type: 'sticker', media: { mediaId: 'm', providerMediaId: '798882015472548' } }),
    ).toStrictEqual(graphBody('sticker', { id: '798882015472548' }));
  });

  it('refuses to send media WhatsApp has no copy of', () => {
    const message: OutboundMessage = { type: 'image', media: { mediaId: 'med-9' } };

    expect(() => build(message)).toThrow(UnresolvedReferenceError);
    expect(() => build(message)).toThrow('media med-9 has not been uploaded to WhatsApp');
  });

  it('location', () => {
    const message: OutboundMessage = {
      type: 'location',
      latitude: 37.44216251868683,
      longitude: -122.16153582049394,
      name: 'Philz Coffee',
      address: '101 Forest Ave, Palo Alto, CA 94301',
    };

    expect(build(message)).toStrictEqual(
      graphBody('location', {
        latitude: 37.44216251868683,
        longitude: -122.16153582049394,
        name: 'Philz Coffee',
        address: '101 Forest Ave, Palo Alto, CA 94301',
      }),
    );
    expect(build({ type: 'location', latitude: 1.5, longitude: 2.5 })).toStrictEqual(
      graphBody('location', { latitude: 1.5, longitude: 2.5 }),
    );
  });

  it('contacts: the inbound shape, in snake_case', () => {
    const message: OutboundMessage = {
      type: 'contacts',
      contacts: [
        {
          name: { formattedName: 'Dr Ada Martin', firstName: 'Ada', lastName: 'Martin' },
          phones: [{ phone: '+33 6 12 34 56 78', type: 'WORK', waId: '33612345678' }],
          emails: [{ email: 'ada@clinic.example', type: 'WORK' }],
        },
        { name: { formattedName: 'Front desk' } },
      ],
    };

    expect(build(message)).toStrictEqual(
      graphBody('contacts', [
        {
          name: { formatted_name: 'Dr Ada Martin', first_name: 'Ada', last_name: 'Martin' },
          phones: [{ phone: '+33 6 12 34 56 78', type: 'WORK', wa_id: '33612345678' }],
          emails: [{ email: 'ada@clinic.example', type: 'WORK' }],
        },
        { name: { formatted_name: 'Front desk' } },
      ]),
    );
  });

  it('reaction: to the wamid of the target; an empty emoji removes it', () => {
    const react = (emoji: string): OutboundMessage => ({
      type: 'reaction',
      targetMessageId: 'careline-msg-3',
      emoji,
    });

    expect(build(react('👍'), { targetExternalId: 'wamid.HBgLM' })).toStrictEqual(
      graphBody('reaction', { message_id: 'wamid.HBgLM', emoji: '👍' }),
    );
    expect(build(react(''), { targetExternalId: 'wamid.HBgLM' })).toStrictEqual(
      graphBody('reaction', { message_id: 'wamid.HBgLM', emoji: '' }),
    );
    expect(() => build(react('👍'))).toThrow('message careline-msg-3 has no WhatsApp id to react to');
  });

  it('reply buttons', () => {
    const message: OutboundMessage = {
      type: 'buttons',
      header: { type: 'text', text: 'Appointment' },
      body: 'Can you come on Monday at 9:00?',
      footer: 'Clinique du Parc',
      buttons: [
        { id: 'confirm', title: 'Yes' },
        { id: 'reschedule', title: 'Another time' },
      ],
    };

    expect(build(message)).toStrictEqual(
      graphBody('interactive', {
        type: 'button',
        header: { type: 'text', text: 'Appointment' },
        body: { text: 'Can you come on Monday at 9:00?' },
        footer: { text: 'Clinique du Parc' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'confirm', title: 'Yes' } },
            { type: 'reply', reply: { id: 'reschedule', title: 'Another time' } },
          ],
        },
      }),
    );
  });

  it('reply buttons under an image header', () => {
    const message: OutboundMessage = {
      type: 'buttons',
      header: { type: 'image', url: 'https://clinic.example/map.png' },
      body: 'Find us here',
      buttons: [{ id: 'ok', title: 'OK' }],
    };

    expect(build(message)).toStrictEqual(
      graphBody('interactive', {
        type: 'button',
        header: { type: 'image', image: { link: 'https://clinic.example/map.png' } },
        body: { text: 'Find us here' },
        action: { buttons: [{ type: 'reply', reply: { id: 'ok', title: 'OK' } }] },
      }),
    );
  });

  it('list', () => {
    const message: OutboundMessage = {
      type: 'list',
      header: { type: 'text', text: 'Free slots' },
      body: 'Pick a time that suits you',
      footer: 'Times are local',
      buttonLabel: 'See slots',
      sections: [
        {
          title: 'Monday',
          rows: [
            { id: 'mon-9', title: '9:00', description: 'Dr Martin' },
            { id: 'mon-14', title: '14:00' },
          ],
        },
        { title: 'Tuesday', rows: [{ id: 'tue-10', title: '10:00' }] },
      ],
    };

    expect(build(message)).toStrictEqual(
      graphBody('interactive', {
        type: 'list',
        header: { type: 'text', text: 'Free slots' },
        body: { text: 'Pick a time that suits you' },
        footer: { text: 'Times are local' },
        action: {
          button: 'See slots',
          sections: [
            {
              title: 'Monday',
              rows: [
                { id: 'mon-9', title: '9:00', description: 'Dr Martin' },
                { id: 'mon-14', title: '14:00' },
              ],
            },
            { title: 'Tuesday', rows: [{ id: 'tue-10', title: '10:00' }] },
          ],
        },
      }),
    );
  });

  it('CTA URL button', () => {
    const message: OutboundMessage = {
      type: 'ctaUrl',
      body: 'Book your next visit online',
      displayText: 'Book now',
      url: 'https://clinic.example/book',
    };

    expect(build(message)).toStrictEqual(
      graphBody('interactive', {
        type: 'cta_url',
        body: { text: 'Book your next visit online' },
        action: {
          name: 'cta_url',
          parameters: { display_text: 'Book now', url: 'https://clinic.example/book' },
        },
      }),
    );
  });

  it('template without values', () => {
    expect(build({ type: 'template', name: 'hello_world', language: 'en_US' })).toStrictEqual(
      graphBody('template', { name: 'hello_world', language: { code: 'en_US', policy: 'deterministic' } }),
    );
  });

  it('template with positional values: header, body, quick reply and URL buttons', () => {
    const message: OutboundMessage = {
      type: 'template',
      name: 'appointment_reminder',
      language: 'fr',
      components: {
        header: { type: 'text', text: 'Clinique du Parc' },
        body: ['Ada', 'lundi 3 mars', '9:00'],
        buttons: [
          { index: 0, subType: 'quick_reply', payload: 'confirm-appt-42' },
          { index: 2, subType: 'url', text: 'appt-42' },
        ],
      },
    };

    expect(build(message)).toStrictEqual(
      graphBody('template', {
        name: 'appointment_reminder',
        language: { code: 'fr', policy: 'deterministic' },
        components: [
          { type: 'header', parameters: [{ type: 'text', text: 'Clinique du Parc' }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ada' },
              { type: 'text', text: 'lundi 3 mars' },
              { type: 'text', text: '9:00' },
            ],
          },
          {
            type: 'button',
            sub_type: 'quick_reply',
            index: '0',
            parameters: [{ type: 'payload', payload: 'confirm-appt-42' }],
          },
          { type: 'button', sub_type: 'url', index: '2', parameters: [{ type: 'text', text: 'appt-42' }] },
        ],
      }),
    );
  });

  it('template with named values and a document header', () => {
    const message: OutboundMessage = {
      type: 'template',
      name: 'results_ready',
      language: 'en_US',
      components: {
        header: { type: 'document', mediaId: 'med-5' },
        body: { first_name: 'Ada', clinic: 'Clinique du Parc' },
      },
    };

    expect(build(message, { providerMediaIds: { 'med-5': '1376223850470843' } })).toStrictEqual(
      graphBody('template', {
        name: 'results_ready',
        language: { code: 'en_US', policy: 'deterministic' },
        components: [
          { type: 'header', parameters: [{ type: 'document', document: { id: '1376223850470843' } }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', parameter_name: 'first_name', text: 'Ada' },
              { type: 'text', parameter_name: 'clinic', text: 'Clinique du Parc' },
            ],
          },
        ],
      }),
    );
  });

  it('template with a named header value', () => {
    const message: OutboundMessage = {
      type: 'template',
      name: 'order_update',
      language: 'en_US',
      components: { header: { type: 'text', text: 'Clinique du Parc', parameterName: 'clinic' } },
    };

    expect(build(message)).toStrictEqual(
      graphBody('template', {
        name: 'order_update',
        language: { code: 'en_US', policy: 'deterministic' },
        components: [
          {
            type: 'header',
            parameters: [{ type: 'text', parameter_name: 'clinic', text: 'Clinique du Parc' }],
          },
        ],
      }),
    );
  });
});
