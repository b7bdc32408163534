const HOUR_MS = 3_600_000;

/** When the customer-service window closes: `hours` after the patient's last message. */
export function windowClosesAt(lastInboundAt: Date | null, hours: number): Date | null {
  return lastInboundAt ? new Date(lastInboundAt.getTime() + hours * HOUR_MS) : null;
}

/** Whether free-form messages may go now; a patient who never wrote has no open window. */
export function isWindowOpen(lastInboundAt: Date | null, hours: number | null, now: Date): boolean {
  if (hours === null) return true;
  const closes = windowClosesAt(lastInboundAt, hours);
  return closes !== null && now < closes;
}
