import type { Update } from '@grammyjs/types';
import { describe, expect, it } from 'vitest';
import { parseTelegramUpdate } from './parse-telegram-update.ts';

const NOW = new Date('2025-03-01T08:00:00.000Z');
const parse = (body: unknown) => parseTelegramUpdate(body, () => NOW);

const patient = { id: 42, is_bot: false, first_name: 'Ana', last_name: 'Lima', username: 'ana' } as const;
const chat = { id: 42, type: 'private', first_name: 'Ana' } as const;

/** A message update; hostile cases override fields with what the Bot API would never send. */
function update(message: Record<string, unknown>): Update {
  const full = { message_id: 9, date: 1_700_000_000, chat, from: patient, ...message };
  return { update_id: 1, message: full } as unknown as Update;
}

describe('parseTelegramUpdate', () => {
  it.each([
    [
      'audio',
      {
        audio: {
          file_id: 'A1',
          file_unique_id: 'u',
          duration: 3,
          mime_type: 'audio/mpeg',
          file_name: 'x.mp3',
        },
      },
      'audio',
    ],
    ['video_note', { video_note: { file_id: 'V1', file_unique_id: 'u', length: 240, duration: 5 } }, 'video'],
    [
      'animation',
      {
        animation: { file_id: 'G1', file_unique_id: 'u', width: 1, height: 1, duration: 1 },
        document: { file_id: 'G1', file_unique_id: 'u' },
      },
      'video',
    ],
    ['poll', { poll: { id: 'p' } }, 'unsupported'],
  ])('reads a %s message', (rawType, fields, type) => {
    expect(parse(update(fields))).toMatchObject([{ kind: 'message', type, rawType }]);
  });

  it('reads a venue as a named location, not a bare one', () => {
    const venue = { location: { latitude: 1, longitude: 2 }, title: 'Clinic', address: '1 Main St' };
    expect(parse(update({ venue, location: venue.location }))).toMatchObject([
      {
        type: 'location',
        rawType: 'venue',
        location: { latitude: 1, longitude: 2, name: 'Clinic', address: '1 Main St' },
      },
    ]);
  });

  it('names an anonymous admin by its chat, not the placeholder user', () => {
    const group = { id: -100123, type: 'supergroup', title: 'Ward 3' };
    const events = parse(update({ chat: group, sender_chat: group, text: 'hi' }));
    expect(events).toMatchObject([
      { from: { id: '-100123', name: 'Ward 3' }, conversation: { type: 'supergroup' } },
    ]);
  });

  it('dates a button tap by when it is parsed, and finds no title when the keyboard is gone', () => {
    const body: Update = {
      update_id: 3,
      callback_query: { id: 'cb1', from: patient, chat_instance: 'c', data: 'yes' },
    };
    expect(parse(body)).toEqual([
      expect.objectContaining({
        type: 'button_reply',
        timestamp: NOW.toISOString(),
        text: null,
        reply: { id: 'yes', title: null, description: null },
        replyTo: null,
      }),
    ]);
    expect(parse(body)[0]).not.toHaveProperty('conversation');
  });

  it('reports the emoji that was added when a user holds several reactions', () => {
    const body = {
      update_id: 4,
      message_reaction: {
        chat,
        message_id: 5,
        user: patient,
        date: 1_700_000_000,
        old_reaction: [{ type: 'emoji', emoji: '👍' }],
        new_reaction: [
          { type: 'emoji', emoji: '👍' },
          { type: 'emoji', emoji: '🙏' },
        ],
      },
    };
    expect(parse(body)).toMatchObject([{ kind: 'reaction', emoji: '🙏', targetId: '5' }]);
  });

  it('does not read a custom-emoji reaction as a removal', () => {
    const body = {
      update_id: 4,
      message_reaction: {
        chat,
        message_id: 5,
        user: patient,
        date: 1,
        old_reaction: [],
        new_reaction: [{ type: 'custom_emoji', custom_emoji_id: '123' }],
      },
    };
    expect(parse(body)).toMatchObject([{ kind: 'other', rawType: 'message_reaction' }]);
  });

  it.each(['channel_post', 'chat_member', 'business_message', 'poll_answer'])(
    'reports %s as not handled',
    (kind) => {
      expect(parse({ update_id: 5, [kind]: {} })).toEqual([
        {
          kind: 'other',
          channel: 'telegram',
          accountId: null,
          rawType: kind,
          reason: 'update kind not handled',
          updateId: 5,
        },
      ]);
    },
  );

  it('reports a promotion of the bot as not a follow', () => {
    const body = {
      update_id: 6,
      my_chat_member: {
        chat,
        from: patient,
        date: 1,
        old_chat_member: { status: 'member' },
        new_chat_member: { status: 'administrator' },
      },
    };
    expect(parse(body)).toMatchObject([{ kind: 'other', reason: 'membership change not handled' }]);
  });
});

