import { describe, expect, test } from 'vitest';
import { appointmentWhen, clockTime, countOf, dayAndTime, shortDayAndTime } from './patient-wording.ts';

describe('times and days as the patient reads them', () => {
  test.each([
    [8, 30, 'fr', '8 h 30'],
    [14, 0, 'fr', '14 h'],
    [9, 5, 'fr', '9 h 05'],
    [0, 15, 'fr', '0 h 15'],
    [8, 30, 'en', '8:30 am'],
    [14, 0, 'en', '2:00 pm'],
    [0, 15, 'en', '12:15 am'],
  ] as const)('%i:%i in %s is %s', (hour, minute, language, expected) => {
    expect(clockTime(hour, minute, language)).toBe(expected);
  });

  // Tuesday 8 December 2026, 08:30 in Paris.
  const start = new Date('2026-12-08T07:30:00Z');

  test('one format in every message: the day, then « 8 h 30 »', () => {
    expect(appointmentWhen(start, 'Europe/Paris', 'fr')).toEqual({
      date: 'mardi 8 décembre',
      time: '8 h 30',
    });
    expect(dayAndTime(start, 'Europe/Paris', 'fr')).toBe('mardi 8 décembre à 8 h 30');
    expect(dayAndTime(start, 'Europe/Paris', 'en')).toBe('Tuesday 8 December at 8:30 am');
  });

  test('a list row’s title fits WhatsApp’s 24 characters', () => {
    expect(shortDayAndTime(start, 'Europe/Paris', 'fr')).toBe('mar. 8 déc., 8 h 30');
    expect(shortDayAndTime(start, 'Europe/Paris', 'en')).toBe('Tue 8 Dec, 8:30 am');
    const longest = new Date('2027-09-29T12:30:00Z'); // mercredi 29 septembre, 14 h 30
    expect(shortDayAndTime(longest, 'Europe/Paris', 'fr')).toBe('mer. 29 sept., 14 h 30');
  });

  test('the clinic’s clock, not the server’s: 23:30Z is the next day in Paris', () => {
    expect(dayAndTime(new Date('2026-12-07T23:30:00Z'), 'Europe/Paris', 'fr')).toBe(
      'mardi 8 décembre à 0 h 30',
    );
  });
});

describe('counts agree with their noun', () => {
  test.each([
    [1, 'jour', 'fr', '1 jour'],
    [2, 'jour', 'fr', '2 jours'],
    [0, 'jour', 'fr', '0 jour'],
    [1, 'étoile', 'fr', '1 étoile'],
    [5, 'étoile', 'fr', '5 étoiles'],
    [1.5, 'heure', 'fr', '1,5 heure'],
    [1, 'day', 'en', '1 day'],
    [0, 'day', 'en', '0 days'],
  ] as const)('%d %s (%s)', (count, noun, language, expected) => {
    expect(countOf(count, noun, language)).toBe(expected);
  });

  test('an irregular plural is given', () => {
    expect(countOf(3, 'rendez-vous', 'fr', 'rendez-vous')).toBe('3 rendez-vous');
  });
});
