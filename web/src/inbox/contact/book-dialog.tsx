import { Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, todayIn } from '../../agenda/agenda-dates.ts';
import { useAgendaFormat } from '../../agenda/agenda-format.ts';
import { BookingFooter } from '../../agenda/booking-footer.tsx';
import { ANY_PRACTITIONER, SlotChooser } from '../../agenda/slot-chooser.tsx';
import { practitionersOffering, useSchedulingSetup } from '../../agenda/use-scheduling-setup.ts';
import { useSlotBooking } from '../../agenda/use-slot-booking.ts';
import { schedulingApi } from '../../api/scheduling-api.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useNotify } from '../../ui/toasts.tsx';

interface Props {
  opened: boolean;
  contact: { id: string; name: string };
  /** The conversation the booking is made from: the confirmation and reminders go there. */
  conversationId: string;
  onClose(): void;
}

/** Books a free time for the patient: the type, a practitioner (or anyone), a day, then a time. */
export function BookDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('booking.bookTitle', { name: props.contact.name })}
      size="lg"
      radius="lg"
      centered
    >
      <BookForm {...props} />
    </Modal>
  );
}

function BookForm({ contact, conversationId, onClose }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const setup = useSchedulingSetup();
  const { timeZone } = setup;
  const format = useAgendaFormat(timeZone);
  const today = todayIn(timeZone);
  const types = (setup.types.data ?? []).filter((type) => type.active);
  const [chosenTypeId, setTypeId] = useState<string | null>(null);
  const type = types.find((candidate) => candidate.id === chosenTypeId) ?? types[0];
  const [practitionerId, setPractitionerId] = useState(ANY_PRACTITIONER);
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const practitioners = practitionersOffering(setup.practitioners.data ?? [], type);
  const booking = useSlotBooking({
    format,
    submit: (slot) =>
      schedulingApi.book({
        contact_id: contact.id,
        practitioner_id: slot.practitioner.id,
        location_id: slot.location.id,
        appointment_type_id: type?.id ?? '',
        start: slot.start,
        conversation_id: conversationId,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    onBooked: (_booked, slot) => {
      notify(
        t('booking.booked', { time: format.short(slot.start), name: slot.practitioner.name }),
        'careline',
      );
      onClose();
    },
  });
  const language = currentLanguage();

  if (setup.types.isSuccess && !type) {
    return (
      <Text size="sm" c="dimmed">
        {t('booking.noTypes')}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <Select
        label={t('booking.type')}
        data={types.map((candidate) => ({
          value: candidate.id,
          label: t('booking.typeLabel', {
            name: candidate.name[language],
            minutes: candidate.duration_minutes,
          }),
        }))}
        value={type?.id ?? null}
        onChange={(value) => {
          const next = types.find((candidate) => candidate.id === value);
          setTypeId(value);
          // Someone who does not offer the new type cannot stay chosen.
          if (
            next &&
            !practitionersOffering(setup.practitioners.data ?? [], next).some((p) => p.id === practitionerId)
          )
            setPractitionerId(ANY_PRACTITIONER);
          booking.select(null);
        }}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
        data-autofocus
      />
      {type && (
        <SlotChooser
          typeId={type.id}
          practitioners={practitioners}
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
          maxDate={addDays(today, type.horizon_days)}
          timeZone={timeZone}
          format={format}
          selected={booking.selected}
          onSelect={booking.select}
          onSelectedGone={booking.gone}
        />
      )}
      <TextInput
        label={t('booking.reason')}
        placeholder={t('booking.reasonPlaceholder')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        maxLength={1000}
      />
      <BookingFooter
        selected={booking.selected}
        problem={booking.problem}
        format={format}
        confirmLabel={t('booking.confirm')}
        busy={booking.booking}
        onConfirm={booking.book}
        onCancel={onClose}
      />
    </Stack>
  );
}
