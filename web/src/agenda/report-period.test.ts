import { describe, expect, test } from 'vitest';
import { lastDays, periodFrom, presetOf } from './report-period.ts';

const TODAY = '2026-05-05';

describe('the report’s period', () => {
  test('the last 7 days include today', () => {
    expect(lastDays(7, TODAY)).toEqual({ from: '2026-04-29', to: TODAY });
  });

  test('a preset is recognised, a period chosen by hand is not', () => {
    expect(presetOf({ from: '2026-04-06', to: TODAY }, TODAY)).toBe(30);
    expect(presetOf({ from: '2026-04-07', to: TODAY }, TODAY)).toBeNull();
    expect(presetOf(lastDays(7, '2026-05-04'), TODAY)).toBeNull();
  });

  test('the address’s period is kept; a wrong or reversed one falls back to the last 30 days', () => {
    expect(periodFrom('2026-03-01', '2026-03-31', TODAY)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(periodFrom('2026-03-31', '2026-03-01', TODAY)).toEqual(lastDays(30, TODAY));
    expect(periodFrom('2026-02-30', TODAY, TODAY)).toEqual(lastDays(30, TODAY));
    expect(periodFrom(null, null, TODAY)).toEqual({ from: '2026-04-06', to: TODAY });
  });
});
