import type { Reminder } from './reminder.schema.ts';
import type { ReminderTiming } from './reminder-timing.ts';

/** What planning does to one offset's row. */
export type ReminderChange =
  | { kind: 'keep' }
  | { kind: 'insert' | 'update'; status: 'scheduled' | 'skipped'; dueAt: Date; reason: string | null };

/**
 * Reconciles an offset's row with its newly computed timing, so that planning twice changes nothing
 * and planning after a move re-plans. A row is already right when it is not cancelled and its time
 * lies between the computed target and "at once" (a reminder planned at once keeps its first time);
 * whatever happened to it then (sent, skipped for want of consent) stands. Otherwise it starts over.
 * An offset now too late or merged stops a reminder still waiting, and leaves any other alone.
 */
export function reminderChange(
  existing: Pick<Reminder, 'status' | 'dueAt'> | undefined,
  timing: ReminderTiming,
  now: Date,
): ReminderChange {
  const kind = existing ? 'update' : 'insert';
  switch (timing.outcome) {
    case 'due': {
      if (existing && existing.status !== 'cancelled') {
        const due = existing.dueAt.getTime();
        const target = timing.target.getTime();
        if (due >= target && due <= Math.max(target, now.getTime())) return { kind: 'keep' };
      }
      return { kind, status: 'scheduled', dueAt: timing.dueAt, reason: null };
    }
    case 'too_late':
    case 'merged': {
      const reason = timing.outcome;
      if (!existing) return { kind, status: 'skipped', dueAt: timing.at, reason };
      const waiting = existing.status === 'scheduled';
      // A too-late reminder already due is on its way: the dispatcher sends it (or skips it) now.
      if (!waiting || (reason === 'too_late' && existing.dueAt <= now)) return { kind: 'keep' };
      return { kind, status: 'skipped', dueAt: timing.at, reason };
    }
  }
}
