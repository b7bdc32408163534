import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { outboundMessageSchema } from './outbound-message.ts';

function problems(input: unknown): [string, string][] {
  const result = outboundMessageSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('outboundMessageSchema', () => {
  it('accepts every kind of message an agent or the API can send', () => {
    const messages = [
      { type: 'text', text: 'Your results are ready', previewUrl: true, replyToMessageId: 'm-1' },
      { type: 'image', media: { mediaId: 'med-1' }, caption: 'X-ray' },
      { type: 'video', media: { url: 'https://clinic.example/v.mp4' } },
      { type: 'audio', media: { mediaId: 'med-2', providerMediaId: '1013859600285441' }, voice: true },
      { type: 'document', media: { url: 'https://clinic.example/r.pdf' }, fileName: 'results.pdf' },
      { type: 'sticker', media: { mediaId: 'med-3' } },
      { type: 'location', latitude: 48.8566, longitude: 2.3522, name: 'Clinic', address: '1 Rue X' },
      {
        type: 'contacts',
        contacts: [
          {
            name: { formattedName: 'Dr Ada Martin', firstName: 'Ada' },
            phones: [{ phone: '+33612345678', type: 'WORK', waId: '33612345678' }],
            emails: [{ email: 'ada@clinic.example' }],
          },
        ],
      },
      { type: 'reaction', targetMessageId: 'm-2', emoji: '' },
      {
        type: 'buttons',
        body: 'Confirm?',
        header: { type: 'text', text: 'Visit' },
        buttons: [{ id: 'y', title: 'Yes' }],
      },
      {
        type: 'list',
        body: 'Pick a slot',
        buttonLabel: 'Slots',
        sections: [{ rows: [{ id: 'a', title: '9:00' }] }],
      },
      { type: 'ctaUrl', body: 'Book online', displayText: 'Book', url: 'https://clinic.example/book' },
      {
        type: 'template',
        name: 'appointment_reminder',
        language: 'en_US',
        components: {
          header: { type: 'image', mediaId: 'med-4' },
          body: { first_name: 'Ada' },
          buttons: [{ index: 0, subType: 'quick_reply', payload: 'confirm' }],
        },
      },
    ];

    for (const message of messages) expect(problems(message), message.type).toEqual([]);
  });

  it('names the field that is missing or blank', () => {
    expect(problems({ type: 'text', text: '   ' })).toEqual([['text', 'text must not be empty']]);
    expect(problems({ type: 'text' })).toEqual([['text', 'text is required']]);
    expect(problems({ type: 'buttons', body: 'Hi', buttons: [{ id: 'a', title: '' }] })).toEqual([
      ['buttons.0.title', 'title must not be empty'],
    ]);
    expect(problems({ type: 'buttons', body: 'Hi', buttons: [] })).toEqual([
      ['buttons', 'buttons must hold at least one button'],
    ]);
    expect(problems({ type: 'reaction', targetMessageId: 'm-1' })).toEqual([['emoji', 'emoji is required']]);
  });

  it('says which types exist when the type is unknown', () => {
    expect(problems({ type: 'fax', text: 'hi' })[0]?.[1]).toMatch(/^type must be one of text, image/);
  });

  it('takes media either by id or by URL, never both', () => {
    expect(problems({ type: 'image', media: { mediaId: 'm', url: 'https://clinic.example/a.png' } })).toEqual(
      [['media', 'media must be {mediaId} or {url}']],
    );
    expect(problems({ type: 'image', media: { url: 'not a link' } })).toEqual([
      ['media.url', 'url must be an http(s) URL'],
    ]);
  });

  it('refuses fields a kind does not have rather than dropping them', () => {
    expect(problems({ type: 'audio', media: { mediaId: 'm' }, caption: 'hello' })).toEqual([
      ['', 'Unrecognized key: "caption"'],
    ]);
  });

  it('keeps coordinates on the globe', () => {
    expect(problems({ type: 'location', latitude: 91, longitude: 0 })).toEqual([
      ['latitude', 'latitude must be between -90 and 90'],
    ]);
  });

  it('converts to a JSON Schema with named parts, for the OpenAPI document', () => {
    const schema = z.toJSONSchema(outboundMessageSchema, { io: 'input', unrepresentable: 'throw' });

    expect(Object.keys(schema.$defs ?? {})).toEqual(
      expect.arrayContaining([
        'OutboundMessage',
        'OutboundTextMessage',
        'OutboundMediaRef',
        'OutboundTemplateMessage',
      ]),
    );
  });

  it('refuses a reaction that is not one emoji before reading more than a few characters of it', () => {
    const started = performance.now();
    for (const emoji of [`👍${'\u200d👍'.repeat(33_333)}`, 'a'.repeat(100_000)]) {
      expect(problems({ type: 'reaction', targetMessageId: 'm-1', emoji })).toEqual([
        ['emoji', 'emoji must be one emoji'],
      ]);
    }
    expect(performance.now() - started).toBeLessThan(500);
    expect(problems({ type: 'reaction', targetMessageId: 'm-1', emoji: '👍👍' })).toEqual([
      ['emoji', 'emoji must be one emoji, or empty to remove the reaction'],
    ]);
    for (const emoji of ['👍', '👩🏽‍⚕️', '👨🏻‍👩🏻‍👧🏻‍👦🏻', '🇫🇷', '']) {
      expect(problems({ type: 'reaction', targetMessageId: 'm-1', emoji })).toEqual([]);
    }
  });

  it('bounds every text by the most a channel takes, counting an emoji as one character', () => {
    expect(problems({ type: 'text', text: 'a'.repeat(10_001) })).toEqual([
      ['text', 'text must be at most 5000 characters'],
    ]);
    // 5,000 emoji are 10,000 UTF-16 units: within LINE's limit, so not refused here.
    expect(problems({ type: 'text', text: '😀'.repeat(5000) })).toEqual([]);
    expect(problems({ type: 'image', media: { mediaId: 'm' }, caption: 'c'.repeat(3000) })).toEqual([
      ['caption', 'caption must be at most 1024 characters'],
    ]);
    const url = `https://x.example/${'a'.repeat(5000)}`;
    expect(problems({ type: 'ctaUrl', body: 'Results', displayText: 'Open', url })).toEqual([
      ['url', 'url must be at most 2048 characters'],
    ]);
    const rows = Array.from({ length: 11 }, (_, i) => ({ id: `r${i}`, title: 'Row' }));
    expect(
      problems({ type: 'list', body: 'Pick', buttonLabel: 'Open', sections: [{ title: 'S', rows }] }),
    ).toEqual([['sections.0.rows', 'rows must hold at most 10 items']]);
  });

  it('takes what a channel other than WhatsApp takes: Telegram’s button titles, Messenger’s payloads', () => {
    // Flows draw a Telegram menu as buttons when every title fits in 64 characters; the outbox reads the
    // stored message with this schema again, so a title of 41 to 64 was refused after it was written.
    const buttons = [{ id: 'p'.repeat(1000), title: 'Je voudrais déplacer mon rendez-vous de lundi matin' }];
    expect(problems({ type: 'buttons', body: 'Que souhaitez-vous ?', buttons })).toEqual([]);
    const rows = [{ id: 'q'.repeat(1000), title: 'Lundi' }];
    expect(
      problems({ type: 'list', body: 'Quel jour ?', buttonLabel: 'Choisir', sections: [{ rows }] }),
    ).toEqual([]);
  });
});
