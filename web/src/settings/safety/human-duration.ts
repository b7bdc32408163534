/** "45 s", "3 min", "1 h 20 min", "2 days": how long a person took, in the interface language. */
export function humanDuration(seconds: number, locale: string): string {
  const unit = (name: 'second' | 'minute' | 'hour' | 'day', value: number) =>
    new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: name === 'day' ? 'long' : 'short',
    }).format(value);
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return unit('second', whole);
  const minutes = Math.round(whole / 60);
  if (minutes < 60) return unit('minute', minutes);
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes % 60;
    return rest === 0 ? unit('hour', hours) : `${unit('hour', hours)} ${unit('minute', rest)}`;
  }
  return unit('day', Math.round(hours / 24));
}
