import { describe, expect, test } from 'vitest';
import type { Appointment, Practitioner, Schedule } from '../api/scheduling-types.ts';
import { agendaColumns, gridHours } from './agenda-columns.ts';
import { agendaRange } from './agenda-dates.ts';

const PARIS = 'Europe/Paris';
const MONDAY = '2026-05-04';

const practitioner = (id: string, active = true): Practitioner => ({
  id,
  name: `Dr ${id}`,
  specialty: 'general_practice',
  languages: ['fr'],
  user_id: null,
  active,
  busy_calendar_url: null,
  busy_calendar: { url_set: false, cached: null, refreshed_at: null, error: null },
  calendar_feed: false,
  created_at: '2026-01-05T09:00:00Z',
});
const martin = practitioner('martin');
const benali = practitioner('benali');
const retired = practitioner('retired', false);

const schedule = (practitionerId: string, start: string, end: string): Schedule => ({
  id: `s-${practitionerId}`,
  practitioner_id: practitionerId,
  location_id: 'parc',
  hours: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start, end })),
  breaks: [],
  exceptions: [],
  valid_from: null,
  valid_to: null,
  created_at: '2026-01-05T09:00:00Z',
});
const schedules = [schedule('martin', '08:30', '12:30'), schedule('benali', '14:00', '17:00')];

function appointment(id: string, who: Practitioner, start: string, end: string): Appointment {
  return {
    id,
    status: 'booked',
    start,
    end,
    late: false,
    confirmed_at: null,
    source: 'staff',
    reason: null,
    contact: { id: `contact-${id}`, name: `Patient ${id}` },
    practitioner: { id: who.id, name: who.name },
    location: { id: 'parc', name: 'Clinique du Parc', address: null, time_zone: PARIS },
    type: null,
    conversation_id: null,
    cancelled_at: null,
    cancelled_by: null,
    rescheduled_from_id: null,
    created_by_user_id: null,
    created_at: '2026-05-01T09:00:00Z',
    updated_at: '2026-05-01T09:00:00Z',
  };
}

const appointments = [
  appointment('a', martin, '2026-05-04T07:00:00Z', '2026-05-04T07:20:00Z'),
  appointment('b', benali, '2026-05-04T12:00:00Z', '2026-05-04T12:20:00Z'),
  appointment('c', martin, '2026-05-06T08:00:00Z', '2026-05-06T08:20:00Z'),
];

const input = (view: 'day' | 'week', who: string) => ({
  view,
  range: agendaRange(view, MONDAY, PARIS),
  practitioner: who,
  practitioners: [martin, benali, retired],
  appointments,
  schedules,
  timeZone: PARIS,
});

describe('the agenda’s columns', () => {
  test('a day for everyone: one column per practitioner still working, each with their own day', () => {
    const columns = agendaColumns(input('day', 'all'));
    expect(columns.map((c) => c.practitioner?.id)).toEqual(['martin', 'benali']);
    expect(columns.map((c) => c.blocks.map((b) => b.item.id))).toEqual([['a'], ['b']]);
    expect(columns[1]?.working).toEqual([{ start: 840, end: 1020 }]);
  });

  test('a week for one practitioner: seven days, only their appointments and hours', () => {
    const columns = agendaColumns(input('week', 'martin'));
    expect(columns.map((c) => c.date)).toHaveLength(7);
    expect(columns.map((c) => c.blocks.map((b) => b.item.id))).toEqual([['a'], [], ['c'], [], [], [], []]);
    expect(columns[0]?.working).toEqual([{ start: 510, end: 750 }]);
    expect(columns[5]?.working).toEqual([]);
  });

  test('a week for everyone: every appointment of the day in its column', () => {
    const columns = agendaColumns(input('week', 'all'));
    expect(columns[0]?.blocks.map((b) => b.item.id)).toEqual(['a', 'b']);
    expect(columns[0]?.working).toEqual([
      { start: 510, end: 750 },
      { start: 840, end: 1020 },
    ]);
  });

  test('the grid runs from the first hour worked to the last, widened for an appointment outside them', () => {
    expect(gridHours(agendaColumns(input('week', 'all')))).toEqual({ start: 480, end: 1020 });
    const early = appointment('early', martin, '2026-05-05T05:15:00Z', '2026-05-05T05:35:00Z');
    const columns = agendaColumns({ ...input('week', 'martin'), appointments: [early] });
    expect(gridHours(columns)).toEqual({ start: 420, end: 780 });
    expect(gridHours([])).toEqual({ start: 480, end: 1140 });
  });
});
