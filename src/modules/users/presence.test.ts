import { expect, test } from 'vitest';
import { isOnline } from './presence.ts';

test('online means seen within the last two minutes', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  expect(isOnline(new Date('2026-11-25T09:58:00Z'), now)).toBe(true);
  expect(isOnline(new Date('2026-11-25T09:57:59.999Z'), now)).toBe(false);
  expect(isOnline(null, now)).toBe(false);
});
