import { describe, expect, test } from 'vitest';
import { createClockFormat } from './clock-format.ts';
import { createFormatters } from './formatters.ts';

const PARIS = 'Europe/Paris';
const words = { today: 'Aujourd’hui', yesterday: 'Hier' };
/** Shown with a visible mark, so a plain space where a no-break one belongs fails the test. */
const marked = (text: string) => text.replace(/\u00a0/g, '⍽');

describe('times of day', () => {
  const fr = createClockFormat('fr', PARIS);

  test('read « 8 h 30 » and « 14 h » in French, in the clinic’s time zone', () => {
    expect(marked(fr(new Date('2026-12-01T07:30:00Z')))).toBe('8⍽h⍽30');
    expect(marked(fr(new Date('2026-07-01T12:00:00Z')))).toBe('14⍽h');
    expect(marked(fr(new Date('2026-12-01T23:05:00Z')))).toBe('0⍽h⍽05');
    expect(marked(createClockFormat('fr-CA', PARIS)(new Date('2026-12-01T16:45:00Z')))).toBe('17⍽h⍽45');
  });

  test('keep the English form in English', () => {
    expect(createClockFormat('en-GB', PARIS)(new Date('2026-12-01T07:30:00Z'))).toBe('08:30');
  });

  test('every formatter of the inbox writes times the French way', () => {
    const format = createFormatters('fr', PARIS, words);
    const now = new Date();
    expect(marked(format.dateTime('2026-12-01T13:00:00Z'))).toBe('1 décembre 2026 à 14⍽h');
    expect(marked(format.time('2026-12-01T08:05:00Z'))).toBe('9⍽h⍽05');
    expect(format.listTime(now.toISOString())).toMatch(/^\d{1,2}\u00a0h(\u00a0\d\d)?$/);
    expect(createFormatters('en-GB', PARIS, words).dateTime('2026-12-01T13:00:00Z')).toMatch(/14:00$/);
  });
});
