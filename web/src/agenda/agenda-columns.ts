import type { Appointment, Practitioner, Schedule } from '../api/scheduling-types.ts';
import type { AgendaRange, AgendaView } from './agenda-dates.ts';
import { type PlacedBlock, placeOnDay } from './day-layout.ts';
import { ALL_PRACTITIONERS } from './use-agenda-params.ts';
import { hoursAround, type MinuteSpan, workingSpans } from './working-hours.ts';

/** One column of the agenda: a day (week view, or one practitioner's day) or a practitioner (a day, all). */
export interface AgendaColumn {
  key: string;
  date: string;
  /** Set when the column is one practitioner's, side by side with the others'. */
  practitioner: Practitioner | null;
  blocks: PlacedBlock<Appointment>[];
  /** When the practitioners shown work: the rest is shaded. */
  working: MinuteSpan[];
}

export interface ColumnsInput {
  view: AgendaView;
  range: AgendaRange;
  /** A practitioner's id, or `ALL_PRACTITIONERS`. */
  practitioner: string;
  practitioners: readonly Practitioner[];
  appointments: readonly Appointment[];
  schedules: readonly Schedule[];
  timeZone: string;
}

/** What the grid shows: everyone side by side for a day, else one column per day. */
export function agendaColumns(input: ColumnsInput): AgendaColumn[] {
  const { range, appointments, schedules, timeZone } = input;
  const everyone = input.practitioner === ALL_PRACTITIONERS;
  const firstDay = range.days[0] ?? '';

  if (input.view === 'day' && everyone) {
    // Those who left still show when they have appointments that day.
    const shown = input.practitioners.filter(
      (p) => p.active || appointments.some((a) => a.practitioner.id === p.id),
    );
    return shown.map((practitioner) => ({
      key: practitioner.id,
      date: firstDay,
      practitioner,
      blocks: placeOnDay(
        appointments.filter((a) => a.practitioner.id === practitioner.id),
        firstDay,
        timeZone,
      ),
      working: workingSpans(schedules, firstDay, new Set([practitioner.id])),
    }));
  }

  const chosen = everyone ? null : new Set([input.practitioner]);
  const theirs = chosen ? appointments.filter((a) => chosen.has(a.practitioner.id)) : appointments;
  return range.days.map((date) => ({
    key: date,
    date,
    practitioner: null,
    blocks: placeOnDay(theirs, date, timeZone),
    working: workingSpans(schedules, date, chosen),
  }));
}

/** The hours the grid shows: around the hours worked and the appointments; 08:00–19:00 when empty. */
export function gridHours(columns: readonly AgendaColumn[]): MinuteSpan {
  const spans = columns.flatMap((column) => [
    ...column.working,
    ...column.blocks.map((block) => ({ start: block.top, end: block.top + block.length })),
  ]);
  return hoursAround(spans) ?? { start: 8 * 60, end: 19 * 60 };
}
