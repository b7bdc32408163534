import { describe, expect, it } from 'vitest';
import { isStandInMessageId, standInMessageId } from './stand-in-message-id.ts';
import { MAX_ID_LENGTH, usableId } from './webhook-envelope.schema.ts';

describe('standInMessageId', () => {
  const item = { from: '33612345678', id: 'wamid.\u0000', type: 'text', text: { body: 'Bonjour' } };

  it('is the same for the same item, so a message processed twice is stored once', () => {
    expect(standInMessageId(structuredClone(item))).toBe(standInMessageId(item));
  });

  it('differs between items that differ only in their words or time', () => {
    const ids = new Set([
      standInMessageId(item),
      standInMessageId({ ...item, text: { body: 'Bonsoir' } }),
      standInMessageId({ ...item, timestamp: '1700000000' }),
    ]);
    expect(ids.size).toBe(3);
  });

  it('is a usable id that quotes nothing of the message and is never taken for a wamid', () => {
    const id = standInMessageId({ ...item, id: 'x'.repeat(1024 * 1024) });
    expect(usableId(id)).toBe(id);
    expect(id.length).toBeLessThan(MAX_ID_LENGTH);
    expect(id).not.toMatch(/Bonjour|33612345678/);
    expect(isStandInMessageId(id)).toBe(true);
    expect(isStandInMessageId('wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQUI=')).toBe(false);
    expect(isStandInMessageId(null)).toBe(false);
  });
});
