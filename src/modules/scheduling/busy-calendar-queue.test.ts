import { describe, expect, test } from 'vitest';
import {
  BUSY_CALENDAR_REFRESH_MS,
  nextRefreshAt,
  UPLOADED_CALENDAR_REEXPAND_MS,
} from './busy-calendar-queue.ts';

const at = (iso: string) => new Date(iso);

describe('nextRefreshAt', () => {
  test('is the first quarter-hour at least the period away', () => {
    expect(nextRefreshAt(at('2027-06-14T08:07:00Z'), BUSY_CALENDAR_REFRESH_MS)).toEqual(
      at('2027-06-14T08:30:00Z'),
    );
    expect(nextRefreshAt(at('2027-06-14T08:15:00Z'), BUSY_CALENDAR_REFRESH_MS)).toEqual(
      at('2027-06-14T08:30:00Z'),
    );
    expect(nextRefreshAt(at('2027-06-14T08:15:01Z'), BUSY_CALENDAR_REFRESH_MS)).toEqual(
      at('2027-06-14T08:45:00Z'),
    );
    expect(nextRefreshAt(at('2027-06-14T23:59:00Z'), UPLOADED_CALENDAR_REEXPAND_MS)).toEqual(
      at('2027-06-16T00:00:00Z'),
    );
  });

  test('refreshes started at different moments of a quarter schedule the same next one', () => {
    const times = ['08:00:01', '08:03:00', '08:14:59.999'].map((t) =>
      nextRefreshAt(at(`2027-06-14T${t}Z`), BUSY_CALENDAR_REFRESH_MS).toISOString(),
    );
    expect(new Set(times)).toEqual(new Set(['2027-06-14T08:30:00.000Z']));
  });
});
