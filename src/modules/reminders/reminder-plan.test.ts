import { describe, expect, test } from 'vitest';
import type { Reminder } from './reminder.schema.ts';
import { reminderChange } from './reminder-plan.ts';
import type { ReminderTiming } from './reminder-timing.ts';

const NOW = new Date('2025-12-01T12:00:00Z');
const at = (iso: string) => new Date(iso);
const due = (dueAt: string, target = dueAt): ReminderTiming => ({
  offsetMinutes: 120,
  outcome: 'due',
  dueAt: at(dueAt),
  target: at(target),
});
const row = (status: Reminder['status'], dueAt: string) => ({ status, dueAt: at(dueAt) });

describe('re-planning a reminder', () => {
  test('a new offset is inserted: waiting, skipped as too late, or merged', () => {
    expect(reminderChange(undefined, due('2025-12-02T07:00:00Z'), NOW)).toEqual({
      kind: 'insert',
      status: 'scheduled',
      dueAt: at('2025-12-02T07:00:00Z'),
      reason: null,
    });
    expect(
      reminderChange(
        undefined,
        { offsetMinutes: 2880, outcome: 'too_late', at: at('2025-11-30T09:00:00Z') },
        NOW,
      ),
    ).toMatchObject({ kind: 'insert', status: 'skipped', reason: 'too_late' });
  });

  test('planning again with the same appointment changes nothing, whatever became of the reminder', () => {
    for (const status of ['scheduled', 'sent', 'skipped', 'failed'] as const) {
      expect(reminderChange(row(status, '2025-12-02T07:00:00Z'), due('2025-12-02T07:00:00Z'), NOW)).toEqual({
        kind: 'keep',
      });
    }
  });

  test('a reminder planned "at once" keeps its first time when planned again a little later', () => {
    const later = new Date('2025-12-01T12:05:00Z');
    const existing = row('sent', '2025-12-01T12:00:00Z');
    expect(reminderChange(existing, due('2025-12-01T12:05:00Z', '2025-11-30T18:59:00Z'), later)).toEqual({
      kind: 'keep',
    });
  });

  test('a moved appointment re-plans the reminder, even one already sent for the old time', () => {
    expect(reminderChange(row('sent', '2025-12-02T07:00:00Z'), due('2025-12-05T07:00:00Z'), NOW)).toEqual({
      kind: 'update',
      status: 'scheduled',
      dueAt: at('2025-12-05T07:00:00Z'),
      reason: null,
    });
    // Moved earlier, still ahead: the waiting reminder follows.
    expect(
      reminderChange(row('scheduled', '2025-12-05T07:00:00Z'), due('2025-12-02T07:00:00Z'), NOW),
    ).toMatchObject({
      kind: 'update',
      dueAt: at('2025-12-02T07:00:00Z'),
    });
  });

  test('a cancelled reminder of an appointment booked again is revived', () => {
    expect(
      reminderChange(row('cancelled', '2025-12-02T07:00:00Z'), due('2025-12-02T07:00:00Z'), NOW),
    ).toMatchObject({
      kind: 'update',
      status: 'scheduled',
    });
  });

  test('moved so close that the offset has passed: the waiting reminder is skipped, not sent late', () => {
    const tooLate: ReminderTiming = {
      offsetMinutes: 2880,
      outcome: 'too_late',
      at: at('2025-11-30T09:00:00Z'),
    };
    expect(reminderChange(row('scheduled', '2025-12-03T09:00:00Z'), tooLate, NOW)).toEqual({
      kind: 'update',
      status: 'skipped',
      dueAt: at('2025-11-30T09:00:00Z'),
      reason: 'too_late',
    });
    // Already due: on its way, left to the dispatcher; one that went out stays as it was.
    expect(reminderChange(row('scheduled', '2025-12-01T11:59:00Z'), tooLate, NOW)).toEqual({ kind: 'keep' });
    expect(reminderChange(row('sent', '2025-11-29T09:00:00Z'), tooLate, NOW)).toEqual({ kind: 'keep' });
  });

  test('a waiting reminder merged into a longer one is skipped', () => {
    const merged: ReminderTiming = {
      offsetMinutes: 60,
      outcome: 'merged',
      at: at('2025-12-01T18:59:00Z'),
      intoOffsetMinutes: 120,
    };
    expect(reminderChange(row('scheduled', '2025-12-02T06:30:00Z'), merged, NOW)).toMatchObject({
      kind: 'update',
      status: 'skipped',
      reason: 'merged',
    });
  });
});
