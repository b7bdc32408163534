import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Slot } from '../api/scheduling-types.ts';
import { Icon } from '../ui/icons.tsx';
import type { AgendaFormat } from './agenda-format.ts';
import type { SlotProblem } from './use-slot-booking.ts';

interface Props {
  selected: Slot | null;
  problem: SlotProblem | null;
  format: AgendaFormat;
  confirmLabel: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** The chosen time in words, what went wrong if anything, and the buttons to confirm or leave. */
export function BookingFooter(props: Props) {
  const { t } = useTranslation();
  const { selected, problem } = props;
  return (
    <Stack gap="sm">
      {problem && (
        <Alert
          color={problem.kind === 'taken' ? 'yellow' : 'red'}
          variant="light"
          icon={<Icon name="alert" />}
          role="alert"
        >
          {problem.message}
        </Alert>
      )}
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text
          size="sm"
          c={selected ? undefined : 'dimmed'}
          fw={selected ? 600 : undefined}
          aria-live="polite"
        >
          {selected
            ? t('booking.chosen', {
                time: props.format.when(selected.start, selected.end),
                name: selected.practitioner.name,
              })
            : t('booking.choose')}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!selected} loading={props.busy} onClick={props.onConfirm}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
