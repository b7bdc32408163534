import type { Temporal } from 'temporal-polyfill';

// "le 12", "le 1er", "lundi 12", "the 12th", "on the 10th", "Monday 12th", "12th": a day number with an
// article, a weekday or an ordinal suffix before it. A bare "12" stays unread (an hour? a count?), and a
// number followed by an hour mark ("le 12 à 10h" has its clock blanked before this runs) is not a day.
const DAY_OF_MONTH =
  /(?:\b(?:le|the|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\s+(\d{1,2})(?:er|e|eme|st|nd|rd|th)?|\b(\d{1,2})(?:er|st|nd|rd|th))\b(?!\s*(?:h\b|:|heures?|hours?|am\b|pm\b|ans?\b|jours?\b|days?\b|semaines?\b|weeks?\b|mois\b|months?\b))/;

/**
 * The day a phrase names by its day of the month alone ("le 12", "the 10th"): its next occurrence on
 * the clinic's calendar, today included, skipping months too short for it (a 31st). With a weekday
 * ("lundi 12"), the next date that is both, when one comes within `horizonDays`; otherwise the weekday
 * is taken for a slip and the day of the month wins. Null when the phrase names no day of the month.
 */
export function readDayOfMonth(
  text: string,
  today: Temporal.PlainDate,
  weekdays: readonly number[],
  horizonDays: number,
): Temporal.PlainDate | null {
  const match = DAY_OF_MONTH.exec(text);
  const day = Number(match?.[1] ?? match?.[2] ?? Number.NaN);
  if (!Number.isInteger(day) || day < 1 || day > 31) return null;
  const occurrences = nextOccurrences(today, day, horizonDays);
  const matchingWeekday =
    weekdays.length > 0 ? occurrences.find((date) => weekdays.includes(date.dayOfWeek)) : undefined;
  return matchingWeekday ?? occurrences[0] ?? null;
}

/** The dates with this day number from today on, while within the horizon (the first one always). */
function nextOccurrences(today: Temporal.PlainDate, day: number, horizonDays: number): Temporal.PlainDate[] {
  const found: Temporal.PlainDate[] = [];
  const last = today.add({ days: Math.max(horizonDays, 0) });
  // 48 months always hold a 31st more than once; the loop stops at the horizon long before.
  for (let months = 0; months < 48; months += 1) {
    const month = today.toPlainYearMonth().add({ months });
    if (day > month.daysInMonth) continue;
    const date = month.toPlainDate({ day });
    if (date.until(today).sign > 0) continue;
    if (found.length > 0 && date.until(last).sign < 0) break;
    found.push(date);
  }
  return found;
}
