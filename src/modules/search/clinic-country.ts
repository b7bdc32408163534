import type { CountryCode } from 'libphonenumber-js';

// biome-ignore format: one time zone per line would hide the list
const COUNTRY_OF_TIME_ZONE: Readonly<Record<string, CountryCode>> = {
  'Europe/Paris': 'FR', 'Europe/Monaco': 'MC', 'Europe/Brussels': 'BE', 'Europe/Luxembourg': 'LU',
  'Europe/Zurich': 'CH', 'Europe/London': 'GB', 'Europe/Dublin': 'IE', 'Europe/Berlin': 'DE',
  'Europe/Madrid': 'ES', 'Europe/Rome': 'IT', 'Europe/Lisbon': 'PT', 'Europe/Amsterdam': 'NL',
  'America/Montreal': 'CA', 'America/Toronto': 'CA', 'America/New_York': 'US',
  'Indian/Reunion': 'RE', 'Indian/Mayotte': 'YT', 'America/Martinique': 'MQ', 'America/Guadeloupe': 'GP',
  'America/Cayenne': 'GF', 'Pacific/Noumea': 'NC', 'Pacific/Tahiti': 'PF', 'America/Miquelon': 'PM',
  'Africa/Casablanca': 'MA', 'Africa/Algiers': 'DZ', 'Africa/Tunis': 'TN', 'Africa/Dakar': 'SN',
  'Africa/Abidjan': 'CI',
};

/**
 * The country a national phone number typed at the clinic ("06 12 34 56 78") belongs to. Clinics have
 * no country setting: their time zone says it; France when the zone is not in the list.
 */
export function clinicCountryOf(timeZone: string | null | undefined): CountryCode {
  return (timeZone ? COUNTRY_OF_TIME_ZONE[timeZone] : undefined) ?? 'FR';
}
