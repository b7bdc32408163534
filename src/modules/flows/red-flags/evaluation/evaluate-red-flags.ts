import { RED_FLAG_CATEGORIES, type RedFlagCategory } from '../red-flag-category.ts';
import type { RedFlagScreening } from '../screen-for-red-flags.ts';

/** A patient's message that is an emergency, and the category a clinician would file it under. */
export type EmergencyPhrasing = readonly [message: string, category: RedFlagCategory];

export interface CategoryFigures {
  category: RedFlagCategory;
  emergencies: number;
  /** Emergencies whose findings include their category. */
  found: number;
  recall: number;
}

export interface Miss {
  message: string;
  expected: RedFlagCategory;
  /** What the screener said instead (nothing, or other categories). */
  got: RedFlagCategory[];
}

export interface FalseAlarm {
  message: string;
  got: RedFlagCategory[];
  matched: string[];
}

export interface RedFlagEvaluation {
  byCategory: CategoryFigures[];
  emergencies: number;
  found: number;
  recall: number;
  /** Emergencies flagged at all, whatever the category: what matters to escalate. */
  flaggedAtAll: number;
  /** Emergencies whose first finding (the one that picks the advice) is their category. */
  adviceRight: number;
  misses: Miss[];
  /** Emergencies found but whose advice comes from another, more urgent category. */
  otherAdvice: Miss[];
  ordinary: number;
  falseAlarms: FalseAlarm[];
  falseAlarmRate: number;
}

/**
 * Screens every phrasing of the evaluation set and adds up recall per category and false alarms: the
 * figures the evaluation test asserts and `npm run bench -- redflags` prints.
 */
export function evaluateRedFlags(
  screen: (message: string) => RedFlagScreening,
  emergencies: readonly EmergencyPhrasing[],
  ordinary: readonly string[],
): RedFlagEvaluation {
  const misses: Miss[] = [];
  const otherAdvice: Miss[] = [];
  const counts = new Map<RedFlagCategory, { emergencies: number; found: number }>();
  let flaggedAtAll = 0;
  for (const [message, expected] of emergencies) {
    const got = screen(message).findings.map((finding) => finding.category);
    const count = counts.get(expected) ?? { emergencies: 0, found: 0 };
    counts.set(expected, count);
    count.emergencies += 1;
    if (got.length > 0) flaggedAtAll += 1;
    if (got.includes(expected)) count.found += 1;
    else misses.push({ message, expected, got });
    if (got.includes(expected) && got[0] !== expected) otherAdvice.push({ message, expected, got });
  }
  const falseAlarms = ordinary.flatMap((message): FalseAlarm[] => {
    const { findings } = screen(message);
    if (findings.length === 0) return [];
    return [{ message, got: findings.map((f) => f.category), matched: findings.map((f) => f.matched) }];
  });
  const byCategory = RED_FLAG_CATEGORIES.flatMap((category): CategoryFigures[] => {
    const count = counts.get(category);
    if (count === undefined) return [];
    return [{ category, ...count, recall: ratio(count.found, count.emergencies) }];
  });
  const found = byCategory.reduce((sum, figures) => sum + figures.found, 0);
  return {
    byCategory,
    emergencies: emergencies.length,
    found,
    recall: ratio(found, emergencies.length),
    flaggedAtAll,
    adviceRight: found - otherAdvice.length,
    misses,
    otherAdvice,
    ordinary: ordinary.length,
    falseAlarms,
    falseAlarmRate: ratio(falseAlarms.length, ordinary.length),
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}
