/**
 * French overseas departments share France's national numbering (0692...) but have their own country
 * codes, so a patient in La Réunion typing "0692 12 34 56" is +262692123456, not +33692123456.
 */
// biome-ignore format: grouped by country code
const FRENCH_OVERSEAS_PREFIXES: Record<string, string> = {
  '262': '262', '263': '262', '692': '262', '693': '262', '269': '262', '639': '262',
  '590': '590', '690': '590', '691': '590',
  '594': '594', '694': '594',
  '596': '596', '696': '596', '697': '596',
};

/**
 * A phone number in E.164 ("+33612345678") from the ways patients write them: "06 12 34 56 78",
 * "+33 (0)6 12 34 56 78", "0033 6 12...", "+1 (415) 555-2671". A national number (leading 0) belongs to
 * `defaultCountryCode` (France when absent). Only the shape is checked, not whether the number exists.
 */
export function normalisePhone(text: string, defaultCountryCode = '33'): string | undefined {
  const written = text.trim().replace(/\(0\)/g, '');
  if (!/^\+?[\d\s.\-()/]+$/.test(written)) return undefined;
  const digits = written.replace(/\D/g, '');
  let international: string;
  if (written.startsWith('+')) international = digits;
  else if (digits.startsWith('00')) international = digits.slice(2);
  else if (digits.startsWith('0')) international = fromNational(digits.slice(1), defaultCountryCode);
  else return undefined;
  // "+33 06..." keeps the trunk 0 that the international form drops.
  const french = /^330([1-9]\d{8})$/.exec(international);
  if (french?.[1] !== undefined) international = fromNational(french[1], '33');
  if (international.startsWith('33') && !/^33[1-9]\d{8}$/.test(international)) return undefined;
  return /^[1-9]\d{7,14}$/.test(international) ? `+${international}` : undefined;
}

function fromNational(number: string, countryCode: string): string {
  if (countryCode === '33' && number.length === 9) {
    const overseas = FRENCH_OVERSEAS_PREFIXES[number.slice(0, 3)];
    if (overseas !== undefined) return `${overseas}${number}`;
  }
  return `${countryCode}${number}`;
}
