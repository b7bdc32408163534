import { describe, expect, test } from 'vitest';
import type { RedFlagCategory } from '../red-flag-category.ts';
import { screenForRedFlags } from '../screen-for-red-flags.ts';
import { evaluateRedFlags } from './evaluate-red-flags.ts';
import { EVALUATION_EMERGENCIES, EVALUATION_ORDINARY } from './evaluation-set.ts';

/** Categories where a miss can kill within the hour: every phrasing must be found. */
const MUST_NEVER_MISS: readonly RedFlagCategory[] = [
  'chest_pain',
  'breathing_difficulty',
  'stroke_signs',
  'severe_allergy',
  'poisoning_overdose',
  'suicidal_thoughts',
];

const evaluation = evaluateRedFlags(
  (message) => screenForRedFlags(message),
  EVALUATION_EMERGENCIES,
  EVALUATION_ORDINARY,
);

describe('red-flag screening on the evaluation set', () => {
  test('the set is large enough to mean something', () => {
    expect(evaluation.emergencies).toBeGreaterThanOrEqual(300);
    expect(evaluation.ordinary).toBeGreaterThanOrEqual(300);
  });

  test('finds at least 99 % of emergencies overall', () => {
    expect(evaluation.recall, JSON.stringify(evaluation.misses, null, 1)).toBeGreaterThanOrEqual(0.99);
  });

  test.each(MUST_NEVER_MISS)('finds every %s', (category) => {
    const figures = evaluation.byCategory.find((f) => f.category === category);
    expect(figures?.emergencies ?? 0).toBeGreaterThan(0);
    expect(evaluation.misses.filter((miss) => miss.expected === category)).toEqual([]);
  });

  test('raises at most 5 % false alarms on ordinary messages', () => {
    expect(evaluation.falseAlarmRate, JSON.stringify(evaluation.falseAlarms, null, 1)).toBeLessThanOrEqual(
      0.05,
    );
  });
});
