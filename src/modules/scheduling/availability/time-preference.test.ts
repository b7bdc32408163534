import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { parseTimePreference, type TimePreference } from './time-preference.ts';

/** An instant written with its Paris offset (+01:00 until 28 March 2027, +02:00 after). */
function at(localWithOffset: string): string {
  return Temporal.Instant.from(localWithOffset).toString();
}

// Wednesday 24 March 2027, 10:00 in Paris; summer time starts on Sunday the 28th.
const NOW = at('2027-03-24T10:00+01:00');
const paris = { now: NOW, timeZone: 'Europe/Paris' };

const day = (date: string, offset: string) => ({
  from: at(`${date}T00:00${offset}`),
  to: Temporal.Instant.from(`${date}T00:00${offset}`)
    .toZonedDateTimeISO('Europe/Paris')
    .add({ days: 1 })
    .toInstant()
    .toString(),
});

type Window = Extract<TimePreference, { kind: 'window' }>;

function window(from: string, to: string, extra: Partial<Window> = {}): Window {
  return { kind: 'window', from, to, ...extra };
}

const morning = { partOfDay: 'morning', timeOfDay: { start: '08:00', end: '12:00' } } as const;
const afternoon = { partOfDay: 'afternoon', timeOfDay: { start: '12:00', end: '18:00' } } as const;
const evening = { partOfDay: 'evening', timeOfDay: { start: '18:00', end: '21:00' } } as const;
const endOfDay = { partOfDay: 'endOfDay', timeOfDay: { start: '16:00', end: '19:00' } } as const;
const band = (start: string, end: string) => ({ timeOfDay: { start, end } });

