import { describe, expect, test } from 'vitest';
import { createAgendaFormat } from './agenda-format.ts';

/** ICU versions differ in commas and thin spaces; the words and numbers are what matter. */
const plain = (text: string) => text.replace(/\s/g, ' ').replace(/,/g, '');

describe('the agenda’s dates and times', () => {
  const en = createAgendaFormat('en-GB', 'Europe/Paris');
  const fr = createAgendaFormat('fr', 'Europe/Paris');

  test('times are the clinic’s wall clock, summer and winter', () => {
    expect(en.timeRange('2026-07-01T07:00:00Z', '2026-07-01T07:20:00Z')).toBe('09:00–09:20');
    expect(en.time('2026-12-01T07:00:00Z')).toBe('08:00');
  });

  test('an appointment reads as a day and its hours', () => {
    expect(plain(en.when('2026-12-02T13:00:00Z', '2026-12-02T13:20:00Z'))).toBe(
      'Wednesday 2 December 2026 14:00–14:20',
    );
    expect(plain(fr.when('2026-12-02T13:00:00Z', '2026-12-02T13:20:00Z'))).toBe(
      'Mercredi 2 décembre 2026 14 h – 14 h 20',
    );
  });

  test('French times read « 8 h 30 », « 14 h », with no-break spaces', () => {
    const marked = (text: string) => text.replace(/\u00a0/g, '⍽');
    expect(marked(fr.time('2026-12-01T07:30:00Z'))).toBe('8⍽h⍽30');
    expect(marked(fr.timeRange('2026-12-01T08:00:00Z', '2026-12-01T08:20:00Z'))).toBe('9⍽h⍽– 9⍽h⍽20');
    expect(marked(fr.short('2026-12-01T13:00:00Z'))).toBe('Mar. 1 déc. à 14⍽h');
  });

  test('a local date stays that date whatever the zone', () => {
    const kiritimati = createAgendaFormat('en-GB', 'Pacific/Kiritimati');
    expect(plain(kiritimati.longDate('2026-12-02'))).toBe('Wednesday 2 December 2026');
    expect(en.columnDate('2026-11-30')).toEqual({ weekday: 'Mon', day: '30' });
  });

  test('a week across two months, and shares as percentages', () => {
    expect(plain(en.dateRange('2026-11-30', '2026-12-06'))).toBe('30 November – 6 December 2026');
    expect(plain(fr.dateRange('2026-05-04', '2026-05-10'))).toBe('4–10 mai 2026');
    expect(fr.percent(0.125).replace(/\s/g, ' ')).toBe('12,5 %');
    expect(en.percent(0)).toBe('0%');
  });
});
