import { Temporal } from 'temporal-polyfill';

/**
 * How Careline writes dates, times, counts and punctuation to a patient, in one place so the booking
 * flow, the reminders and the confirmations say "mardi 8 décembre à 8 h 30" the same way. Written out
 * rather than left to Intl, whose spacing (narrow no-break spaces before "am") and French hours
 * ("08:30") change with the ICU version Node ships.
 */
export type WordingLanguage = 'fr' | 'en';

const WEEKDAYS: Record<WordingLanguage, readonly string[]> = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const SHORT_WEEKDAYS: Record<WordingLanguage, readonly string[]> = {
  fr: ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
// biome-ignore format: one language a line
const MONTHS: Record<WordingLanguage, readonly string[]> = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
// biome-ignore format: one language a line
const SHORT_MONTHS: Record<WordingLanguage, readonly string[]> = {
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** The appointment's day and time on the clinic's clock: "mardi 2 décembre", "9 h 30"; "Tuesday 2 December", "9:30 am". */
export function appointmentWhen(
  start: Date,
  timeZone: string,
  language: WordingLanguage,
): { date: string; time: string } {
  const local = localOf(start, timeZone);
  const weekday = WEEKDAYS[language][local.dayOfWeek - 1] ?? '';
  const month = MONTHS[language][local.month - 1] ?? '';
  return { date: `${weekday} ${local.day} ${month}`, time: clockTime(local.hour, local.minute, language) };
}

/** "mardi 2 décembre à 9 h 30" / "Tuesday 2 December at 9:30 am". */
export function dayAndTime(start: Date, timeZone: string, language: WordingLanguage): string {
  const { date, time } = appointmentWhen(start, timeZone, language);
  return language === 'fr' ? `${date} à ${time}` : `${date} at ${time}`;
}

/** A list row's title, within WhatsApp's 24 characters: "mar. 2 déc., 9 h 30" / "Tue 2 Dec, 9:30 am". */
export function shortDayAndTime(start: Date, timeZone: string, language: WordingLanguage): string {
  const local = localOf(start, timeZone);
  const weekday = SHORT_WEEKDAYS[language][local.dayOfWeek - 1] ?? '';
  const month = SHORT_MONTHS[language][local.month - 1] ?? '';
  return `${weekday} ${local.day} ${month}, ${clockTime(local.hour, local.minute, language)}`.slice(0, 24);
}

/** French "8 h 30", "14 h" (no leading zero, no minutes on the hour); English "8:30 am", "2 pm". */
export function clockTime(hour: number, minute: number, language: WordingLanguage): string {
  const minutes = String(minute).padStart(2, '0');
  if (language === 'fr') return minute === 0 ? `${hour} h` : `${hour} h ${minutes}`;
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${hour12}:${minutes} ${hour < 12 ? 'am' : 'pm'}`;
}

/**
 * A count with its noun agreed: "1 jour", "2 jours", "0 jour" (French keeps 0 and 1 singular), "1 day",
 * "0 days". `plural` defaults to the singular with an "s".
 */
export function countOf(
  count: number,
  singular: string,
  language: WordingLanguage,
  plural = `${singular}s`,
): string {
  const one = language === 'fr' ? Math.abs(count) < 2 : count === 1;
  const number = language === 'fr' ? String(count).replace('.', ',') : String(count);
  return `${number} ${one ? singular : plural}`;
}

function localOf(start: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(start.getTime()).toZonedDateTimeISO(timeZone);
}
