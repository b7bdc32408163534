import { expect, test } from 'vitest';
import { isWindowOpen, windowClosesAt } from './window-policy.ts';

const lastInbound = new Date('2026-03-28T10:00:00Z');

test('the window is open for 24 hours after the patient’s last message, and closed after', () => {
  expect(isWindowOpen(lastInbound, 24, new Date('2026-03-29T09:59:59.999Z'))).toBe(true);
  expect(isWindowOpen(lastInbound, 24, new Date('2026-03-29T10:00:00Z'))).toBe(false);
  expect(windowClosesAt(lastInbound, 24)?.toISOString()).toBe('2026-03-29T10:00:00.000Z');
});

test('24 hours are hours, not a calendar day: a DST change does not move the deadline', () => {
  // Europe/Paris springs forward on 2026-03-29 at 02:00; the deadline is still 24 elapsed hours.
  const friday = new Date('2026-03-28T23:30:00Z');
  expect(windowClosesAt(friday, 24)?.toISOString()).toBe('2026-03-29T23:30:00.000Z');
});

test('a patient who never wrote has no window; a channel without windows is always open', () => {
  expect(isWindowOpen(null, 24, new Date())).toBe(false);
  expect(isWindowOpen(null, null, new Date())).toBe(true);
});
