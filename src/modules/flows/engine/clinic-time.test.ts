import { describe, expect, test } from 'vitest';
import { addMinutes, clinicTime, isBetween, isOpen, nextOccurrence, weekdayOf } from './clinic-time.ts';

const PARIS = 'Europe/Paris';

describe('clinic time', () => {
  test('the clinic’s weekday, not UTC’s', () => {
    // 23:30 UTC on Saturday is already Sunday in Paris.
    expect(weekdayOf(clinicTime('2027-03-27T23:30:00Z', PARIS))).toBe('sun');
    expect(weekdayOf(clinicTime('2027-03-27T23:30:00Z', 'America/New_York'))).toBe('sat');
  });

  test('ranges include their start, exclude their end, and may run over midnight', () => {
    expect(isBetween('09:00', '09:00', '12:00')).toBe(true);
    expect(isBetween('12:00', '09:00', '12:00')).toBe(false);
    expect(isBetween('23:30', '22:00', '06:00')).toBe(true);
    expect(isBetween('05:59', '22:00', '06:00')).toBe(true);
    expect(isBetween('06:00', '22:00', '06:00')).toBe(false);
    expect(isBetween('09:00', '09:00', '09:00')).toBe(false);
  });

  test('closed dates win over the weekly hours', () => {
    const hours = { weekly: { mon: [{ from: '09:00', to: '18:00' }] }, closedDates: ['2027-11-01'] };
    expect(isOpen(hours, clinicTime('2027-11-01T10:00:00Z', PARIS))).toBe(false);
    expect(isOpen(hours, clinicTime('2027-11-08T10:00:00Z', PARIS))).toBe(true);
    expect(isOpen(hours, clinicTime('2027-11-09T10:00:00Z', PARIS))).toBe(false);
  });

  test('the next 09:00 is today while it is ahead, else tomorrow', () => {
    expect(nextOccurrence('2027-03-01T07:59:00Z', PARIS, '09:00')).toBe('2027-03-01T08:00:00.000Z');
    expect(nextOccurrence('2027-03-01T08:00:00Z', PARIS, '09:00')).toBe('2027-03-02T08:00:00.000Z');
  });

  test('a wall-clock time that DST skips falls an hour later', () => {
    // 02:30 does not exist in Paris on 2027-03-28: clocks go from 02:00 to 03:00 (01:00 UTC).
    expect(nextOccurrence('2027-03-27T23:00:00Z', PARIS, '02:30')).toBe('2027-03-28T01:30:00.000Z');
  });

  test('minutes are exact durations, across a DST change too', () => {
    expect(addMinutes('2027-03-28T00:30:00Z', 60)).toBe('2027-03-28T01:30:00.000Z');
    expect(addMinutes('2027-03-01T08:00:00.000Z', 1440)).toBe('2027-03-02T08:00:00.000Z');
  });
});
