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
