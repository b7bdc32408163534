import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { RED_FLAG_CATEGORIES, type RedFlagCategory } from '../red-flag-category.ts';
import { screenForRedFlags } from '../screen-for-red-flags.ts';
import { evaluateRedFlags } from './evaluate-red-flags.ts';

/**
 * Phrasings written by writers who never saw the screener, kept out of the evaluation set, out of the
 * classifier's training and out of the lexicon's tuning (README › Unseen phrasings): the closest this
 * repository gets to the independent set the screener is judged on. Its figures must hold as the lexicon
 * and the model change.
 */
const UNSEEN = new URL('./unseen/', import.meta.url);

function phrasings(kind: 'emergencies' | 'ordinary'): Array<[string, string]> {
  return readdirSync(UNSEEN)
    .filter((name) => name.includes(`-${kind}.`) && name.endsWith('.tsv'))
    .flatMap((name) => readFileSync(new URL(name, UNSEEN), 'utf8').split('\n'))
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const [category = '', message = ''] = line.split('\t');
      return [category, message];
    });
}

function isCategory(name: string): name is RedFlagCategory {
  return (RED_FLAG_CATEGORIES as readonly string[]).includes(name);
}

const emergencies = phrasings('emergencies').flatMap(([category, message]) =>
  isCategory(category) ? [[message, category] as const] : [],
);
const ordinary = phrasings('ordinary').map(([, message]) => message);
const evaluation = evaluateRedFlags((message) => screenForRedFlags(message), emergencies, ordinary);

describe('red-flag screening on unseen phrasings', () => {
  test('every line is a known category and a message', () => {
    expect(emergencies.length).toBe(phrasings('emergencies').length);
    expect(emergencies.length).toBeGreaterThanOrEqual(300);
    expect(ordinary.length).toBeGreaterThanOrEqual(150);
  });

  test('flags at least 96 % of the emergencies', () => {
    expect(
      evaluation.flaggedAtAll / evaluation.emergencies,
      JSON.stringify(evaluation.misses, null, 1),
    ).toBeGreaterThanOrEqual(0.96);
  });

  test('raises at most 5 % false alarms', () => {
    expect(evaluation.falseAlarmRate, JSON.stringify(evaluation.falseAlarms, null, 1)).toBeLessThanOrEqual(
      0.05,
    );
  });
});