const cases: Array<[string, TimePreference | null]> = [
  // French
  ['demain matin', window(at('2027-03-25T08:00+01:00'), at('2027-03-25T12:00+01:00'), morning)],
  ['Demain APRÈS-MIDI', window(at('2027-03-25T12:00+01:00'), at('2027-03-25T18:00+01:00'), afternoon)],
  ['jeudi aprem', window(at('2027-03-25T12:00+01:00'), at('2027-03-25T18:00+01:00'), afternoon)],
  ['lundi', window(day('2027-03-29', '+02:00').from, day('2027-03-29', '+02:00').to)],
  ['mardi prochain', window(day('2027-03-30', '+02:00').from, day('2027-03-30', '+02:00').to)],
  ['mercredi', window(day('2027-03-31', '+02:00').from, day('2027-03-31', '+02:00').to)],
  ['cette semaine', window(NOW, at('2027-03-29T00:00+02:00'))],
  ['la semaine prochaine', window(at('2027-03-29T00:00+02:00'), at('2027-04-05T00:00+02:00'))],
  [
    'la semaine prochaine le matin',
    window(at('2027-03-29T08:00+02:00'), at('2027-04-04T12:00+02:00'), morning),
  ],
  ['lundi de la semaine prochaine', window(day('2027-03-29', '+02:00').from, day('2027-03-29', '+02:00').to)],
  ['ce week-end', window(at('2027-03-27T00:00+01:00'), at('2027-03-29T00:00+02:00'))],
  ['le 12 décembre', window(day('2027-12-12', '+01:00').from, day('2027-12-12', '+01:00').to)],
  ['12/12', window(day('2027-12-12', '+01:00').from, day('2027-12-12', '+01:00').to)],
  [
    'le 1er avril à 9h30',
    window(at('2027-04-01T09:30+02:00'), at('2027-04-01T10:30+02:00'), band('09:30', '10:30')),
  ],
  ['dans 3 jours', window(day('2027-03-27', '+01:00').from, day('2027-03-27', '+01:00').to)],
  ['vers 10h', window(NOW, at('2027-03-24T11:00+01:00'), band('09:00', '11:00'))],
  [
    'après-demain vers 15h',
    window(at('2027-03-26T14:00+01:00'), at('2027-03-26T16:00+01:00'), band('14:00', '16:00')),
  ],
  [
    'vendredi 2h de l’après-midi',
    window(at('2027-03-26T14:00+01:00'), at('2027-03-26T15:00+01:00'), {
      ...afternoon,
      ...band('14:00', '15:00'),
    }),
  ],
  [
    'entre 14h et 16h',
    window(at('2027-03-24T14:00+01:00'), at('2027-03-24T16:00+01:00'), band('14:00', '16:00')),
  ],
  [
    'entre midi et deux',
    window(at('2027-03-24T12:00+01:00'), at('2027-03-24T14:00+01:00'), band('12:00', '14:00')),
  ],
  [
    'pas avant 11h',
    window(at('2027-03-24T11:00+01:00'), at('2027-03-25T00:00+01:00'), band('11:00', '24:00')),
  ],
  ['en fin de journée', window(at('2027-03-24T16:00+01:00'), at('2027-03-24T19:00+01:00'), endOfDay)],
  ['le matin', window(NOW, at('2027-03-24T12:00+01:00'), morning)],
  ['ce soir', window(at('2027-03-24T18:00+01:00'), at('2027-03-24T21:00+01:00'), evening)],
  ['demain au plus tôt', window(day('2027-03-25', '+01:00').from, day('2027-03-25', '+01:00').to)],
  ['le plus tôt possible', { kind: 'asap' }],
  ['dès que possible svp', { kind: 'asap' }],
  ["n'importe quand", { kind: 'asap' }],
  // English
  ['tomorrow afternoon', window(at('2027-03-25T12:00+01:00'), at('2027-03-25T18:00+01:00'), afternoon)],
  ['next week', window(at('2027-03-29T00:00+02:00'), at('2027-04-05T00:00+02:00'))],
  ['this week', window(NOW, at('2027-03-29T00:00+02:00'))],
  ['next Tuesday morning', window(at('2027-03-30T08:00+02:00'), at('2027-03-30T12:00+02:00'), morning)],
  ['Friday evening', window(at('2027-03-26T18:00+01:00'), at('2027-03-26T21:00+01:00'), evening)],
  [
    'at 2pm tomorrow',
    window(at('2027-03-25T14:00+01:00'), at('2027-03-25T15:00+01:00'), band('14:00', '15:00')),
  ],
  ['around 11am', window(NOW, at('2027-03-24T12:00+01:00'), band('10:00', '12:00'))],
  ['December 3rd', window(day('2027-12-03', '+01:00').from, day('2027-12-03', '+01:00').to)],
  ['before 9:30', window(at('2027-03-25T00:00+01:00'), at('2027-03-25T09:30+01:00'), band('00:00', '09:30'))],
  ['late afternoon', window(at('2027-03-24T16:00+01:00'), at('2027-03-24T19:00+01:00'), endOfDay)],
  ['ASAP!', { kind: 'asap' }],
  ['as soon as possible please', { kind: 'asap' }],
  ['any time', { kind: 'asap' }],
  // Nothing about time: ask again.
  ['bonjour', null],
  ['merci beaucoup', null],
  ['I would like to see Dr Martin', null],
  ['   ', null],
];

