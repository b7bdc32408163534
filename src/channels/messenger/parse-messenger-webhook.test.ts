import { describe, expect, it } from 'vitest';
import { messengerAccountKeys, parseMessengerWebhook } from './parse-messenger-webhook.ts';

const PAGE = '104567890123456';
const PSID = '7345612398745612';

function page(items: unknown[], extra: Record<string, unknown> = {}) {
  return { object: 'page', entry: [{ id: PAGE, time: 1733472000500, messaging: items, ...extra }] };
}

function item(event: Record<string, unknown>) {
  return { sender: { id: PSID }, recipient: { id: PAGE }, timestamp: 1733472000123, ...event };
}

describe('parseMessengerWebhook', () => {
  it('reads several attachments of different kinds, a sticker and a file', () => {
    const [event] = parseMessengerWebhook(
      page([
        item({
          message: {
            mid: 'm_1',
            attachments: [
              { type: 'image', payload: { url: 'https://cdn.example/a.jpg', sticker_id: 369239263222822 } },
              { type: 'file', payload: { url: 'https://cdn.example/b.pdf' } },
              { type: 'fallback', payload: { url: 'https://example.org', title: 'A link' } },
            ],
          },
        }),
      ]),
      'messenger',
    );
    expect(event).toMatchObject({
      kind: 'message',
      type: 'sticker',
      rawType: 'message/image',
      media: [
        { kind: 'sticker', url: 'https://cdn.example/a.jpg' },
        { kind: 'document', url: 'https://cdn.example/b.pdf' },
      ],
    });
  });

  it('reads a share or template attachment as unsupported, not as nothing', () => {
    const [event] = parseMessengerWebhook(
      page([item({ message: { mid: 'm_2', attachments: [{ type: 'template', payload: {} }] } })]),
      'messenger',
    );
    expect(event).toMatchObject({ kind: 'message', type: 'unsupported', rawType: 'message/template' });
  });

  it('reads a medium without a URL as unsupported: with no id either, there is nothing to fetch or show', () => {
    const withoutUrl = (payload: unknown) =>
      parseMessengerWebhook(
        page([item({ message: { mid: 'm_7', attachments: [{ type: 'image', payload }] } })]),
        'messenger',
      );
    for (const payload of [{}, null, { url: 42 }, { url: '' }, { url: '\u0000' }]) {
      expect(withoutUrl(payload)).toMatchObject([
        { kind: 'message', type: 'unsupported', rawType: 'message/image', media: [] },
      ]);
    }
  });

  it.each(['constructor', '__proto__', 'toString'])(
    'reads an attachment of type "%s" as unsupported, not as what every object inherits',
    (type) => {
      const [event] = parseMessengerWebhook(
        page([
          item({
            message: { mid: 'm_9', attachments: [{ type, payload: { url: 'https://cdn.example/a' } }] },
          }),
        ]),
        'messenger',
      );
      expect(event).toMatchObject({
        kind: 'message',
        type: 'unsupported',
        rawType: `message/${type}`,
        media: [],
      });
    },
  );

  it.each([
    ['a reaction named "__proto__"', { reaction: '__proto__' }, '__proto__'],
    ['a reaction named "constructor"', { reaction: 'constructor' }, 'constructor'],
    ['an empty emoji', { emoji: '' }, null],
    ['an empty emoji beside a known name', { emoji: '', reaction: 'like' }, '👍'],
    ['an emoji of NULs only', { emoji: '\u0000' }, null],
  ])('reads %s as a text emoji or none, never as an object', (_label, fields, emoji) => {
    const [event] = parseMessengerWebhook(
      page([item({ reaction: { mid: 'm_10', action: 'react', ...fields } })]),
      'messenger',
    );
    expect(event).toMatchObject({ kind: 'reaction', targetId: 'm_10', emoji });
  });

  it.each([
    ['a webhook object', { object: '<b>page</b>', entry: [] }, 'object/unknown'],
    ['a change field', page([], { changes: [{ field: 'feed; drop table' }] }), 'changes/unknown'],
    ['an event key', page([{ sender: { id: PSID }, 'new event': {} }]), 'messaging'],
    [
      'an attachment type',
      page([item({ message: { mid: 'm_8', attachments: [{ type: 'a photo\u202e', payload: {} }] } })]),
      'message/unknown',
    ],
  ])('names a kind by what Meta could call it, never by the text found in %s', (_label, body, rawType) => {
    expect(parseMessengerWebhook(body, 'messenger')).toMatchObject([{ rawType }]);
  });

  it('takes the entry time when an event has none', () => {
    const [event] = parseMessengerWebhook(
      page([{ sender: { id: PSID }, message: { mid: 'm_3', text: 'hi' } }]),
      'messenger',
    );
    expect(event).toMatchObject({ kind: 'message', timestamp: '2024-12-06T08:00:00.500Z' });
  });

  it('reports a message without a sender to an operator', () => {
    const [event] = parseMessengerWebhook(
      page([{ timestamp: 1, message: { mid: 'm_4', text: 'hi' } }]),
      'messenger',
    );
    expect(event).toMatchObject({ kind: 'other', fromPatient: true, externalId: 'm_4' });
  });

  it('refuses a postback whose payload cannot be an id, saying so', () => {
    const [event] = parseMessengerWebhook(page([item({ postback: { payload: 'a\u0000b' } })]), 'messenger');
    expect(event).toMatchObject({ kind: 'other', rawType: 'postback', fromPatient: true });
  });

  it('turns standby items and feed changes into other events', () => {
    const body = {
      object: 'page',
      entry: [
        { id: PAGE, time: 1, standby: [item({ message: { mid: 'x' } })], changes: [{ field: 'feed' }] },
      ],
    };
    expect(parseMessengerWebhook(body, 'messenger')).toMatchObject([
      { kind: 'other', rawType: 'standby' },
      { kind: 'other', rawType: 'changes/feed' },
    ]);
  });

  it('reads a body of the other Meta channel as one other event', () => {
    expect(parseMessengerWebhook({ object: 'instagram', entry: [] }, 'messenger')).toEqual([
      expect.objectContaining({ kind: 'other', channel: 'messenger', rawType: 'object/instagram' }),
    ]);
    expect(parseMessengerWebhook({ object: 'page', entry: [] }, 'instagram')).toMatchObject([
      { kind: 'other', channel: 'instagram', rawType: 'object/page' },
    ]);
  });

  it('strips NUL bytes and lone surrogates from text and keeps the message', () => {
    const [event] = parseMessengerWebhook(
      page([item({ message: { mid: 'm_5', text: 'a\u0000b\ud800c' } })]),
      'messenger',
    );
    expect(event).toMatchObject({ kind: 'message', text: 'abc' });
  });

  it('bounds a huge text', () => {
    const [event] = parseMessengerWebhook(
      page([item({ message: { mid: 'm_6', text: 'x'.repeat(200_000) } })]),
      'messenger',
    );
    expect(event?.kind === 'message' ? event.text?.length : 0).toBe(65_536);
  });

  it('keeps the reply-to of a quoting message and names several delivered mids without picking one', () => {
    const events = parseMessengerWebhook(
      page([
        item({ message: { mid: 'm_7', text: 'yes', reply_to: { mid: 'm_ours' } } }),
        item({ delivery: { mids: ['m_a', 'm_b', 42, null], watermark: 1733471999000 } }),
      ]),
      'messenger',
    );
    expect(events).toMatchObject([
      { kind: 'message', replyTo: 'm_ours' },
      { kind: 'status', externalId: null, externalIds: ['m_a', 'm_b', '42'], status: 'delivered' },
    ]);
  });

  const hostile: Array<[string, unknown]> = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'page'],
    ['a number', 42],
    ['an array', [{ object: 'page' }]],
    ['entry as an object', { object: 'page', entry: { id: PAGE } }],
    [
      'entry items of every type',
      { object: 'page', entry: [null, 1, 'x', [], { id: [] }, { id: PAGE, messaging: {} }] },
    ],
    [
      'messaging items of every type',
      page([null, 1, 'x', [], {}, { message: [] }, { sender: [], read: 'x' }]),
    ],
    [
      'event values of the wrong type',
      page([item({ message: 'x' }), item({ reaction: [] }), item({ delivery: 1 })]),
    ],
    ['a hostile object key', page([item({ 'a\u0000b': {} })])],
    [
      'a NUL in an id',
      page([{ sender: { id: 'a\u0000' }, timestamp: 1, message: { mid: 'm\u0000', text: 'x' } }]),
    ],
    ['timestamps out of range', page([item({ timestamp: 1e300, message: { mid: 'm', text: 'x' } })])],
    ['a very long id', page([item({ message: { mid: 'm'.repeat(100_000), text: 'x' } })])],
    [
      'deep nesting',
      page([item({ message: { mid: 'm', attachments: [{ type: 'image', payload: { url: [[[[[]]]]] } }] } })]),
    ],
  ];

  it.each(hostile)('never throws on %s', (_label, body) => {
    expect(() => parseMessengerWebhook(body, 'messenger')).not.toThrow();
    expect(() => parseMessengerWebhook(body, 'instagram')).not.toThrow();
    expect(() => messengerAccountKeys(body, 'messenger')).not.toThrow();
  });

  it('never lets a NUL byte through in any event', () => {
    for (const [, body] of hostile) {
      expect(JSON.stringify(parseMessengerWebhook(body, 'messenger'))).not.toContain('\\u0000');
    }
  });
});

describe('messengerAccountKeys', () => {
  it('names each page of a batch once, in order', () => {
    const body = { object: 'page', entry: [{ id: 'p1' }, { id: 'p2' }, { id: 'p1' }, { id: '' }, 'x'] };
    expect(messengerAccountKeys(body, 'messenger')).toEqual(['p1', 'p2']);
  });

  it('names Instagram accounts only for an instagram body', () => {
    const body = { object: 'instagram', entry: [{ id: '17841400000000001' }] };
    expect(messengerAccountKeys(body, 'instagram')).toEqual(['17841400000000001']);
    expect(messengerAccountKeys(body, 'messenger')).toEqual([]);
  });
});
