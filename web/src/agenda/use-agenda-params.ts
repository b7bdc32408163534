import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { AGENDA_VIEWS, type AgendaView, parseDate, todayIn } from './agenda-dates.ts';

/** Select values are strings: this one stands for every practitioner. */
export const ALL_PRACTITIONERS = 'all';

export interface AgendaParams {
  view: AgendaView;
  /** A local date in the shown day or week, YYYY-MM-DD. */
  date: string;
  /** A practitioner's id, or `ALL_PRACTITIONERS`. */
  practitioner: string;
  /** The appointment whose side panel is open. */
  appointmentId: string | undefined;
  showCancelled: boolean;
  /** Moving in time or changing the view adds a step to the history; opening a panel replaces it. */
  change(next: Partial<Omit<AgendaParams, 'change'>>): void;
}

/**
 * The agenda's state lives in the URL (/agenda?view=week&date=2026-05-04&practitioner=…&appointment=…),
 * so that the back button, a reload and a link from the patient panel all land on the same screen.
 */
export function useAgendaParams(timeZone: string): AgendaParams {
  const [search, setSearch] = useSearchParams();
  const view = AGENDA_VIEWS.find((v) => v === search.get('view')) ?? 'week';
  const date = parseDate(search.get('date')) ?? todayIn(timeZone);
  const practitioner = search.get('practitioner') || ALL_PRACTITIONERS;
  const appointmentId = search.get('appointment') ?? undefined;
  const showCancelled = search.get('cancelled') === '1';

  const change = useCallback(
    (next: Partial<Omit<AgendaParams, 'change'>>) => {
      setSearch(
        (current) => {
          const params = new URLSearchParams(current);
          if (next.view !== undefined) params.set('view', next.view);
          if (next.date !== undefined) params.set('date', next.date);
          if (next.practitioner !== undefined) params.set('practitioner', next.practitioner);
          if ('appointmentId' in next) {
            if (next.appointmentId) params.set('appointment', next.appointmentId);
            else params.delete('appointment');
          }
          if (next.showCancelled !== undefined) {
            if (next.showCancelled) params.set('cancelled', '1');
            else params.delete('cancelled');
          }
          return params;
        },
        { replace: Object.keys(next).every((key) => key === 'appointmentId') },
      );
    },
    [setSearch],
  );

  return { view, date, practitioner, appointmentId, showCancelled, change };
}
