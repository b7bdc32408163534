import { Temporal } from 'temporal-polyfill';

/** A day on the clinic's clock (its start, or the start of the next day for an end) or an instant. */
export function parseWhen(value: string, timeZone: string, edge: 'start' | 'end'): Date | null {
  // Temporal reads six-digit years (±YYYYYY) up to the edges of what a Date holds, where a period's
  // arithmetic gives an invalid Date: a report's dates have four.
  if (!/^\d{4}-/.test(value)) return null;
  try {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const day = Temporal.PlainDate.from(value);
      const start = (edge === 'end' ? day.add({ days: 1 }) : day).toZonedDateTime({ timeZone });
      return new Date(start.epochMilliseconds);
    }
    return new Date(Temporal.Instant.from(value).epochMilliseconds);
  } catch {
    return null;
  }
}
