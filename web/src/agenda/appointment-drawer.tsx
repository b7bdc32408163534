import { Alert, Button, Divider, Drawer, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeError } from '../api/describe-error.ts';
import { inboxApi, queryKeys } from '../api/inbox-api.ts';
import { schedulingApi, schedulingKeys } from '../api/scheduling-api.ts';
import type { Appointment } from '../api/scheduling-types.ts';
import { Icon } from '../ui/icons.tsx';
import { useWhileClosing } from '../ui/use-while-closing.ts';
import { useAgendaFormat } from './agenda-format.ts';
import classes from './agenda-panel.module.css';
import { AppointmentBadges, AppointmentDetails } from './appointment-details.tsx';
import { AppointmentReminders } from './appointment-reminders.tsx';
import { actionsOf } from './appointment-rules.ts';
import { AttendanceButtons } from './attendance-buttons.tsx';
import { CancelDialog } from './cancel-dialog.tsx';
import { MoveDialog } from './move-dialog.tsx';

interface Props {
  /** The appointment to show; undefined closes the panel. */
  appointmentId: string | undefined;
  /** The appointment as the agenda already has it, when it does. */
  known: Appointment | undefined;
  timeZone: string;
  onClose(): void;
  onMoved(appointment: Appointment): void;
}

/** The side panel of an appointment: its details, the patient's conversation, attendance, move, cancel. */
export function AppointmentDrawer(props: Props) {
  const { t } = useTranslation();
  const id = useWhileClosing(props.appointmentId ?? null);
  const fetched = useQuery({
    queryKey: schedulingKeys.appointment(id ?? ''),
    queryFn: () => schedulingApi.appointment(id ?? ''),
    // One outside the days shown (a link from the patient panel, a move to another week).
    enabled: id !== null && props.known === undefined,
  });
  const appointment = props.known ?? fetched.data;
  const name = appointment?.contact.name ?? t('agenda.unnamed');

  return (
    <Drawer
      opened={props.appointmentId !== undefined}
      onClose={props.onClose}
      position="right"
      size={420}
      title={<Text fw={650}>{appointment ? name : t('appointment.details')}</Text>}
      padding="lg"
    >
      {appointment ? (
        <DrawerBody appointment={appointment} timeZone={props.timeZone} onMoved={props.onMoved} />
      ) : fetched.isError ? (
        <Alert color="red" variant="light" icon={<Icon name="alert" />}>
          {describeError(fetched.error, t)}
        </Alert>
      ) : (
        <Stack gap="xs">
          <Skeleton height={14} />
          <Skeleton height={14} width="70%" />
        </Stack>
      )}
    </Drawer>
  );
}

function DrawerBody(props: { appointment: Appointment; timeZone: string; onMoved(a: Appointment): void }) {
  const { t } = useTranslation();
  const { appointment } = props;
  const format = useAgendaFormat(appointment.location.time_zone);
  const [moving, setMoving] = useState<Appointment | null>(null);
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const actions = actionsOf(appointment);

  return (
    <Stack gap="md">
      <AppointmentBadges appointment={appointment} format={format} />
      <AppointmentDetails appointment={appointment} format={format} />
      <ConversationLink appointment={appointment} />
      <Divider />
      <AppointmentReminders appointmentId={appointment.id} format={format} />
      <Divider />
      <section aria-labelledby="attendance-title">
        <Text component="h3" className={classes.sectionTitle} id="attendance-title">
          {t('appointment.attendance')}
        </Text>
        <AttendanceButtons appointment={appointment} />
      </section>
      {(actions.move || actions.cancel) && (
        <>
          <Divider />
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<Icon name="move" size={16} />}
              disabled={!actions.move}
              onClick={() => setMoving(appointment)}
            >
              {t('appointment.move')}
            </Button>
            <Button
              variant="light"
              color="red"
              leftSection={<Icon name="cancel" size={16} />}
              disabled={!actions.cancel}
              onClick={() => setCancelling(appointment)}
            >
              {t('appointment.cancel')}
            </Button>
          </Group>
        </>
      )}
      <MoveDialog appointment={moving} onClose={() => setMoving(null)} onMoved={props.onMoved} />
      <CancelDialog appointment={cancelling} onClose={() => setCancelling(null)} />
    </Stack>
  );
}

/** The patient's conversation: the one the appointment was booked in, else their latest. */
function ConversationLink({ appointment }: { appointment: Appointment }) {
  const { t } = useTranslation();
  const contact = useQuery({
    queryKey: queryKeys.contact(appointment.contact.id),
    queryFn: () => inboxApi.contact(appointment.contact.id),
    enabled: appointment.conversation_id === null,
  });
  const latest = [...(contact.data?.conversations ?? [])].sort((a, b) =>
    b.last_message_at.localeCompare(a.last_message_at),
  )[0];
  const conversationId = appointment.conversation_id ?? latest?.id;
  if (!conversationId) return null;
  return (
    <Button
      component={Link}
      to={`/inbox/${conversationId}`}
      variant="light"
      leftSection={<Icon name="inbox" size={16} />}
      w="fit-content"
    >
      {t('appointment.openConversation')}
    </Button>
  );
}