describe('parseTelegramUpdate on hostile input', () => {
  const huge = 'x'.repeat(1024 * 1024);
  it.each([
    ['null', null],
    ['a string', 'update'],
    ['an array', [{ update_id: 1 }]],
    ['no update id', { message: {} }],
    ['a negative update id', { update_id: -1, message: {} }],
    ['an update id beyond 2^53', { update_id: 2 ** 60, message: {} }],
    ['an empty update', { update_id: 1 }],
    ['two kinds', { update_id: 1, message: {}, edited_message: {} }],
    ['a message that is an array', { update_id: 1, message: [] }],
    ['a message without a chat', { update_id: 1, message: { message_id: 1, date: 1 } }],
    ['photo sizes that are an object', update({ photo: { file_id: 'x' } })],
    ['an empty photo list', update({ photo: [] })],
    ['a 1 MB text', update({ text: huge })],
    ['a 1 MB file id', update({ document: { file_id: huge } })],
    ['a file id with NUL', update({ voice: { file_id: 'ab\u0000c' } })],
    ['callback data with NUL', { update_id: 1, callback_query: { id: 'c', from: patient, data: 'a\u0000' } }],
    ['a date that is a string', update({ date: '1700000000', text: 'hi' })],
    ['a date after the year 9999', update({ date: 1e15, text: 'hi' })],
    ['a chat id that is a string', update({ chat: { id: '42', type: 'private' }, text: 'hi' })],
    [
      'a reaction list that is a string',
      { update_id: 1, message_reaction: { chat, message_id: 1, date: 1, new_reaction: 'x' } },
    ],
    ['a kind named with control characters', { update_id: 1, 'mess\u0000age': {} }],
  ])('turns %s into one other event, without throwing', (_, body) => {
    const events = parse(body);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'other', channel: 'telegram' });
    expect(JSON.stringify(events)).not.toContain('\\u0000');
    expect(JSON.stringify(events).length).toBeLessThan(2000);
  });

  it('tells an operator when a patient message cannot be read', () => {
    expect(parse(update({ text: huge }))).toMatchObject([
      { kind: 'other', rawType: 'message', fromPatient: true, reason: expect.stringContaining('text') },
    ]);
  });

  it('keeps a message whose text carries NUL, without the NUL', () => {
    expect(parse(update({ text: 'fe\u0000ver' }))).toMatchObject([{ kind: 'message', text: 'fever' }]);
  });

  it('keeps a message whose cosmetic fields have the wrong type', () => {
    const events = parse(update({ text: 'hi', from: { id: 42, first_name: ['A'], username: 7 } }));
    expect(events).toMatchObject([
      { kind: 'message', text: 'hi', from: { id: '42', name: null, username: null } },
    ]);
  });

  it('names an unknown content kind only when it is a plain field name', () => {
    expect(parse(update({ ['\u202e' + 'evil']: 1 }))).toMatchObject([
      { type: 'unsupported', rawType: 'unknown' },
    ]);
  });
});
