import { Temporal } from 'temporal-polyfill';

/**
 * What a datetime-local input shows and means: the wall clock of the clinic (or pharmacy), not of the
 * browser. `inputValueIn` is an instant as that input's value; `instantOf` reads one back.
 */
export function inputValueIn(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .round({ smallestUnit: 'minute', roundingIncrement: 15, roundingMode: 'ceil' })
    .toString({ smallestUnit: 'minute' });
}

/** The instant a wall-clock value ("2027-03-29T18:30") names in `timeZone`; null when it is no date. */
export function instantOf(value: string, timeZone: string): string | null {
  try {
    return Temporal.PlainDateTime.from(value).toZonedDateTime(timeZone).toInstant().toString();
  } catch {
    return null;
  }
}
