import { createRequire } from 'node:module';
import { Temporal } from 'temporal-polyfill';
import { readDayOfMonth } from './day-of-month.ts';

/** The local days a phrase names, first and last included. */
export interface DaySpan {
  first: Temporal.PlainDate;
  last: Temporal.PlainDate;
}

export type PhraseLanguage = 'fr' | 'en';

type Resolve = (today: Temporal.PlainDate) => DaySpan;

const single = (date: Temporal.PlainDate): DaySpan => ({ first: date, last: date });
const nextMonday = (today: Temporal.PlainDate) => today.add({ days: 8 - today.dayOfWeek });

// Checked in order, on the whole normalised phrase: "après-demain" before "demain".
const RELATIVE_DAYS: ReadonlyArray<readonly [RegExp, Resolve]> = [
  [/\bapres[- ]demain\b|\bday after tomorrow\b/, (today) => single(today.add({ days: 2 }))],
  [/\bdemain\b|\btomorrow\b/, (today) => single(today.add({ days: 1 }))],
  [
    /\baujourd'?hui\b|\btoday\b|\bce (?:matin|soir)\b|\bcet apres[- ]midi\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b/,
    single,
  ],
  [
    /\bweek-?end prochain\b|\bnext weekend\b/,
    (today) => ({ first: nextMonday(today).add({ days: 5 }), last: nextMonday(today).add({ days: 6 }) }),
  ],
  [
    /\bweek-?end\b/,
    (today) => ({
      first: today.dayOfWeek >= 6 ? today : today.add({ days: 6 - today.dayOfWeek }),
      last: today.add({ days: 7 - today.dayOfWeek }),
    }),
  ],
  [
    /\bsemaine prochaine\b|\bsemaine d'apres\b|\bsemaine qui vient\b|\bnext week\b/,
    (today) => ({ first: nextMonday(today), last: nextMonday(today).add({ days: 6 }) }),
  ],
  [
    /\bcette semaine\b|\bthis week\b|\bdans la semaine\b/,
    (today) => ({ first: today, last: today.add({ days: 7 - today.dayOfWeek }) }),
  ],
];

/** How far ahead "lundi 12" looks for a Monday the 12th when the clinic does not say: its usual horizon. */
const DEFAULT_HORIZON_DAYS = 60;

const NEXT_WEEK = /\bsemaine prochaine\b|\bnext week\b/;

const WEEKDAY_WORDS: ReadonlyArray<RegExp> = [
  /\blundi\b|\bmondays?\b/,
  /\bmardi\b|\btuesdays?\b/,
  /\bmercredi\b|\bwednesdays?\b/,
  /\bjeudi\b|\bthursdays?\b/,
  /\bvendredi\b|\bfridays?\b/,
  /\bsamedi\b|\bsaturdays?\b/,
  /\bdimanche\b|\bsundays?\b/,
];

/**
 * The days a normalised phrase names. Relative words first (demain, next week, ce week-end…); then a
 * calendar date, read by chrono in `dateText` (the phrase with its clock times blanked, which chrono
 * would otherwise take for dates): "le 12 décembre", "12/12" (day first in both languages), "dans 3
 * jours"; a date already past this year is next year's. Then a day of the month alone ("le 12", "lundi
 * 12", "the 10th"): its next occurrence, a weekday with it kept when one within `horizonDays` has both.
 * Then a weekday: "lundi", "mardi prochain",
 * "next Tuesday" are the next such day after today (the same rule for all three), or that day of next
 * week when the phrase says next week. When several weekdays are named, the soonest wins.
 */
export function readDays(
  text: string,
  dateText: string,
  now: Temporal.ZonedDateTime,
  language?: PhraseLanguage,
  horizonDays = DEFAULT_HORIZON_DAYS,
): DaySpan | null {
  const today = now.toPlainDate();
  const weekdays = WEEKDAY_WORDS.flatMap((pattern, index) => (pattern.test(text) ? [index + 1] : []));
  if (weekdays.length > 0 && NEXT_WEEK.test(text)) {
    return single(nextMonday(today).add({ days: Math.min(...weekdays) - 1 }));
  }
  for (const [pattern, resolve] of RELATIVE_DAYS) {
    if (pattern.test(text)) return resolve(today);
  }
  const date = calendarDate(dateText, now, language);
  if (date !== null) return single(date);
  const dayOfMonth = readDayOfMonth(dateText, today, weekdays, horizonDays);
  if (dayOfMonth !== null) return single(dayOfMonth);
  if (weekdays.length === 0) return null;
  const ahead = weekdays.map((weekday) => (weekday - today.dayOfWeek + 7) % 7 || 7);
  return single(today.add({ days: Math.min(...ahead) }));
}

function calendarDate(
  text: string,
  now: Temporal.ZonedDateTime,
  language: PhraseLanguage | undefined,
): Temporal.PlainDate | null {
  const chrono = loadChrono();
  const parsers =
    language === 'fr' ? [chrono.fr] : language === 'en' ? [chrono.en.GB] : [chrono.fr, chrono.en.GB];
  // chrono reads relative dates ("dans 3 jours") from the clinic's today, not the server's.
  const reference = { instant: new Date(now.epochMilliseconds), timezone: now.offsetNanoseconds / 60e9 };
  for (const parser of parsers) {
    for (const result of parser.parse(text, reference, { forwardDate: true })) {
      if (!result.start.isCertain('day')) continue;
      const year = result.start.get('year');
      const month = result.start.get('month');
      const day = result.start.get('day');
      if (year === null || month === null || day === null) continue;
      return Temporal.PlainDate.from({ year, month, day }, { overflow: 'constrain' });
    }
  }
  return null;
}

type Chrono = typeof import('chrono-node');
let chronoModule: Chrono | undefined;

/**
 * chrono and its locales hold ~20 MB once loaded: they load the first time a patient names a day, not
 * when Careline starts (most clinics' days pass without one). Synchronous, as its callers are.
 */
function loadChrono(): Chrono {
  if (!chronoModule) {
    const loaded: Chrono = createRequire(import.meta.url)('chrono-node');
    chronoModule = loaded;
  }
  return chronoModule;
}
