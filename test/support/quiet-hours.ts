/**
 * Quiet hours that hold at no time near now for a test patient (Paris, Tokyo, New York: anywhere
 * within eleven hours of UTC), so a broadcast that is not about quiet hours goes whatever the hour
 * CI runs at. Twelve to thirteen hours ahead of UTC on each patient's own clock.
 */
export function quietHoursAwayFromNow(now: Date = new Date()): { start: string; end: string } {
  const at = (hoursAhead: number) => {
    const t = new Date(now.getTime() + hoursAhead * 3_600_000);
    return `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
  };
  return { start: at(12), end: at(13) };
}
