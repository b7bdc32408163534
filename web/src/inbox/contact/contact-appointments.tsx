import { Alert, Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { wallClock } from '../../agenda/agenda-dates.ts';
import { type AgendaFormat, useAgendaFormat } from '../../agenda/agenda-format.ts';
import { STATUS_COLORS } from '../../agenda/appointment-details.tsx';
import { actionsOf, splitAppointments } from '../../agenda/appointment-rules.ts';
import { CancelDialog } from '../../agenda/cancel-dialog.tsx';
import { MoveDialog } from '../../agenda/move-dialog.tsx';
import { useSchedulingSetup } from '../../agenda/use-scheduling-setup.ts';
import { describeError } from '../../api/describe-error.ts';
import { schedulingApi, schedulingKeys } from '../../api/scheduling-api.ts';
import type { Appointment } from '../../api/scheduling-types.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { Icon } from '../../ui/icons.tsx';
import { BookDialog } from './book-dialog.tsx';
import classes from './contact-panel.module.css';

interface Props {
  contact: { id: string; name: string };
  conversationId: string;
  /** Opened from the section's heading. */
  booking: boolean;
  onBookingClose(): void;
}

/** The patient's appointments: the upcoming ones to move or cancel, the past ones with how they went. */
export function ContactAppointments({ contact, conversationId, booking, onBookingClose }: Props) {
  const { t } = useTranslation();
  const { timeZone } = useSchedulingSetup();
  const format = useAgendaFormat(timeZone);
  const filter = { contact_id: contact.id };
  const appointments = useQuery({
    queryKey: schedulingKeys.appointmentList(filter),
    queryFn: () => schedulingApi.appointments(filter),
    refetchInterval: 60_000,
  });
  const [showPast, setShowPast] = useState(false);
  const [moving, setMoving] = useState<Appointment | null>(null);
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const { upcoming, past } = splitAppointments(appointments.data?.data ?? [], Date.now());

  return (
    <Stack gap={8} data-testid="contact-appointments">
      {appointments.isPending && <Skeleton height={44} />}
      {appointments.isError && (
        <Alert color="gray" variant="light" icon={<Icon name="alert" />}>
          {t('contactAppointments.loadFailed', { reason: describeError(appointments.error, t) })}
        </Alert>
      )}
      {appointments.isSuccess && upcoming.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('contactAppointments.none')}
        </Text>
      )}
      {upcoming.map((appointment) => (
        <AppointmentItem
          key={appointment.id}
          appointment={appointment}
          format={format}
          onMove={() => setMoving(appointment)}
          onCancel={() => setCancelling(appointment)}
        />
      ))}
      {past.length > 0 && (
        <Button
          variant="subtle"
          color="gray"
          size="compact-xs"
          w="fit-content"
          onClick={() => setShowPast((shown) => !shown)}
          aria-expanded={showPast}
          leftSection={<Icon name="history" size={14} />}
        >
          {showPast
            ? t('contactAppointments.hidePast')
            : t('contactAppointments.showPast', { count: past.length })}
        </Button>
      )}
      {showPast &&
        past.map((appointment) => (
          <AppointmentItem key={appointment.id} appointment={appointment} format={format} />
        ))}
      <BookDialog
        opened={booking}
        contact={contact}
        conversationId={conversationId}
        onClose={onBookingClose}
      />
      <MoveDialog appointment={moving} onClose={() => setMoving(null)} />
      <CancelDialog appointment={cancelling} onClose={() => setCancelling(null)} />
    </Stack>
  );
}

function AppointmentItem(props: {
  appointment: Appointment;
  format: AgendaFormat;
  onMove?(): void;
  onCancel?(): void;
}) {
  const { t } = useTranslation();
  const { appointment: a, format } = props;
  const when = format.short(a.start);
  const actions = actionsOf(a);
  const type = a.type?.name[currentLanguage()];
  const agendaLink = `/agenda?${new URLSearchParams({
    view: 'week',
    date: wallClock(a.start, a.location.time_zone).date,
    practitioner: a.practitioner.id,
    appointment: a.id,
  })}`;

  return (
    <div className={classes.appointment} data-status={a.status} data-testid="contact-appointment">
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={600}>
          {when}
        </Text>
        <Group gap={4} wrap="nowrap">
          {a.confirmed_at && (
            <Badge size="xs" variant="outline" color="careline" leftSection={<Icon name="check" size={10} />}>
              {t('agenda.confirmedShort')}
            </Badge>
          )}
          {a.late && (
            <Badge size="xs" variant="filled" color="orange">
              {t('agenda.late')}
            </Badge>
          )}
          <Badge size="xs" variant="light" color={STATUS_COLORS[a.status]}>
            {t(`agenda.status.${a.status}`)}
          </Badge>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {[a.practitioner.name, type].filter(Boolean).join(' · ')}
      </Text>
      {props.onMove && props.onCancel && (
        <Group gap={4} mt={6}>
          {actions.move && (
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<Icon name="move" size={12} />}
              onClick={props.onMove}
              aria-label={t('contactAppointments.moveOne', { time: when })}
            >
              {t('appointment.move')}
            </Button>
          )}
          {actions.cancel && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={props.onCancel}
              aria-label={t('contactAppointments.cancelOne', { time: when })}
            >
              {t('common.cancel')}
            </Button>
          )}
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            component={Link}
            to={agendaLink}
            leftSection={<Icon name="calendar" size={12} />}
            aria-label={t('contactAppointments.inAgendaOne', { time: when })}
          >
            {t('contactAppointments.inAgenda')}
          </Button>
        </Group>
      )}
    </div>
  );
}
