import { afterEach, describe, expect, it } from 'vitest';
import { sendTo, uploadMedia } from './graph-client.test-support.ts';
import { startSimulatorAndReceiver, statusesFor, wamidOf } from './webhook-receiver.test-support.ts';

type Harness = Awaited<ReturnType<typeof startSimulatorAndReceiver>>;
let harness: Harness | undefined;

async function start(): Promise<Harness> {
  harness = await startSimulatorAndReceiver({ behaviour: { stopAfter: 'accepted' } });
  return harness;
}

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const TO = '33612345678';
const buttons = (...titles: string[]) =>
  titles.map((title, index) => ({ type: 'reply', reply: { id: `b${index}`, title } }));
const buttonMessage = (action: unknown, extra: Record<string, unknown> = {}) =>
  sendTo(TO, 'interactive', { type: 'button', body: { text: 'Choose' }, action, ...extra });
const rows = (count: number, prefix = 'r') =>
  Array.from({ length: count }, (_, index) => ({ id: `${prefix}${index}`, title: `Row ${index}` }));
const listMessage = (sections: unknown) =>
  sendTo(TO, 'interactive', {
    type: 'list',
    body: { text: 'Pick' },
    action: { button: 'Options', sections },
  });

describe('outbound message types', () => {
  it('accepts every kind of message Careline may send', async () => {
    const { graph, server, simulator } = await start();
    const uploaded = await uploadMedia(server.url, Buffer.from('%PDF-1.4 fake'), 'application/pdf');
    const mediaId = uploaded.body.id;
    const { wamid: inbound } = await simulator.patientSends({ from: `+${TO}`, text: 'Bonjour' });

    const bodies = [
      sendTo(TO, 'text', { body: 'see https://x.fr', preview_url: true }),
      sendTo(TO, 'image', { link: 'https://example.org/a.jpg', caption: 'x' }),
      sendTo(TO, 'document', { id: mediaId, filename: 'ordonnance.pdf', caption: 'Votre ordonnance' }),
      sendTo(TO, 'audio', { link: 'https://example.org/a.ogg' }),
      sendTo(TO, 'video', { link: 'https://example.org/a.mp4' }),
      sendTo(TO, 'sticker', { link: 'https://example.org/a.webp' }),
      sendTo(TO, 'location', { latitude: 48.85, longitude: 2.35, name: 'Cabinet', address: '1 rue X' }),
      sendTo(TO, 'contacts', [{ name: { formatted_name: 'Dr House' }, phones: [{ phone: '+33100000000' }] }]),
      sendTo(TO, 'reaction', { message_id: inbound, emoji: '👍' }),
      sendTo(TO, 'reaction', { message_id: inbound, emoji: '' }),
      sendTo(TO, 'text', { body: 'a reply' }, { context: { message_id: inbound } }),
      buttonMessage(
        { buttons: buttons('Oui', 'Non', 'Plus tard') },
        { header: { type: 'text', text: 'RDV' } },
      ),
      listMessage([
        { title: 'Matin', rows: rows(5, 'm') },
        { title: 'Après-midi', rows: rows(5, 'a') },
      ]),
      sendTo(TO, 'interactive', {
        type: 'cta_url',
        body: { text: 'Prenez rendez-vous' },
        action: { name: 'cta_url', parameters: { display_text: 'Réserver', url: 'https://example.org/rdv' } },
      }),
    ];
    for (const body of bodies) {
      const response = await graph(body);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(wamidOf(response)).toMatch(/^wamid\./);
    }
    expect(simulator.sends('106540352242922').map((send) => send.response.httpStatus)).toEqual(
      bodies.map(() => 200),
    );
  });

  it('refuses media with code 100 naming the parameter: caption limits, caption on audio, unknown ids', async () => {
    const { graph } = await start();

    const longCaption = await graph(
      sendTo(TO, 'image', { link: 'https://x.org/a.jpg', caption: 'a'.repeat(1025) }),
    );
    const audioCaption = await graph(sendTo(TO, 'audio', { link: 'https://x.org/a.ogg', caption: 'no' }));
    const stickerCaption = await graph(
      sendTo(TO, 'sticker', { link: 'https://x.org/a.webp', caption: 'no' }),
    );
    const imageFilename = await graph(
      sendTo(TO, 'image', { link: 'https://x.org/a.jpg', filename: 'a.jpg' }),
    );
    const both = await graph(sendTo(TO, 'image', { id: '1', link: 'https://x.org/a.jpg' }));
    const unknownId = await graph(sendTo(TO, 'video', { id: '4242' }));

    expect(longCaption.body.error).toMatchObject({
      code: 100,
      message: "(#100) Param image['caption'] must be at most 1024 characters long.",
    });
    expect(audioCaption.body.error.error_data.details).toBe(
      "Param audio['caption'] is not allowed for audio messages.",
    );
    expect(stickerCaption.body.error.error_data.details).toContain("sticker['caption']");
    expect(imageFilename.body.error.error_data.details).toContain("image['filename']");
    expect(both.body.error.error_data.details).toBe('Param image must have exactly one of id or link.');
    expect(unknownId.status).toBe(400);
    expect(unknownId.body.error.error_data.details).toContain("video['id'] '4242' is not a valid media id");
  });

  it('validates location, contacts and reaction', async () => {
    const { graph } = await start();

    const latitude = await graph(sendTo(TO, 'location', { latitude: 91, longitude: 0 }));
    const contacts = await graph(sendTo(TO, 'contacts', []));
    const reaction = await graph(sendTo(TO, 'reaction', { message_id: 'wamid.x', emoji: 'ok' }));

    expect(latitude.body.error.error_data.details).toContain("location['latitude']");
    expect(contacts.body.error.error_data.details).toContain('at least 1 contact');
    expect(reaction.body.error.error_data.details).toContain('single emoji');
  });

  it('refuses interactive buttons beyond Meta limits with 131009, naming the field and the limit', async () => {
    const { graph } = await start();

    const four = await graph(buttonMessage({ buttons: buttons('a', 'b', 'c', 'd') }));
    const none = await graph(buttonMessage({ buttons: [] }));
    const longTitle = await graph(buttonMessage({ buttons: buttons('x'.repeat(21)) }));
    const twice = await graph(buttonMessage({ buttons: buttons('Oui', 'Oui') }));
    const longId = await graph(
      buttonMessage({ buttons: [{ type: 'reply', reply: { id: 'i'.repeat(257), title: 'a' } }] }),
    );
    const header = await graph(
      buttonMessage({ buttons: buttons('a') }, { header: { type: 'text', text: 'h'.repeat(61) } }),
    );
    const footer = await graph(
      buttonMessage({ buttons: buttons('a') }, { footer: { text: 'f'.repeat(61) } }),
    );
    const body = await graph(
      sendTo(TO, 'interactive', {
        type: 'button',
        body: { text: 'b'.repeat(1025) },
        action: { buttons: buttons('a') },
      }),
    );

    expect(four.status).toBe(400);
    expect(four.body.error).toMatchObject({
      code: 131009,
      message: '(#131009) Parameter value is not valid',
      error_data: { details: "Param interactive['action']['buttons'] must have at most 3 buttons." },
    });
    expect(none.body.error.error_data.details).toContain('at least 1 button');
    expect(longTitle.body.error.error_data.details).toBe(
      "Param interactive['action']['buttons']['0']['reply']['title'] must be at most 20 characters long.",
    );
    expect(twice.body.error.error_data.details).toContain('must be unique');
    expect(longId.body.error.error_data.details).toContain('at most 256 characters');
    expect(header.body.error.error_data.details).toContain(
      "interactive['header']['text'] must be at most 60",
    );
    expect(footer.body.error.error_data.details).toContain(
      "interactive['footer']['text'] must be at most 60",
    );
    expect(body.body.error.error_data.details).toContain("interactive['body']['text'] must be at most 1024");
  });

  it('refuses lists beyond Meta limits with 131009', async () => {
    const { graph } = await start();

    const elevenRows = await graph(
      listMessage([
        { title: 'A', rows: rows(6, 'a') },
        { title: 'B', rows: rows(5, 'b') },
      ]),
    );
    const untitled = await graph(listMessage([{ title: 'A', rows: rows(1, 'a') }, { rows: rows(1, 'b') }]));
    const rowTitle = await graph(listMessage([{ rows: [{ id: 'x', title: 't'.repeat(25) }] }]));
    const description = await graph(
      listMessage([{ rows: [{ id: 'x', title: 't', description: 'd'.repeat(73) }] }]),
    );
    const rowId = await graph(listMessage([{ rows: [{ id: 'i'.repeat(201), title: 't' }] }]));
    const label = await graph(
      sendTo(TO, 'interactive', {
        type: 'list',
        body: { text: 'Pick' },
        action: { button: 'b'.repeat(21), sections: [{ rows: rows(1) }] },
      }),
    );
    const elevenSections = await graph(
      listMessage(Array.from({ length: 11 }, (_, i) => ({ title: `S${i}`, rows: rows(1, `s${i}`) }))),
    );

    expect(elevenRows.body.error).toMatchObject({
      code: 131009,
      error_data: {
        details:
          "Param interactive['action']['sections'] must have at most 10 rows in total across sections (found 11).",
      },
    });
    expect(untitled.body.error.error_data.details).toBe(
      "Param interactive['action']['sections']['1']['title'] is required when the list has more than one section.",
    );
    expect(rowTitle.body.error.error_data.details).toContain('at most 24 characters');
    expect(description.body.error.error_data.details).toContain('at most 72 characters');
    expect(rowId.body.error.error_data.details).toContain('at most 200 characters');
    expect(label.body.error.error_data.details).toContain(
      "interactive['action']['button'] must be at most 20",
    );
    expect(elevenSections.body.error.error_data.details).toContain('at most 10 sections');
  });

  it('uses the configured code for interactive limits', async () => {
    harness = await startSimulatorAndReceiver({ errorCodes: { parameterValueInvalid: 100 } });
    const response = await harness.graph(buttonMessage({ buttons: buttons('a', 'b', 'c', 'd') }));
    expect(response.body.error).toMatchObject({ code: 100, message: '(#100) Parameter value is not valid' });
  });

  it('drives an accepted media send through its statuses like a text', async () => {
    harness = await startSimulatorAndReceiver();
    const { graph, simulator, receiver } = harness;

    const wamid = wamidOf(await graph(sendTo(TO, 'image', { link: 'https://example.org/a.jpg' })));
    await simulator.idle();

    expect(statusesFor(receiver.received, wamid).map((status) => status.status)).toEqual([
      'sent',
      'delivered',
      'read',
    ]);
    expect(simulator.message(wamid)).toMatchObject({ type: 'image', status: 'read' });
  });
});
