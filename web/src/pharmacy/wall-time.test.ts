import { describe, expect, test } from 'vitest';
import { inputValueIn, instantOf } from './wall-time.ts';

describe('ready times and ETAs typed on the pharmacy’s wall clock', () => {
  test('an instant is shown in the zone, rounded up to the next quarter hour', () => {
    expect(inputValueIn(new Date('2027-03-29T07:02:00Z'), 'Europe/Paris')).toBe('2027-03-29T09:15');
    expect(inputValueIn(new Date('2027-01-10T16:45:00Z'), 'Europe/Paris')).toBe('2027-01-10T17:45');
  });

  test('a typed time is read in the zone, summer or winter', () => {
    expect(instantOf('2027-03-29T18:30', 'Europe/Paris')).toBe('2027-03-29T16:30:00Z');
    expect(instantOf('2027-01-10T18:30', 'Europe/Paris')).toBe('2027-01-10T17:30:00Z');
    expect(instantOf('not a date', 'Europe/Paris')).toBeNull();
  });
});
