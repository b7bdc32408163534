import { describe, expect, test } from 'vitest';
import type { InboundMessageEvent } from './inbound-event.ts';
import { omissionsToTry, withoutParts } from './omittable-parts.ts';

const photo: InboundMessageEvent = {
  kind: 'message',
  channel: 'whatsapp',
  accountId: '106540352242922',
  externalId: 'wamid.1',
  timestamp: '2026-03-02T08:00:00.000Z',
  from: {
    id: '33612345678',
    phone: '+33612345678',
    bsuid: null,
    parentBsuid: null,
    name: 'Paul',
    username: null,
  },
  type: 'image',
  rawType: 'image',
  text: 'La plaie ce matin',
  media: [{ kind: 'image', id: 'media-1', url: null, mimeType: 'image/jpeg', sha256: null, fileName: null }],
  replyTo: 'wamid.0',
  forwarded: null,
  errors: [],
};

describe('the parts of a refused message that can be left out', () => {
  test('each part the message has, alone, then all of them', () => {
    expect(omissionsToTry(photo)).toEqual([
      ['profile_name'],
      ['media'],
      ['reply_to'],
      ['profile_name', 'media', 'reply_to'],
    ]);
  });

  test('a plain text from a sender without a name has nothing to leave out', () => {
    const text = {
      ...photo,
      type: 'text' as const,
      media: [],
      replyTo: null,
      from: { ...photo.from, name: null },
    };
    expect(omissionsToTry(text)).toEqual([]);
  });

  test('details are what the content carries besides the text and media', () => {
    const shared: InboundMessageEvent = {
      ...photo,
      type: 'location',
      media: [],
      replyTo: null,
      from: { ...photo.from, name: null },
      location: { latitude: 48.85, longitude: 2.35, name: null, address: null, url: null },
    };
    expect(omissionsToTry(shared)).toEqual([['details']]);
    expect(withoutParts(shared, ['details'])).not.toHaveProperty('location');
  });

  test('leaving out a part keeps the rest as the patient sent it', () => {
    const without = withoutParts(photo, ['media', 'profile_name']);
    expect(without).toEqual({ ...photo, media: [], from: { ...photo.from, name: null } });
    expect(without.text).toBe('La plaie ce matin');
  });
});
