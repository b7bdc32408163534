/**
 * Times of day as readers of the language write them: « 8 h 30 » and « 14 h » in French (no-break
 * spaces, no leading zero, no « 00 »), Intl's own form elsewhere (08:30 in en-GB, 8:30 AM in en-US).
 */
export function createClockFormat(locale: string, timeZone: string | undefined): (date: Date) => string {
  const zone = timeZone ? { timeZone } : {};
  if (!isFrench(locale)) {
    const format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...zone });
    return (date) => format.format(date);
  }
  const parts = new Intl.DateTimeFormat('fr', {
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h23',
    ...zone,
  });
  return (date) => {
    const of = (type: Intl.DateTimeFormatPartTypes) =>
      parts.formatToParts(date).find((part) => part.type === type)?.value ?? '0';
    const hour = Number(of('hour'));
    const minute = of('minute');
    return minute === '00' ? `${hour}\u00a0h` : `${hour}\u00a0h\u00a0${minute}`;
  };
}

/** Between two clock times: « 9 h – 9 h 20 » in French (the times have spaces), 09:00–09:20 otherwise. */
export function clockRange(locale: string, from: string, to: string): string {
  return isFrench(locale) ? `${from}\u00a0– ${to}` : `${from}–${to}`;
}

export function isFrench(locale: string): boolean {
  return locale.toLowerCase().split('-')[0] === 'fr';
}
