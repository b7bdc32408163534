import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schedulingApi } from '../api/scheduling-api.ts';
import type { Appointment } from '../api/scheduling-types.ts';
import { Icon } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';
import { useWhileClosing } from '../ui/use-while-closing.ts';
import { addDays, todayIn, wallClock } from './agenda-dates.ts';
import { useAgendaFormat } from './agenda-format.ts';
import { BookingFooter } from './booking-footer.tsx';
import { SlotChooser } from './slot-chooser.tsx';
import { practitionersOffering, useSchedulingSetup } from './use-scheduling-setup.ts';
import { useSlotBooking } from './use-slot-booking.ts';

interface Props {
  /** The appointment to move; null closes the dialog. */
  appointment: Appointment | null;
  onClose(): void;
  /** The new appointment: moving books the new time and cancels the old one. */
  onMoved?(appointment: Appointment): void;
}

/** Another free time for an appointment: same type, the same practitioner or another one. */
export function MoveDialog({ appointment, onClose, onMoved }: Props) {
  const { t } = useTranslation();
  const shown = useWhileClosing(appointment);
  return (
    <Modal
      opened={appointment !== null}
      onClose={onClose}
      title={t('booking.moveTitle', { name: shown?.contact.name ?? t('agenda.unnamed') })}
      size="lg"
      radius="lg"
      centered
    >
      {/* A fresh form for each appointment: its practitioner and day as the starting choice. */}
      {shown && <MoveForm key={shown.id} appointment={shown} onClose={onClose} onMoved={onMoved} />}
    </Modal>
  );
}

function MoveForm({ appointment, onClose, onMoved }: Props & { appointment: Appointment }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const setup = useSchedulingSetup();
  const timeZone = appointment.location.time_zone;
  const format = useAgendaFormat(timeZone);
  const today = todayIn(timeZone);
  const [practitionerId, setPractitionerId] = useState(appointment.practitioner.id);
  // Its own day, or today for one already past: no free time lies before today.
  const [date, setDate] = useState(() => laterOf(wallClock(appointment.start, timeZone).date, today));
  const booking = useSlotBooking({
    format,
    submit: (slot) =>
      schedulingApi.move(appointment.id, {
        start: slot.start,
        practitioner_id: slot.practitioner.id,
        location_id: slot.location.id,
      }),
    onBooked: (moved, slot) => {
      notify(
        t('booking.moved', { time: format.short(slot.start), name: slot.practitioner.name }),
        'careline',
      );
      onMoved?.(moved);
      onClose();
    },
  });
  const type = setup.types.data?.find((candidate) => candidate.id === appointment.type?.id);

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('booking.current', {
          time: format.when(appointment.start, appointment.end),
          name: appointment.practitioner.name,
        })}
      </Text>
      {appointment.type ? (
        <SlotChooser
          typeId={appointment.type.id}
          practitioners={practitionersOffering(setup.practitioners.data ?? [], type)}
          practitionerId={practitionerId}
          onPractitioner={(id) => {
            setPractitionerId(id);
            booking.select(null);
          }}
          date={date}
          onDate={(next) => {
            setDate(next);
            booking.select(null);
          }}
          minDate={today}
          maxDate={addDays(today, type?.horizon_days ?? 366)}
          timeZone={timeZone}
          format={format}
          selected={booking.selected}
          onSelect={booking.select}
          onSelectedGone={booking.gone}
        />
      ) : (
        <Alert color="gray" variant="light" icon={<Icon name="alert" />}>
          {t('appointment.noType')}
        </Alert>
      )}
      <BookingFooter
        selected={booking.selected}
        problem={booking.problem}
        format={format}
        confirmLabel={t('booking.confirmMove')}
        busy={booking.booking}
        onConfirm={booking.book}
        onCancel={onClose}
      />
    </Stack>
  );
}

/** The later of two local dates (YYYY-MM-DD sorts as text). */
function laterOf(a: string, b: string): string {
  return a.localeCompare(b) > 0 ? a : b;
}
