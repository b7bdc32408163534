import { describe, expect, test } from 'vitest';
import type { InboundMessageEvent } from '../../channels/inbound-event.ts';
import { surrogateExternalId } from './surrogate-external-id.ts';

const tap: InboundMessageEvent = {
  kind: 'message',
  channel: 'messenger',
  accountId: '111899832631525',
  externalId: null,
  from: { id: '1433960459967306', phone: null, bsuid: null, parentBsuid: null, name: null, username: null },
  timestamp: '2016-11-27T20:44:47.147Z',
  type: 'button_reply',
  rawType: 'postback',
  text: null,
  media: [],
  reply: { id: 'GET_STARTED', title: null, description: null },
  replyTo: null,
  forwarded: null,
  errors: [],
};

describe('an id for a message delivered without one', () => {
  test('is the same for the same delivery retried, and never holds the patient’s id', () => {
    const id = surrogateExternalId(tap);
    expect(surrogateExternalId({ ...tap })).toBe(id);
    expect(id).toMatch(/^careline-surrogate:[\w-]{32}$/);
    expect(id).not.toContain('1433960459967306');
  });

  test('differs for another tap, another time or another person', () => {
    const id = surrogateExternalId(tap);
    expect(surrogateExternalId({ ...tap, timestamp: '2016-11-27T20:45:47.147Z' })).not.toBe(id);
    expect(surrogateExternalId({ ...tap, reply: { id: 'BOOK', title: null, description: null } })).not.toBe(
      id,
    );
    expect(surrogateExternalId({ ...tap, from: { ...tap.from, id: '1433960459967307' } })).not.toBe(id);
  });
});
