/**
 * A number as patients type it: "37,5", "37.5", "1 200", "-2", with a unit after it ("42 ans", "72kg",
 * "38,5°C") since people answer "how old are you?" with "42 ans". Anything else is not a number.
 */
export function parseNumber(text: string): number | undefined {
  const match =
    /^([+-]?)\s*(\d{1,3}(?:[\s\u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?\s*([\p{L}°%]{1,12}\.?)?$/u.exec(
      text.trim(),
    );
  if (match === null) return undefined;
  const [, sign = '', whole = '', decimals] = match;
  const value = Number(`${sign}${whole.replace(/\D/g, '')}${decimals === undefined ? '' : `.${decimals}`}`);
  return Number.isFinite(value) ? value : undefined;
}
