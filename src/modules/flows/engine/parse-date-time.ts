import { Temporal } from 'temporal-polyfill';
import { foldText } from './fold-text.ts';

const RELATIVE_DAYS: Record<string, number> = {
  'aujourd hui': 0,
  aujourdhui: 0,
  today: 0,
  demain: 1,
  tomorrow: 1,
  'apres demain': 2,
  hier: -1,
  yesterday: -1,
};

// biome-ignore format: one month per line reads as a table
const MONTHS: Record<string, number> = {
  janvier: 1, january: 1, jan: 1,
  fevrier: 2, february: 2, feb: 2, fev: 2,
  mars: 3, march: 3, mar: 3,
  avril: 4, april: 4, apr: 4, avr: 4,
  mai: 5, may: 5,
  juin: 6, june: 6, jun: 6,
  juillet: 7, july: 7, jul: 7, juil: 7,
  aout: 8, august: 8, aug: 8,
  septembre: 9, september: 9, sep: 9, sept: 9,
  octobre: 10, october: 10, oct: 10,
  novembre: 11, november: 11, nov: 11,
  decembre: 12, december: 12, dec: 12,
};

/**
 * A calendar date as patients write it: 28/03/2027 (day first, as in France), 2027-03-28, 28 mars 2027,
 * March 28, 2027, or "aujourd'hui" / "demain" / "today" / "tomorrow" relative to `today` in the clinic's
 * time zone. Two-digit years are refused: "85" could be a birth year or a typo, and guessing is worse.
 * Returns YYYY-MM-DD, or undefined for anything else, including dates that do not exist (31/02).
 */
export function parseDate(text: string, today: Temporal.PlainDate): string | undefined {
  const trimmed = text.trim();
  const folded = foldText(trimmed);
  const offset = RELATIVE_DAYS[folded];
  if (offset !== undefined) return today.add({ days: offset }).toString();
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (numeric !== null) return isoDate(numeric[3], numeric[2], numeric[1]);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso !== null) return isoDate(iso[1], iso[2], iso[3]);
  const dayFirst = /^(\d{1,2})(?: ?er| ?st| ?nd| ?rd| ?th)? ([a-z]+) (\d{4})$/.exec(folded);
  if (dayFirst !== null) return isoDate(dayFirst[3], MONTHS[dayFirst[2] ?? ''], dayFirst[1]);
  const monthFirst = /^([a-z]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(folded);
  if (monthFirst !== null) return isoDate(monthFirst[3], MONTHS[monthFirst[1] ?? ''], monthFirst[2]);
  return undefined;
}

/**
 * A time of day: 14h30, 14h, 14:30, 2pm, 2:30 pm, "midi", "noon". Returns HH:MM on a 24-hour clock.
 * A bare "14" is refused: it could be a duration or a date as much as a time.
 */
export function parseTime(text: string): string | undefined {
  const compact = text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/a\.m\.?/, 'am')
    .replace(/p\.m\.?/, 'pm');
  const named = NAMED_TIMES[compact];
  if (named !== undefined) return named;
  const match = /^(\d{1,2})(?:([h:.])(\d{2})?)?(am|pm)?$/.exec(compact);
  if (match === null) return undefined;
  const [, hourText = '', separator, minuteText, meridiem] = match;
  if (separator === undefined && meridiem === undefined) return undefined;
  if ((separator === ':' || separator === '.') && minuteText === undefined) return undefined;
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (minute > 59) return undefined;
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hour > 23) {
    return undefined;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const NAMED_TIMES: Record<string, string> = {
  midi: '12:00',
  noon: '12:00',
  minuit: '00:00',
  midnight: '00:00',
};

function isoDate(year: string | undefined, month: string | number | undefined, day: string | undefined) {
  if (year === undefined || month === undefined || day === undefined) return undefined;
  try {
    const date = Temporal.PlainDate.from(
      { year: Number(year), month: Number(month), day: Number(day) },
      { overflow: 'reject' },
    );
    return date.toString();
  } catch {
    return undefined;
  }
}
