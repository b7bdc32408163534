import { describe, expect, it } from 'vitest';
import { parseWhatsAppWebhook, phoneNumberIdsOf, WebhookPayloadError } from './parse-webhook.ts';

const PHONE_NUMBER_ID = '1122334455667';

function envelope(...changes: unknown[]): unknown {
  return { object: 'whatsapp_business_account', entry: [{ id: '987654321', changes }] };
}

function messagesChange(value: Record<string, unknown>, phoneNumberId = PHONE_NUMBER_ID): unknown {
  return {
    field: 'messages',
    value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '15550001111', phone_number_id: phoneNumberId },
      ...value,
    },
  };
}

function textMessage(id: string, body: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { from: '33612345678', id, timestamp: '1697043223', type: 'text', text: { body }, ...extra };
}

describe('parseWhatsAppWebhook', () => {
  it('keeps the good messages of a batch when one of them is malformed', () => {
    const payload = envelope(
      messagesChange({
        contacts: [{ profile: { name: 'Alice' }, wa_id: '33612345678' }],
        messages: [
          textMessage('wamid.1', 'first'),
          textMessage('wamid.2', 'bad time', { timestamp: 'yesterday' }),
          42,
          { id: 'wamid.3', timestamp: '1697043223', type: 'text', text: { body: 'nobody wrote me' } },
          textMessage('wamid.4', 'last'),
        ],
        statuses: [
          { id: 'wamid.out', status: 'delivered', timestamp: '1697043224', recipient_id: '33612345678' },
        ],
      }),
    );

    const events = parseWhatsAppWebhook(payload);

    expect(events.map((event) => event.kind)).toEqual([
      'message',
      'other',
      'other',
      'other',
      'message',
      'status',
    ]);
    expect(events[0]).toMatchObject({ externalId: 'wamid.1', text: 'first', from: { name: 'Alice' } });
    expect(events[1]).toMatchObject({ kind: 'other', accountId: PHONE_NUMBER_ID, rawType: 'message' });
    expect(events[1]).toHaveProperty('reason', expect.stringContaining('timestamp'));
    expect(events[3]).toMatchObject({
      kind: 'other',
      externalId: 'wamid.3',
      reason: 'message names no sender',
    });
    expect(events[4]).toMatchObject({ externalId: 'wamid.4', text: 'last' });
    expect(events[5]).toMatchObject({ kind: 'status', externalId: 'wamid.out', status: 'delivered' });
  });

  it('keeps the good changes and entries when another one is malformed', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        'not an entry',
        {
          id: '987654321',
          changes: [
            { field: 'messages', value: { messages: [textMessage('wamid.lost', 'no metadata')] } },
            { value: {} },
            messagesChange({ messages: [textMessage('wamid.ok', 'hello')] }),
          ],
        },
      ],
    };

    const events = parseWhatsAppWebhook(payload);

    expect(events.map((event) => [event.kind, 'rawType' in event ? event.rawType : null])).toEqual([
      ['other', 'entry'],
      ['other', 'messages'],
      ['other', 'change'],
      ['message', 'text'],
    ]);
  });

  it('reads millisecond timestamps as milliseconds, not as dates 50,000 years ahead', () => {
    const payload = envelope(
      messagesChange({
        messages: [
          textMessage('wamid.s', 'seconds', { timestamp: '1697043223' }),
          textMessage('wamid.ms', 'milliseconds', { timestamp: '1697043223000' }),
          textMessage('wamid.n', 'number', { timestamp: 1697043223 }),
          textMessage('wamid.nms', 'number ms', { timestamp: 1697043223456 }),
        ],
      }),
    );

    const timestamps = parseWhatsAppWebhook(payload).map((event) =>
      'timestamp' in event ? event.timestamp : null,
    );

    expect(timestamps).toEqual([
      '2023-10-11T16:53:43.000Z',
      '2023-10-11T16:53:43.000Z',
      '2023-10-11T16:53:43.000Z',
      '2023-10-11T16:53:43.456Z',
    ]);
  });

  it('accepts a sender known only by business-scoped user id (no phone number)', () => {
    const payload = envelope(
      messagesChange({
        contacts: [
          {
            profile: { name: 'Bob', username: '@bob' },
            user_id: 'US.13491208655302741918',
            parent_user_id: 'US.ENT.1',
          },
        ],
        messages: [
          {
            from_user_id: 'US.13491208655302741918',
            id: 'wamid.b',
            timestamp: '1697043223',
            type: 'text',
            text: { body: 'hi' },
          },
        ],
      }),
    );

    expect(parseWhatsAppWebhook(payload)).toMatchObject([
      {
        kind: 'message',
        from: {
          id: 'US.13491208655302741918',
          phone: null,
          bsuid: 'US.13491208655302741918',
          parentBsuid: 'US.ENT.1',
          name: 'Bob',
          username: '@bob',
        },
      },
    ]);
  });

  it('makes a phone only from a 6 to 15 digit wa_id', () => {
    const payload = envelope(
      messagesChange({
        messages: ['33612345678', '12345', '1234567890123456', 'PHONE_NUMBER'].map((from, index) =>
          textMessage(`wamid.${index}`, 'x', { from }),
        ),
      }),
    );

    const phones = parseWhatsAppWebhook(payload).map((event) =>
      event.kind === 'message' ? event.from.phone : 'n/a',
    );

    expect(phones).toEqual(['+33612345678', null, null, null]);
  });

  it('does not give the sender the profile of a contact with another wa_id', () => {
    const payload = envelope(
      messagesChange({
        contacts: [{ profile: { name: 'Someone Else' }, wa_id: '33699999999', user_id: 'US.other' }],
        messages: [textMessage('wamid.1', 'hello')],
      }),
    );

    expect(parseWhatsAppWebhook(payload)).toMatchObject([
      { from: { id: '33612345678', phone: '+33612345678', name: null, bsuid: null } },
    ]);
  });

  it('marks what a patient sent and cannot be read, and only that, for operators to hear of', () => {
    const noSender = { id: 'wamid.a', timestamp: '1697043223', type: 'text', text: { body: 'x' } };
    const events = parseWhatsAppWebhook(
      envelope(
        messagesChange({
          messages: [
            noSender,
            textMessage('wamid.b', 'x', { timestamp: 'yesterday' }),
            { ...textMessage('wamid.c', ''), type: 'reaction', reaction: { emoji: '👍' } },
            { ...textMessage('wamid.d', ''), type: 'edit', edit: {} },
            textMessage('wamid.e', 'x', { type: 'text\u0000' }),
          ],
          statuses: [{ id: 'wamid.out', status: 'deleted', timestamp: '1697043224', recipient_id: '1' }],
        }),
        messagesChange({ messages: 'not a list' }),
        { field: 'flows', value: {} },
      ),
    );
    expect(events.map((event) => [event.kind, 'fromPatient' in event && event.fromPatient])).toEqual([
      ['other', true],
      ['other', true],
      ['other', true],
      ['other', true],
      ['other', true],
      ['other', false],
      ['other', true],
      ['other', false],
    ]);
  });

  it('reports statuses and webhook fields it does not handle as other events', () => {
    const payload = envelope(
      messagesChange({
        statuses: [
          { id: 'wamid.out', status: 'deleted', timestamp: '1697043224', recipient_id: '33612345678' },
        ],
      }),
      { field: 'flows', value: { event: 'FLOW_STATUS_CHANGE' } },
    );

    expect(parseWhatsAppWebhook(payload)).toMatchObject([
      { kind: 'other', rawType: 'status/deleted', externalId: 'wamid.out' },
      { kind: 'other', rawType: 'flows', accountId: null },
    ]);
  });

  it('returns no events for an envelope without entries', () => {
    expect(parseWhatsAppWebhook({ object: 'whatsapp_business_account', entry: [] })).toEqual([]);
  });

  it.each([
    ['null', null],
    ['a string', 'whatsapp_business_account'],
    ['an array', []],
    ['another product', { object: 'page', entry: [] }],
    ['an envelope without entry', { object: 'whatsapp_business_account' }],
    ['an entry that is not a list', { object: 'whatsapp_business_account', entry: {} }],
  ])('throws WebhookPayloadError for %s', (_label, payload) => {
    expect(() => parseWhatsAppWebhook(payload)).toThrow(WebhookPayloadError);
  });
});

