import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import { ApiError } from '../api/http-client.ts';
import type { Appointment } from '../api/scheduling-types.ts';
import { actionsOf, appointmentErrorOf, isSlotTaken, splitAppointments } from './appointment-rules.ts';

const TYPE = { id: 't', key: 'consultation', name: { fr: 'Consultation', en: 'Consultation' } };
const NOW = Date.parse('2026-05-05T10:00:00Z');

function appointment(id: string, status: Appointment['status'], start: string, end: string) {
  return { id, status, start, end };
}

describe('what can be done with an appointment', () => {
  test('a booked one: every attendance, moved, cancelled', () => {
    expect(actionsOf({ status: 'booked', type: TYPE })).toEqual({
      attendance: { arrived: true, fulfilled: true, noshow: true },
      move: true,
      cancel: true,
    });
  });

  test('once the patient arrived: only seen is left', () => {
    expect(actionsOf({ status: 'arrived', type: TYPE })).toEqual({
      attendance: { arrived: false, fulfilled: true, noshow: false },
      move: false,
      cancel: false,
    });
  });

  test('a cancelled or missed one cannot come back', () => {
    for (const status of ['cancelled', 'noshow', 'fulfilled'] as const) {
      const actions = actionsOf({ status, type: TYPE });
      expect(Object.values(actions.attendance).some(Boolean) || actions.move || actions.cancel).toBe(false);
    }
  });

  test('one without a type can be cancelled but not moved', () => {
    expect(actionsOf({ status: 'booked', type: null })).toMatchObject({ move: false, cancel: true });
  });
});

describe('a patient’s appointments in the panel', () => {
  test('upcoming soonest first, including one going on now; the rest most recent first', () => {
    const list = [
      appointment('next-week', 'booked', '2026-05-12T08:00:00Z', '2026-05-12T08:20:00Z'),
      appointment('tomorrow', 'booked', '2026-05-06T08:00:00Z', '2026-05-06T08:20:00Z'),
      appointment('now', 'arrived', '2026-05-05T09:50:00Z', '2026-05-05T10:10:00Z'),
      appointment('cancelled-later', 'cancelled', '2026-05-20T08:00:00Z', '2026-05-20T08:20:00Z'),
      appointment('last-month', 'fulfilled', '2026-04-01T08:00:00Z', '2026-04-01T08:20:00Z'),
      appointment('missed', 'booked', '2026-05-04T08:00:00Z', '2026-05-04T08:20:00Z'),
    ];
    const { upcoming, past } = splitAppointments(list, NOW);
    expect(upcoming.map((a) => a.id)).toEqual(['now', 'tomorrow', 'next-week']);
    expect(past.map((a) => a.id)).toEqual(['cancelled-later', 'missed', 'last-month']);
  });
});

describe('refusals', () => {
  const t = ((key: string) => key) as unknown as TFunction;
  const slotTaken = new ApiError(409, 'body.start: the slot … is no longer free', [], { code: 'slot_taken' });
  const conflict = new ApiError(409, 'The appointment is fulfilled: it cannot be cancelled');

  test('a time someone else just took is told apart from other conflicts', () => {
    expect(isSlotTaken(slotTaken)).toBe(true);
    expect(isSlotTaken(conflict)).toBe(false);
    expect(isSlotTaken(new Error('409'))).toBe(false);
  });

  test('each refusal gets its own words', () => {
    expect(appointmentErrorOf(conflict, t)).toBe('appointment.conflict');
    expect(appointmentErrorOf(new ApiError(422, 'body.start: too soon'), t)).toBe('booking.unavailable');
    expect(appointmentErrorOf(new ApiError(0, 'network'), t)).toBe('errors.network');
  });
});
