import { Alert, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schedulingApi, schedulingKeys } from '../api/scheduling-api.ts';
import type { Appointment } from '../api/scheduling-types.ts';
import { Icon } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';
import { useWhileClosing } from '../ui/use-while-closing.ts';
import { useAgendaFormat } from './agenda-format.ts';
import { appointmentErrorOf } from './appointment-rules.ts';

type AskedBy = 'patient' | 'staff';

interface Props {
  /** The appointment to cancel; null closes the dialog. */
  appointment: Appointment | null;
  onClose(): void;
  onCancelled?(appointment: Appointment): void;
}

/**
 * Asks before cancelling, and who asked for it: the report counts cancellations by patients apart
 * from the clinic's own.
 */
export function CancelDialog({ appointment, onClose, onCancelled }: Props) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const shown = useWhileClosing(appointment);
  const format = useAgendaFormat(shown?.location.time_zone ?? 'UTC');
  const [by, setBy] = useState<AskedBy>('patient');
  const cancel = useMutation({
    mutationFn: (target: Appointment) => schedulingApi.cancel(target.id, by),
    onSuccess: (cancelled) => {
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.appointments });
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.slots });
      notify(
        t('cancelAppointment.done', { name: cancelled.contact.name ?? t('agenda.unnamed') }),
        'careline',
      );
      onCancelled?.(cancelled);
      onClose();
    },
  });
  const name = shown?.contact.name ?? t('agenda.unnamed');

  return (
    <Modal
      opened={appointment !== null}
      onClose={() => {
        cancel.reset();
        onClose();
      }}
      title={t('cancelAppointment.title', { name })}
      radius="lg"
      centered
    >
      {shown && (
        <Stack gap="md">
          <Text size="sm">
            {t('cancelAppointment.body', {
              time: format.when(shown.start, shown.end),
              name: shown.practitioner.name,
            })}
          </Text>
          <Radio.Group
            label={t('cancelAppointment.who')}
            value={by}
            onChange={(value) => setBy(value === 'staff' ? 'staff' : 'patient')}
          >
            <Group gap="lg" mt={6}>
              <Radio value="patient" label={t('cancelAppointment.byPatient')} />
              <Radio value="staff" label={t('cancelAppointment.byClinic')} />
            </Group>
          </Radio.Group>
          {cancel.isError && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
              {appointmentErrorOf(cancel.error, t)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('cancelAppointment.keep')}
            </Button>
            <Button
              color="red"
              loading={cancel.isPending}
              onClick={() => cancel.mutate(shown)}
              data-autofocus
            >
              {t('cancelAppointment.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
