import { describe, expect, test } from 'vitest';
import { confirms } from './erasure.service.ts';
import { monthsBefore } from './retention.job.ts';

describe('retention cut-offs', () => {
  test.each([
    ['2026-12-06T10:00:00.000Z', 6, '2026-06-06T10:00:00.000Z'],
    ['2026-03-31T00:00:00.000Z', 1, '2026-02-28T00:00:00.000Z'],
    ['2024-03-31T00:00:00.000Z', 1, '2024-02-29T00:00:00.000Z'],
    ['2026-01-15T08:30:00.000Z', 13, '2024-12-15T08:30:00.000Z'],
  ])('%s minus %i months is %s', (now, months, expected) => {
    expect(monthsBefore(new Date(now), months).toISOString()).toBe(expected);
  });
});

describe('the name typed to confirm an erasure', () => {
  test('matches whatever the case and spacing', () => {
    expect(confirms('  chloé   DUPONT ', 'Chloé Dupont')).toBe(true);
    // "é" typed as e + combining accent.
    expect(confirms('Chloe\u0301 Dupont', 'Chloé Dupont')).toBe(true);
  });
  test('does not match another name or a part of it', () => {
    expect(confirms('Chloé', 'Chloé Dupont')).toBe(false);
    expect(confirms('Chloe Dupont', 'Chloé Dupont')).toBe(false);
  });
});
