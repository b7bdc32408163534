import { Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AppointmentReminder } from '../api/reminder-types.ts';
import { schedulingApi, schedulingKeys } from '../api/scheduling-api.ts';
import { CHANNEL_NAMES } from '../ui/channel-icon.tsx';
import type { AgendaFormat } from './agenda-format.ts';
import classes from './agenda-panel.module.css';

const STATUS_COLORS: Record<AppointmentReminder['status'], string> = {
  scheduled: 'gray',
  sent: 'careline',
  skipped: 'orange',
  cancelled: 'gray',
  failed: 'red',
};

/** The reasons the screen words; any other is shown as Careline recorded it. */
const WORDED_REASONS = [
  'too_late',
  'merged',
  'no_consent',
  'no_channel',
  'channel_window_closed',
  'appointment_passed',
  'appointment_not_booked',
  'reminders_off',
  'message_refused',
  'line_quota_reached',
  'template_unavailable',
  'not_on_whatsapp',
] as const;

/** The appointment's reminders: planned, sent on which app, or not sent and why (held: window closed). */
export function AppointmentReminders({
  appointmentId,
  format,
}: {
  appointmentId: string;
  format: AgendaFormat;
}) {
  const { t } = useTranslation();
  const reminders = useQuery({
    queryKey: schedulingKeys.appointmentReminders(appointmentId),
    queryFn: () => schedulingApi.appointmentReminders(appointmentId),
  });
  return (
    <section aria-labelledby="reminders-title">
      <Text component="h3" className={classes.sectionTitle} id="reminders-title">
        {t('appointment.reminders.title')}
      </Text>
      {reminders.isPending ? (
        <Skeleton height={14} />
      ) : reminders.isError ? (
        <Text size="sm" c="dimmed">
          {t('appointment.reminders.loadFailed')}
        </Text>
      ) : reminders.data.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('appointment.reminders.none')}
        </Text>
      ) : (
        <Stack gap={6} data-testid="appointment-reminders">
          {reminders.data.data.map((reminder) => (
            <Group key={reminder.id} gap={8} wrap="nowrap" align="flex-start">
              <Badge color={STATUS_COLORS[reminder.status]} variant="light" miw={88}>
                {t(`appointment.reminders.status.${reminder.status}`)}
              </Badge>
              <Text size="sm">
                {before(t, reminder.offset_minutes)} · {detail(t, reminder, format)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </section>
  );
}

function before(t: TFunction, minutes: number): string {
  if (minutes % 1440 === 0) return t('appointment.reminders.before.days', { count: minutes / 1440 });
  if (minutes % 60 === 0) return t('appointment.reminders.before.hours', { n: minutes / 60 });
  return t('appointment.reminders.before.minutes', { n: minutes });
}

function detail(t: TFunction, reminder: AppointmentReminder, format: AgendaFormat): string {
  switch (reminder.status) {
    case 'scheduled':
      return t('appointment.reminders.due', { time: format.short(reminder.due_at) });
    case 'sent': {
      const sent = t('appointment.reminders.sentOn', {
        channel: reminder.channel ? CHANNEL_NAMES[reminder.channel] : '—',
        time: format.short(reminder.sent_at ?? reminder.due_at),
      });
      // Carried by the next channel: the clinic's first one could not, and why.
      const carried = reminder.fallback_from
        ? `${sent} · ${t('appointment.reminders.fallback', {
            channel: CHANNEL_NAMES[reminder.fallback_from],
            reason: t(`report.fallbackReasons.${reminder.fallback_reason ?? 'send_failed'}`, {
              defaultValue: reminder.fallback_reason ?? '—',
            }),
          })}`
        : sent;
      return reminder.response
        ? `${carried} · ${t(`appointment.reminders.answer.${reminder.response}`)}`
        : carried;
    }
    case 'cancelled':
      return t('appointment.reminders.due', { time: format.short(reminder.due_at) });
    case 'skipped':
    case 'failed': {
      const reason = WORDED_REASONS.find((r) => r === reminder.reason);
      return reason
        ? t(`appointment.reminders.reason.${reason}`)
        : t('appointment.reminders.reason.other', { reason: reminder.reason ?? '—' });
    }
  }
}
