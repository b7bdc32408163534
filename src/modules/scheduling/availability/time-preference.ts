import { Temporal } from 'temporal-polyfill';
import { type DaySpan, type PhraseLanguage, readDays } from './day-phrases.ts';
import { type PartOfDay, readTimeOfDay, type TimeBand } from './time-of-day-phrases.ts';
import { rangeBoundaryInstant } from './wall-clock.ts';
import { clockTime } from './weekly-schedule.ts';

export type { PartOfDay } from './time-of-day-phrases.ts';

/** A local time band, `HH:MM` to `HH:MM` (the end may be `24:00`), that applies on every day of a window. */
export interface LocalTimeBand {
  start: string;
  end: string;
}

/**
 * When a patient would like their appointment. `asap`: the soonest slot. `window`: slots starting in
 * [from, to) (ISO instants) and, when `timeOfDay` is set, at that local time of day on each of its days
 * ("next week, mornings"). `partOfDay` names the band when the patient used a word for it.
 */
export type TimePreference =
  | { kind: 'asap' }
  | { kind: 'window'; from: string; to: string; partOfDay?: PartOfDay; timeOfDay?: LocalTimeBand };

export interface TimePreferenceContext {
  /** ISO 8601 instant the patient wrote. */
  now: string;
  /** The clinic's zone: "demain matin" is tomorrow morning there. */
  timeZone: string;
  /** Narrows the date reading; both languages' words are understood either way. */
  language?: PhraseLanguage;
  /** How far ahead bookings go (the appointment type's horizon): "lundi 12" looks for one within it. */
  horizonDays?: number;
}

// Asking for the soonest time, or saying any time will do: either way the earliest slots are the answer.
const SOONEST_WORDS = [
  'des que possible',
  'le plus (?:tot|vite) possible',
  'au plus (?:tot|vite)',
  'rapidement',
  'urgent(?:e|ce)?',
  'en urgence',
  'maintenant',
  'tout de suite',
  'premier (?:creneau|rendez-vous|rdv) (?:disponible|libre)',
  "n'importe quand",
  'quand vous voulez',
  'peu importe',
  'pas de preference',
  'asap',
  'as soon as possible',
  'soonest',
  'earliest',
  'first available',
  'right away',
  'now',
  'any ?time',
  'whenever',
  'no preference',
];
const SOONEST = new RegExp(`\\b(?:${SOONEST_WORDS.join('|')})\\b`);

/**
 * Reads a patient's time preference, in French or English, relative to `now` in the clinic's zone:
 * a day or span of days (demain, lundi, mardi prochain, la semaine prochaine, le 12 décembre, 12/12, le
 * 12, lundi 12, the 10th…),
 * a time of day (matin, après-midi, en fin de journée, soir, vers 10h, après 17h…), or both. A time of
 * day alone is today's when some of it is still ahead, else tomorrow's. A phrase asking for the soonest
 * time, or saying any time will do, is `asap` unless it also names a day or time ("demain au plus tôt"
 * is tomorrow). Null when nothing in it is about time: ask again.
 */
export function parseTimePreference(text: string, context: TimePreferenceContext): TimePreference | null {
  const phrase = normalize(text);
  if (phrase === '') return null;
  const now = Temporal.Instant.from(context.now).toZonedDateTimeISO(context.timeZone);
  const timeOfDay = readTimeOfDay(phrase);
  const soonestWords = SOONEST.exec(timeOfDay?.rest ?? phrase);
  const dateText =
    soonestWords === null ? (timeOfDay?.rest ?? phrase) : blank(timeOfDay?.rest ?? phrase, soonestWords);
  const days = readDays(phrase, dateText, now, context.language, context.horizonDays);
  if (days === null && timeOfDay === null) return soonestWords === null ? null : { kind: 'asap' };
  const band = timeOfDay?.band;
  const span = days ?? nextDayWith(band ?? { start: 0, end: 24 * 60 }, now);
  return windowOf(span, band, now);
}

function windowOf(span: DaySpan, band: TimeBand | undefined, now: Temporal.ZonedDateTime): TimePreference {
  const zone = now.timeZoneId;
  const start = rangeBoundaryInstant(span.first, band?.start ?? 0, zone);
  const end = rangeBoundaryInstant(span.last, band?.end ?? 24 * 60, zone);
  const current = now.toInstant();
  // Already under way: from now on, since nothing before can be booked.
  const from =
    Temporal.Instant.compare(start, current) < 0 && Temporal.Instant.compare(current, end) < 0
      ? current
      : start;
  return {
    kind: 'window',
    from: from.toString(),
    to: end.toString(),
    ...(band?.partOfDay === undefined ? {} : { partOfDay: band.partOfDay }),
    ...(band === undefined ? {} : { timeOfDay: { start: clockTime(band.start), end: clockTime(band.end) } }),
  };
}

function nextDayWith(band: TimeBand, now: Temporal.ZonedDateTime): DaySpan {
  const today = now.toPlainDate();
  const endsToday = rangeBoundaryInstant(today, band.end, now.timeZoneId);
  const day = Temporal.Instant.compare(endsToday, now.toInstant()) > 0 ? today : today.add({ days: 1 });
  return { first: day, last: day };
}

/** Lower case, accents and typographic apostrophes folded, spaces collapsed: "Après-midi" is "apres-midi". */
function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function blank(text: string, match: RegExpExecArray): string {
  return text.slice(0, match.index) + ' '.repeat(match[0].length) + text.slice(match.index + match[0].length);
}
