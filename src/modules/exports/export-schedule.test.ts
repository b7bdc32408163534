import { describe, expect, test } from 'vitest';
import { nextRunAfter, previousDay } from './export-schedule.service.ts';
import { objectUrl } from './s3-put-object.ts';
import { objectKey } from './scheduled-export.job.ts';

describe('the daily export’s time', () => {
  test('the next run is the clinic’s hour, today if still ahead, else tomorrow', () => {
    expect(nextRunAfter(new Date('2026-06-10T00:30:00Z'), 3, 'Europe/Paris')).toEqual(
      new Date('2026-06-10T01:00:00Z'),
    );
    expect(nextRunAfter(new Date('2026-06-10T01:00:00Z'), 3, 'Europe/Paris')).toEqual(
      new Date('2026-06-11T01:00:00Z'),
    );
  });

  test('across the change to summer time, 03:00 in Paris moves by an hour in UTC', () => {
    expect(nextRunAfter(new Date('2026-03-28T12:00:00Z'), 3, 'Europe/Paris')).toEqual(
      new Date('2026-03-29T01:00:00Z'),
    );
    expect(nextRunAfter(new Date('2026-03-27T12:00:00Z'), 3, 'Europe/Paris')).toEqual(
      new Date('2026-03-28T02:00:00Z'),
    );
  });

  test('yesterday is the clinic’s yesterday', () => {
    // 23:30 UTC on the 9th is already the 10th in Paris.
    expect(previousDay(new Date('2026-06-09T23:30:00Z'), 'Europe/Paris')).toBe('2026-06-09');
    expect(previousDay(new Date('2026-06-09T23:30:00Z'), 'UTC')).toBe('2026-06-08');
  });
});

describe('where an object goes', () => {
  test('<prefix>/<dataset>/<day>.<ext>, slashes around the prefix ignored', () => {
    expect(objectKey('warehouse/careline/', 'red-flags', '2026-06-09', 'ndjson')).toBe(
      'warehouse/careline/red-flags/2026-06-09.ndjson',
    );
    expect(objectKey('', 'messages', '2026-06-09', 'csv')).toBe('messages/2026-06-09.csv');
  });

  test('path-style URL with each segment encoded; a . or .. segment, which would leave the bucket, refused', () => {
    expect(objectUrl({ endpoint: 'https://s3.example.test/', bucket: 'b' }, "a b/c'd#?.csv")).toBe(
      "https://s3.example.test/b/a%20b/c'd%23%3F.csv",
    );
    expect(() => objectUrl({ endpoint: 'https://s3.example.test', bucket: 'b' }, '../other/x.csv')).toThrow();
    expect(() => objectUrl({ endpoint: 'https://s3.example.test', bucket: 'b' }, 'a/./x.csv')).toThrow();
  });
});
