import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { parseDate, parseTime } from './parse-date-time.ts';

const today = Temporal.PlainDate.from('2027-03-28');

describe('parseDate', () => {
  test.each([
    ['28/03/2027', '2027-03-28'],
    ['1/4/2027', '2027-04-01'],
    ['05.06.1985', '1985-06-05'],
    ['05-06-1985', '1985-06-05'],
    ['2027-03-28', '2027-03-28'],
    ['29/02/2028', '2028-02-29'],
    ['28 mars 2027', '2027-03-28'],
    ['1er avril 2027', '2027-04-01'],
    ['15 août 1990', '1990-08-15'],
    ['March 28, 2027', '2027-03-28'],
    ['28th March 2027', '2027-03-28'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDate(text, today)).toBe(iso);
  });

  test.each([
    ["aujourd'hui", '2027-03-28'],
    ['Aujourd’hui', '2027-03-28'],
    ['today', '2027-03-28'],
    ['demain', '2027-03-29'],
    ['Tomorrow', '2027-03-29'],
    ['après-demain', '2027-03-30'],
    ['hier', '2027-03-27'],
  ])('reads %j relative to the clinic’s day', (text, iso) => {
    expect(parseDate(text, today)).toBe(iso);
  });

  test('crosses months and years from the given day', () => {
    expect(parseDate('demain', Temporal.PlainDate.from('2027-12-31'))).toBe('2028-01-01');
  });

  test.each([
    '31/02/2027',
    '29/02/2027',
    '13/13/2027',
    '28/03/27',
    '2027/03/28',
    'mars 2027',
    '28 foo 2027',
    'bientôt',
    '',
  ])('refuses %j', (text) => {
    expect(parseDate(text, today)).toBeUndefined();
  });
});

describe('parseTime', () => {
  test.each([
    ['14h30', '14:30'],
    ['14H30', '14:30'],
    ['14 h 30', '14:30'],
    ['14h', '14:00'],
    ['9h05', '09:05'],
    ['14:30', '14:30'],
    ['14.30', '14:30'],
    ['0:15', '00:15'],
    ['2pm', '14:00'],
    ['2 PM', '14:00'],
    ['2:30pm', '14:30'],
    ['2:30 p.m.', '14:30'],
    ['12am', '00:00'],
    ['12pm', '12:00'],
    ['11am', '11:00'],
    ['midi', '12:00'],
    ['noon', '12:00'],
    ['minuit', '00:00'],
  ])('reads %j as %s', (text, clock) => {
    expect(parseTime(text)).toBe(clock);
  });

  test.each(['14', '24h00', '14h60', '13pm', '0am', '14:', '14:3', 'tôt', '', '2 heures'])(
    'refuses %j',
    (text) => {
      expect(parseTime(text)).toBeUndefined();
    },
  );
});
