import { Temporal } from 'temporal-polyfill';

export type ReminderLanguage = 'fr' | 'en';

const WEEKDAYS: Record<ReminderLanguage, readonly string[]> = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const MONTHS: Record<ReminderLanguage, readonly string[]> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/**
 * The appointment's day and time as the patient says them, on the clinic's clock: "mardi 2 décembre",
 * "9 h 30"; "Tuesday 2 December", "9:30 am". Written out rather than left to Intl, whose spacing
 * (narrow no-break spaces before "am") changes with the ICU version Node ships.
 */
export function appointmentWhen(
  start: Date,
  timeZone: string,
  language: ReminderLanguage,
): { date: string; time: string } {
  const local = Temporal.Instant.fromEpochMilliseconds(start.getTime()).toZonedDateTimeISO(timeZone);
  const weekday = WEEKDAYS[language][local.dayOfWeek - 1] ?? '';
  const month = MONTHS[language][local.month - 1] ?? '';
  const date = `${weekday} ${local.day} ${month}`;
  const minutes = String(local.minute).padStart(2, '0');
  if (language === 'fr')
    return { date, time: local.minute === 0 ? `${local.hour} h` : `${local.hour} h ${minutes}` };
  const hour12 = local.hour % 12 === 0 ? 12 : local.hour % 12;
  return { date, time: `${hour12}:${minutes} ${local.hour < 12 ? 'am' : 'pm'}` };
}
