import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schedulingKeys } from '../api/scheduling-api.ts';
import type { Appointment, Slot } from '../api/scheduling-types.ts';
import type { AgendaFormat } from './agenda-format.ts';
import { appointmentErrorOf, isSlotTaken } from './appointment-rules.ts';

export interface SlotProblem {
  /** `taken`: someone was quicker, the list is fresh again; `refused`: anything else. */
  kind: 'taken' | 'refused';
  message: string;
}

/**
 * The chosen free time and its booking (or move). When someone takes the time first, the choice is
 * dropped, the free times are read again and the person is told so: they pick another one.
 */
export function useSlotBooking(options: {
  format: AgendaFormat;
  submit(slot: Slot): Promise<Appointment>;
  onBooked(appointment: Appointment, slot: Slot): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Slot | null>(null);
  const [problem, setProblem] = useState<SlotProblem | null>(null);
  const mutation = useMutation({
    mutationFn: (slot: Slot) => options.submit(slot),
    onSuccess: (appointment, slot) => {
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.appointments });
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.slots });
      options.onBooked(appointment, slot);
    },
    onError: (error, slot) => {
      if (isSlotTaken(error)) {
        setSelected(null);
        setProblem({
          kind: 'taken',
          message: t('booking.slotTaken', { time: options.format.short(slot.start) }),
        });
        void queryClient.invalidateQueries({ queryKey: schedulingKeys.slots });
      } else setProblem({ kind: 'refused', message: appointmentErrorOf(error, t) });
    },
  });

  return {
    selected,
    problem,
    booking: mutation.isPending,
    select(slot: Slot | null) {
      setSelected(slot);
      setProblem(null);
    },
    /** The chosen time vanished from a fresh list (booked meanwhile, seen live): as if the booking had failed. */
    gone(slot: Slot) {
      setSelected(null);
      setProblem({
        kind: 'taken',
        message: t('booking.slotTaken', { time: options.format.short(slot.start) }),
      });
    },
    book() {
      if (selected) mutation.mutate(selected);
    },
  };
}