describe('phoneNumberIdsOf', () => {
  it('lists each phone number id once, in order of appearance', () => {
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [messagesChange({}, '111'), messagesChange({}, '222'), messagesChange({}, '111')],
        },
        {
          id: '2',
          time: 1751247548,
          changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED' } }],
        },
        { id: '3', changes: [messagesChange({}, '333')] },
      ],
    };

    expect(phoneNumberIdsOf(payload)).toEqual(['111', '222', '333']);
  });

  it('never throws on what it cannot read', () => {
    expect(phoneNumberIdsOf(null)).toEqual([]);
    expect(phoneNumberIdsOf('{"object":"whatsapp_business_account"}')).toEqual([]);
    expect(phoneNumberIdsOf({ object: 'page', entry: [] })).toEqual([]);
    const garbage = {
      object: 'whatsapp_business_account',
      entry: [null, { changes: 'x' }, { changes: [7, { value: 1 }] }],
    };
    expect(phoneNumberIdsOf(garbage)).toEqual([]);
  });
});

describe('parseWhatsAppWebhook at the edge: characters PostgreSQL cannot store, identifiers of any length', () => {
  const NUL = '\u0000';
  const contact = { profile: { name: 'Alice' }, wa_id: '33612345678' };
  const parseOne = (message: Record<string, unknown>, contacts: unknown[] = [contact]) =>
    parseWhatsAppWebhook(envelope(messagesChange({ contacts, messages: [message] })))[0];

  it('strips U+0000 and unpaired surrogates from free text: body, profile name, caption', () => {
    expect(parseOne(textMessage('wamid.1', `mal${NUL} au \ud83d ventre`))).toMatchObject({
      text: 'mal au  ventre',
    });
    expect(
      parseOne(textMessage('wamid.2', 'Bonjour'), [
        { profile: { name: `Al${NUL}ice` }, wa_id: '33612345678' },
      ]),
    ).toMatchObject({ from: { name: 'Alice' } });
    const image = { id: '123', mime_type: 'image/jpeg', caption: `radio${NUL}` };
    expect(parseOne({ ...textMessage('wamid.3', ''), type: 'image', image })).toMatchObject({
      text: 'radio',
    });
  });

  it('refuses a message whose sender carries a control character, saying which field, as a patient’s', () => {
    expect(parseOne(textMessage('wamid.4', 'x', { from: `336${NUL}` }))).toEqual({
      kind: 'other',
      channel: 'whatsapp',
      accountId: PHONE_NUMBER_ID,
      rawType: 'message',
      reason: 'malformed message: from: unusable identifier: contains control characters',
      externalId: 'wamid.4',
      fromPatient: true,
    });
  });

  it('refuses a 1 MB sender instead of carrying it to an index', () => {
    const huge = '3'.repeat(1024 * 1024);
    expect(parseOne(textMessage('wamid.5', 'x', { from: huge }), [])).toMatchObject({
      kind: 'other',
      reason: 'malformed message: from: unusable identifier: is longer than 512 characters',
      fromPatient: true,
    });
  });

  it('keeps the words of a message whose id is missing, has a control character or is 1 MB long, under an id of Careline’s', () => {
    const ids = [`wamid.${NUL}`, `wamid.${'x'.repeat(1024 * 1024)}`, '', undefined, { not: 'an id' }];
    const events = ids.map((id) => parseOne(textMessage('-', 'Bonjour', { id })));
    for (const event of events) {
      expect(event).toMatchObject({
        kind: 'message',
        text: 'Bonjour',
        externalId: expect.stringMatching(/^careline\.stand-in\.[0-9a-f]{64}$/),
        from: { id: '33612345678' },
      });
    }
    expect(new Set(events.map((event) => event && 'externalId' in event && event.externalId)).size).toBe(
      ids.length,
    );
    // The same item read again gets the same id: it is stored once.
    expect(parseOne(textMessage(`wamid.${NUL}`, 'Bonjour'))).toEqual(events[0]);
  });

  it('never files a message under another identity than the unusable one it names', () => {
    const event = parseOne(textMessage('wamid.6', 'x', { from: `336${NUL}`, from_user_id: 'US.123' }), [
      { user_id: 'US.123', profile: { name: 'Alice' } },
    ]);
    expect(event).toMatchObject({ kind: 'other' });
  });

  it('keeps a reply whose id is unusable as unsupported content, never as another choice', () => {
    const interactive = { type: 'list_reply', list_reply: { id: `slot_1${NUL}`, title: 'Mardi' } };
    expect(parseOne({ ...textMessage('wamid.7', ''), type: 'interactive', interactive })).toMatchObject({
      kind: 'message',
      type: 'unsupported',
      rawType: 'interactive/list_reply',
    });
    const button = { payload: `confirm${NUL}`, text: 'Je confirme' };
    expect(parseOne({ ...textMessage('wamid.8', ''), type: 'button', button })).toMatchObject({
      kind: 'message',
      type: 'unsupported',
    });
  });

  it('stores a Flow’s answers without the characters, and never reads an altered flow token', () => {
    const response_json = JSON.stringify({ [`name${NUL}`]: `Ali${NUL}ce`, flow_token: `tok${NUL}` });
    const interactive = { type: 'nfm_reply', nfm_reply: { name: 'flow', body: 'Sent', response_json } };
    expect(parseOne({ ...textMessage('wamid.9', ''), type: 'interactive', interactive })).toMatchObject({
      flow: { response: { name: 'Alice', flow_token: 'tok' }, flowToken: null },
    });
  });

  it('strips the characters from a status error; an unusable recipient refuses the status', () => {
    const status = {
      id: 'wamid.out',
      status: 'failed',
      timestamp: '1697043224',
      recipient_id: '33612345678',
      errors: [{ code: 131026, title: `Message${NUL} undeliverable`, error_data: { details: `x${NUL}` } }],
    };
    const [failed, refused] = parseWhatsAppWebhook(
      envelope(messagesChange({ statuses: [status, { ...status, recipient_id: `336${NUL}` }] })),
    );
    expect(failed).toMatchObject({
      errors: [{ code: 131026, title: 'Message undeliverable', details: 'x' }],
    });
    expect(refused).toMatchObject({
      kind: 'other',
      reason: expect.stringContaining('recipient_id: unusable'),
    });
  });

  it('reads a phone number id that cannot be used as no phone number at all', () => {
    const payload = envelope(messagesChange({ messages: [textMessage('wamid.10', 'x')] }, `1${NUL}2`));
    expect(phoneNumberIdsOf(payload)).toEqual([]);
    expect(parseWhatsAppWebhook(payload)).toEqual([
      expect.objectContaining({ kind: 'other', reason: expect.stringContaining('phone_number_id') }),
    ]);
  });
});
