import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppointmentStatus } from '../api/scheduling-types.ts';
import { Icon } from '../ui/icons.tsx';
import grid from './agenda-grid.module.css';
import classes from './agenda-legend.module.css';

const SHOWN: readonly AppointmentStatus[] = ['booked', 'arrived', 'fulfilled', 'noshow', 'cancelled'];

/** What the colours and marks of the blocks mean. */
export function AgendaLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="md" component="ul" className={classes.legend} aria-label={t('agenda.legend')}>
      {SHOWN.map((status) => (
        <Group key={status} gap={6} component="li" wrap="nowrap">
          <span className={classes.swatch} data-status={status} />
          <Text size="xs" c="dimmed">
            {t(`agenda.status.${status}`)}
          </Text>
        </Group>
      ))}
      <Group gap={6} component="li" wrap="nowrap">
        <span className={grid.confirmed}>
          <Icon name="check" size={12} stroke={2.6} />
        </span>
        <Text size="xs" c="dimmed">
          {t('agenda.confirmed')}
        </Text>
      </Group>
      <Group gap={6} component="li" wrap="nowrap">
        <span className={grid.lateFlag}>
          <Icon name="late" size={11} />
          {t('agenda.late')}
        </span>
        <Text size="xs" c="dimmed">
          {t('agenda.lateHint')}
        </Text>
      </Group>
    </Group>
  );
}
