import { getCountry } from 'countries-and-timezones';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { Temporal } from 'temporal-polyfill';
import { clockOf, isBetween } from '../flows/engine/clinic-time.ts';

/** The custom fields a clinic may keep a patient's time zone in (IANA name: Europe/Paris). */
const TIME_ZONE_FIELDS = ['time_zone', 'timezone', 'fuseau_horaire'] as const;

/**
 * The patient's time zone: a custom field naming one (`time_zone`, `timezone`, `fuseau_horaire`), else
 * the country of their phone number (libphonenumber-js) — its one zone, or the clinic's when the
 * country has several and the clinic's is one of them, else the country's first —, else the clinic's.
 */
export function patientTimeZone(
  patient: { phone: string | null; customFields: Readonly<Record<string, string>> },
  clinicTimeZone: string,
): string {
  for (const field of TIME_ZONE_FIELDS) {
    const value = patient.customFields[field]?.trim();
    if (value && isTimeZone(value)) return value;
  }
  const country = patient.phone ? parsePhoneNumberFromString(patient.phone)?.country : undefined;
  const zones: readonly string[] = country ? (getCountry(country)?.timezones ?? []) : [];
  if (zones.length === 0) return clinicTimeZone;
  if (zones.includes(clinicTimeZone)) return clinicTimeZone;
  const [first] = zones;
  return first && isTimeZone(first) ? first : clinicTimeZone;
}

function isTimeZone(name: string): boolean {
  try {
    Temporal.Now.zonedDateTimeISO(name);
    return true;
  } catch {
    return false;
  }
}

/** Quiet hours as wall-clock times (HH:MM); start after end runs overnight. */
export interface QuietHours {
  start: string;
  end: string;
}

/**
 * When a message may go to a patient in this time zone: `now` outside the quiet hours, else the end of
 * them (08:00 the next morning for 20:00–08:00 at 23:00) — deferred, never dropped.
 */
export function outsideQuietHours(now: Date, timeZone: string, quiet: QuietHours): Date {
  const local = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  if (!isBetween(clockOf(local), quiet.start, quiet.end)) return now;
  const end = Temporal.PlainTime.from(quiet.end);
  let day = local.toPlainDate();
  // Overnight quiet hours seen in the evening end the next morning.
  if (Temporal.PlainTime.compare(local.toPlainTime(), end) >= 0) day = day.add({ days: 1 });
  const at = day.toZonedDateTime({ timeZone, plainTime: end });
  return new Date(at.epochMilliseconds);
}
