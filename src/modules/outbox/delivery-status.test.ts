import { describe, expect, test } from 'vitest';
import { nextStatus, statusesThatMayBecome } from './delivery-status.ts';

describe('nextStatus', () => {
  test('moves forward through the lifecycle', () => {
    expect(nextStatus('accepted', 'sent')).toBe('sent');
    expect(nextStatus('sent', 'delivered')).toBe('delivered');
    expect(nextStatus('delivered', 'read')).toBe('read');
    expect(nextStatus('read', 'played')).toBe('played');
  });

  test('a late delivered or sent never downgrades read', () => {
    expect(nextStatus('read', 'delivered')).toBeNull();
    expect(nextStatus('read', 'sent')).toBeNull();
    expect(nextStatus('delivered', 'sent')).toBeNull();
  });

  test('read may arrive without delivered (Meta skips it when both happen at once)', () => {
    expect(nextStatus('sent', 'read')).toBe('read');
    expect(nextStatus('accepted', 'read')).toBe('read');
  });

  test('failed ends a message not yet delivered, and nothing revives it', () => {
    expect(nextStatus('sent', 'failed')).toBe('failed');
    expect(nextStatus('accepted', 'failed')).toBe('failed');
    expect(nextStatus('delivered', 'failed')).toBeNull();
    expect(nextStatus('failed', 'read')).toBeNull();
    expect(nextStatus('failed', 'sent')).toBeNull();
  });

  test('inbound messages have no delivery lifecycle', () => {
    expect(nextStatus('received', 'read')).toBeNull();
  });

  test('the SQL guard agrees with the rule', () => {
    expect(statusesThatMayBecome('delivered')).toEqual(['queued', 'sending', 'accepted', 'sent']);
    expect(statusesThatMayBecome('failed')).toEqual(['queued', 'sending', 'accepted', 'sent']);
    expect(statusesThatMayBecome('read')).toEqual(['queued', 'sending', 'accepted', 'sent', 'delivered']);
  });

  test('a message refused by our own policy never moves', () => {
    expect(nextStatus('refused', 'sent')).toBeNull();
    expect(nextStatus('refused', 'failed')).toBeNull();
  });
});
