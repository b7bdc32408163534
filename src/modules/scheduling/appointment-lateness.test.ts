import { describe, expect, test } from 'vitest';
import { isLate } from './appointment-lateness.ts';

const start = new Date('2027-06-14T07:00:00Z');
const minutesAfter = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe('isLate', () => {
  test('a booked appointment is late only once the delay has passed', () => {
    expect(isLate({ status: 'booked', start }, minutesAfter(-30), 15)).toBe(false);
    expect(isLate({ status: 'booked', start }, minutesAfter(15), 15)).toBe(false);
    expect(isLate({ status: 'booked', start }, minutesAfter(16), 15)).toBe(true);
    expect(isLate({ status: 'booked', start }, minutesAfter(6), 5)).toBe(true);
  });

  test('a patient marked arrived, or an appointment settled otherwise, is never late', () => {
    for (const status of ['arrived', 'fulfilled', 'noshow', 'cancelled', 'proposed'] as const) {
      expect(isLate({ status, start }, minutesAfter(60), 15)).toBe(false);
    }
  });
});
