import { Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment, AppointmentStatus } from '../api/scheduling-types.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { Icon, type IconName } from '../ui/icons.tsx';
import type { AgendaFormat } from './agenda-format.ts';
import classes from './agenda-panel.module.css';

/** Mantine colours of the statuses, as on the grid. */
export const STATUS_COLORS: Record<AppointmentStatus, string> = {
  proposed: 'gray',
  booked: 'blue',
  arrived: 'violet',
  fulfilled: 'careline',
  cancelled: 'gray',
  noshow: 'red',
};

const SOURCE_ICONS: Record<Appointment['source'], IconName> = { chat: 'inbox', staff: 'user', api: 'bolt' };

/** An appointment's status, and the marks the agenda puts on it (confirmed, late). */
export function AppointmentBadges({
  appointment,
  format,
}: {
  appointment: Appointment;
  format: AgendaFormat;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge color={STATUS_COLORS[appointment.status]} variant="light">
        {t(`agenda.status.${appointment.status}`)}
      </Badge>
      {appointment.confirmed_at && (
        <Badge color="careline" variant="outline" leftSection={<Icon name="check" size={12} stroke={2.4} />}>
          {t('agenda.confirmedShort')}
        </Badge>
      )}
      {appointment.late && (
        <Badge color="orange" variant="filled" leftSection={<Icon name="late" size={12} />}>
          {t('agenda.late')}
        </Badge>
      )}
      {appointment.confirmed_at && (
        <Text size="xs" c="dimmed" w="100%">
          {t('agenda.confirmedAt', { time: format.short(appointment.confirmed_at) })}
        </Text>
      )}
    </Group>
  );
}

/** What, when, with whom and where; how it was booked, and how it ended if it was cancelled. */
export function AppointmentDetails({
  appointment: a,
  format,
}: {
  appointment: Appointment;
  format: AgendaFormat;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Detail icon={<Icon name="clock" size={16} />} label={t('appointment.when')}>
        {format.when(a.start, a.end)}
      </Detail>
      <Detail icon={<Icon name="stethoscope" size={16} />} label={t('appointment.practitioner')}>
        {a.practitioner.name}
      </Detail>
      {a.type && (
        <Detail icon={<Icon name="calendar" size={16} />} label={t('appointment.type')}>
          {a.type.name[currentLanguage()]}
        </Detail>
      )}
      <Detail icon={<Icon name="mapPin" size={16} />} label={t('appointment.place')}>
        {a.location.name}
        {a.location.address && (
          <Text size="xs" c="dimmed">
            {a.location.address}
          </Text>
        )}
      </Detail>
      {a.reason && (
        <Detail icon={<Icon name="note" size={16} />} label={t('appointment.reason')}>
          {a.reason}
        </Detail>
      )}
      <Detail icon={<Icon name={SOURCE_ICONS[a.source]} size={16} />} label={t('appointment.bookedBy')}>
        {t(`appointment.source.${a.source}`)}
        {a.rescheduled_from_id && (
          <Text size="xs" c="dimmed">
            {t('appointment.rescheduled')}
          </Text>
        )}
      </Detail>
      {a.status === 'cancelled' && a.cancelled_at && (
        <Detail icon={<Icon name="cancel" size={16} />} label={t('agenda.status.cancelled')}>
          {t(`appointment.cancelledBy.${a.cancelled_by ?? 'staff'}`, { time: format.short(a.cancelled_at) })}
        </Detail>
      )}
    </Stack>
  );
}

function Detail({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <div className={classes.detail}>
      <span className={classes.detailIcon}>{icon}</span>
      <div className={classes.detailBody}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <div className={classes.detailValue}>{children}</div>
      </div>
    </div>
  );
}
