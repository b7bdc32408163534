import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { schedulingApi, schedulingKeys } from '../api/scheduling-api.ts';
import { type Appointment, ATTENDANCE_STATUSES, type AttendanceStatus } from '../api/scheduling-types.ts';
import { Icon, type IconName } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';
import { STATUS_COLORS } from './appointment-details.tsx';
import { actionsOf, appointmentErrorOf } from './appointment-rules.ts';

const ICONS: Record<AttendanceStatus, IconName> = {
  arrived: 'arrived',
  fulfilled: 'seen',
  noshow: 'noshow',
};

/** Arrived, Seen, No-show: the current one stands out; those no longer possible are off. */
export function AttendanceButtons({ appointment }: { appointment: Appointment }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const allowed = actionsOf(appointment).attendance;
  const mark = useMutation({
    mutationFn: (status: AttendanceStatus) => schedulingApi.setStatus(appointment.id, status),
    onSuccess: (changed, status) => {
      queryClient.setQueryData(schedulingKeys.appointment(changed.id), changed);
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.appointments });
      notify(
        t(`appointment.marked.${status}`, { name: changed.contact.name ?? t('agenda.unnamed') }),
        'careline',
      );
    },
    onError: (error) => notify(t('appointment.failed', { reason: appointmentErrorOf(error, t) })),
  });

  return (
    <Group gap="xs">
      {ATTENDANCE_STATUSES.map((status) => {
        const current = appointment.status === status;
        return (
          <Button
            key={status}
            size="sm"
            color={STATUS_COLORS[status]}
            variant={current ? 'filled' : 'default'}
            aria-pressed={current}
            leftSection={<Icon name={ICONS[status]} size={16} />}
            disabled={!current && !allowed[status]}
            loading={mark.isPending && mark.variables === status}
            onClick={() => {
              if (!current) mark.mutate(status);
            }}
          >
            {t(`appointment.attendanceButton.${status}`)}
          </Button>
        );
      })}
    </Group>
  );
}
