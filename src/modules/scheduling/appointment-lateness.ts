import type { Appointment } from './scheduling.schema.ts';

/**
 * Whether the agenda flags the appointment: still only booked (nobody marked the patient arrived) more
 * than `lateAfterMinutes` after it started. Arrived, finished, missed or cancelled ones are never late.
 */
export function isLate(
  appointment: Pick<Appointment, 'status' | 'start'>,
  now: Date,
  lateAfterMinutes: number,
): boolean {
  return (
    appointment.status === 'booked' && now.getTime() - appointment.start.getTime() > lateAfterMinutes * 60_000
  );
}
