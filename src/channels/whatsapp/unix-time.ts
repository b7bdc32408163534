/**
 * Values above this are taken as milliseconds: as seconds they would be after the year 5000, as
 * milliseconds they are after 1973. WhatsApp documents seconds, but some payloads carry milliseconds
 * (courier guards against it too), and reading those as seconds would date a message 50,000 years ahead.
 */
const MILLISECONDS_THRESHOLD = 1e11;

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * A WhatsApp Unix timestamp (seconds, as a string or a number) as an ISO-8601 UTC string, or null when
 * the value is not a non-negative decimal number or is out of the `Date` range.
 */
export function unixToIso(value: string | number): string | null {
  const amount = typeof value === 'number' ? value : DECIMAL.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isFinite(amount) || amount < 0) return null;
  const millis = amount > MILLISECONDS_THRESHOLD ? amount : amount * 1000;
  const date = new Date(Math.trunc(millis));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
