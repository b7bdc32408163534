import { describe, expect, test } from 'vitest';
import { businessAccountIdOf, missingBusinessAccountReason } from './business-account.ts';

describe('the business account of a channel account', () => {
  test('a WhatsApp number belongs to the WABA of its settings, and to none without one', () => {
    expect(businessAccountIdOf({ type: 'whatsapp', settings: { wabaId: '102290129340398' } })).toBe(
      '102290129340398',
    );
    expect(businessAccountIdOf({ type: 'whatsapp', settings: {} })).toBeNull();
    expect(businessAccountIdOf({ type: 'whatsapp', settings: { wabaId: '' } })).toBeNull();
  });

  test('another channel has none, even with a stray WhatsApp setting', () => {
    expect(businessAccountIdOf({ type: 'telegram', settings: { wabaId: '102290129340398' } })).toBeNull();
  });

  test('an administrator is told how to give a WhatsApp number its business account', () => {
    expect(missingBusinessAccountReason({ type: 'whatsapp', settings: {} })).toBe(
      'The WhatsApp channel has no WhatsApp Business Account id (add it with --waba-id)',
    );
    expect(missingBusinessAccountReason({ type: 'messenger', settings: {} })).toBe(
      'Messenger channels have no business account to file templates under',
    );
  });
});
