import { describe, expect, test } from 'vitest';
import { periodOf } from './export-period.ts';

const now = new Date('2026-03-29T10:00:00Z');

describe('the period of an export', () => {
  test('dates are days of the clinic, the last one included, across a change of time', () => {
    // Paris goes to summer time on 29 March 2026: the day before ends at 23:00 UTC, the day itself at 22:00.
    expect(periodOf({ from: '2026-03-28', to: '2026-03-29' }, 'Europe/Paris', now)).toEqual({
      ok: true,
      period: { from: new Date('2026-03-27T23:00:00Z'), to: new Date('2026-03-29T22:00:00Z') },
    });
  });

  test('date-times are instants, the end excluded', () => {
    expect(periodOf({ from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00+01:00' }, 'UTC', now)).toEqual({
      ok: true,
      period: { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-01T23:00:00Z') },
    });
  });

  test('without bounds: the last 30 days, today included', () => {
    expect(periodOf({}, 'UTC', now)).toEqual({
      ok: true,
      period: { from: new Date('2026-02-28T00:00:00Z'), to: new Date('2026-03-30T00:00:00Z') },
    });
  });

  test('nonsense is refused naming the bound', () => {
    expect(periodOf({ from: '2026-02-30' }, 'UTC', now)).toMatchObject({ ok: false, field: 'from' });
    expect(periodOf({ to: 'yesterday' }, 'UTC', now)).toMatchObject({ ok: false, field: 'to' });
    expect(periodOf({ to: '2026-03-01T00:00:00' }, 'UTC', now)).toMatchObject({ ok: false, field: 'to' });
    expect(periodOf({ from: '2026-03-02', to: '2026-03-01' }, 'UTC', now)).toMatchObject({
      ok: false,
      field: 'to',
      message: 'must be after from',
    });
  });
});