describe('parseTimePreference', () => {
  test.each(cases)('%s', (text, expected) => {
    expect(parseTimePreference(text, paris)).toEqual(expected);
  });

  test('a date already past this year is next year’s', () => {
    const december20 = { now: at('2027-12-20T09:00+01:00'), timeZone: 'Europe/Paris' };
    const next = day('2028-12-12', '+01:00');
    expect(parseTimePreference('le 12 décembre', december20)).toEqual(window(next.from, next.to));
    expect(parseTimePreference('12/12', december20)).toEqual(window(next.from, next.to));
  });

  describe('a day of the month alone is its next occurrence on the clinic’s calendar', () => {
    const april = (date: string) => day(date, '+02:00');
    const dayCases: Array<[string, 'fr' | 'en', Window]> = [
      ['le 12', 'fr', window(april('2027-04-12').from, april('2027-04-12').to)],
      ['Le 10 !', 'fr', window(april('2027-04-10').from, april('2027-04-10').to)],
      ['le 1er', 'fr', window(april('2027-04-01').from, april('2027-04-01').to)],
      ['le 30', 'fr', window(april('2027-03-30').from, april('2027-03-30').to)],
      ['le 24', 'fr', window(NOW, at('2027-03-25T00:00+01:00'))],
      ['lundi 12', 'fr', window(april('2027-04-12').from, april('2027-04-12').to)],
      ['le 12 au matin', 'fr', window(at('2027-04-12T08:00+02:00'), at('2027-04-12T12:00+02:00'), morning)],
      [
        'le 12 vers 10h',
        'fr',
        window(at('2027-04-12T09:00+02:00'), at('2027-04-12T11:00+02:00'), band('09:00', '11:00')),
      ],
      ['the 12th', 'en', window(april('2027-04-12').from, april('2027-04-12').to)],
      ['on the 10th', 'en', window(april('2027-04-10').from, april('2027-04-10').to)],
      ['Monday the 12th', 'en', window(april('2027-04-12').from, april('2027-04-12').to)],
      [
        'the 12th in the afternoon',
        'en',
        window(at('2027-04-12T12:00+02:00'), at('2027-04-12T18:00+02:00'), afternoon),
      ],
    ];
    test.each(dayCases)('%s (%s)', (text, language, expected) => {
      expect(parseTimePreference(text, { ...paris, language })).toEqual(expected);
    });

    test('« le 12 décembre » still names December', () => {
      const december = day('2027-12-12', '+01:00');
      expect(parseTimePreference('le 12 décembre', paris)).toEqual(window(december.from, december.to));
    });

    test('a 30th skips a February too short for it', () => {
      const january31 = {
        now: at('2028-01-31T09:00+01:00'),
        timeZone: 'Europe/Paris',
        language: 'fr',
      } as const;
      const march30 = day('2028-03-30', '+02:00');
      expect(parseTimePreference('le 30', january31)).toEqual(window(march30.from, march30.to));
    });

    test('a weekday that never falls on that day within the horizon is taken for a slip', () => {
      // The next Tuesday the 12th is in October: the 12th of April (a Monday) is meant.
      const april12 = april('2027-04-12');
      expect(parseTimePreference('mardi 12', { ...paris, horizonDays: 60 })).toEqual(
        window(april12.from, april12.to),
      );
      const october12 = day('2027-10-12', '+02:00');
      expect(parseTimePreference('mardi 12', { ...paris, horizonDays: 366 })).toEqual(
        window(october12.from, october12.to),
      );
    });

    test('numbers that are not days stay unread', () => {
      expect(parseTimePreference('12', paris)).toBeNull();
      expect(parseTimePreference('j’ai 12 ans', paris)).toBeNull();
    });
  });

  test('a time of day already over today is tomorrow’s', () => {
    const evening = { now: at('2027-03-24T20:00+01:00'), timeZone: 'Europe/Paris' };
    expect(parseTimePreference('en fin de journée', evening)).toEqual(
      window(at('2027-03-25T16:00+01:00'), at('2027-03-25T19:00+01:00'), endOfDay),
    );
    expect(parseTimePreference('in the morning', evening)).toEqual(
      window(at('2027-03-25T08:00+01:00'), at('2027-03-25T12:00+01:00'), morning),
    );
  });

  test('days are the clinic’s: at 00:30 in Paris (23:30Z the day before), demain is the day after', () => {
    const justAfterMidnight = { now: '2027-03-24T23:30:00Z', timeZone: 'Europe/Paris' };
    expect(parseTimePreference('demain', justAfterMidnight)).toEqual(
      window(day('2027-03-26', '+01:00').from, day('2027-03-26', '+01:00').to),
    );
    expect(parseTimePreference('dans 2 jours', justAfterMidnight)).toEqual(
      window(day('2027-03-27', '+01:00').from, day('2027-03-27', '+01:00').to),
    );
  });

  test('the same words in another zone give that zone’s instants', () => {
    const newYork = { now: '2027-03-24T14:00:00Z', timeZone: 'America/New_York', language: 'en' } as const;
    expect(parseTimePreference('tomorrow morning', newYork)).toEqual(
      window(at('2027-03-25T08:00-04:00'), at('2027-03-25T12:00-04:00'), morning),
    );
  });

  test('dates are read day first in both languages', () => {
    const april3 = day('2027-04-03', '+02:00');
    expect(parseTimePreference('3/4', { ...paris, language: 'fr' })).toEqual(window(april3.from, april3.to));
    expect(parseTimePreference('3/4', { ...paris, language: 'en' })).toEqual(window(april3.from, april3.to));
  });
});
