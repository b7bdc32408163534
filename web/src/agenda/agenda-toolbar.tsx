import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Practitioner } from '../api/scheduling-types.ts';
import { Icon } from '../ui/icons.tsx';
import { AGENDA_VIEWS, type AgendaRange, type AgendaView } from './agenda-dates.ts';
import type { AgendaFormat } from './agenda-format.ts';
import { ALL_PRACTITIONERS } from './use-agenda-params.ts';

interface Props {
  view: AgendaView;
  range: AgendaRange;
  practitioner: string;
  practitioners: Practitioner[];
  showCancelled: boolean;
  timeZone: string;
  format: AgendaFormat;
  onStep(step: -1 | 1): void;
  onToday(): void;
  onView(view: AgendaView): void;
  onPractitioner(id: string): void;
  onShowCancelled(show: boolean): void;
}

/** Where the agenda is (the day or week shown), how to move in time, and whose appointments it shows. */
export function AgendaToolbar(props: Props) {
  const { t } = useTranslation();
  const { view, range, format } = props;
  const first = range.days[0] ?? '';
  const last = range.days.at(-1) ?? first;
  const title = view === 'day' ? format.longDate(first) : format.dateRange(first, last);

  return (
    <Group justify="space-between" align="flex-end" gap="md" mb="md">
      <Group gap="sm" align="center" wrap="nowrap">
        <Button variant="default" onClick={props.onToday}>
          {t('agenda.today')}
        </Button>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t(`agenda.previous.${view}`)} withArrow>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t(`agenda.previous.${view}`)}
              onClick={() => props.onStep(-1)}
            >
              <Icon name="chevronLeft" />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t(`agenda.next.${view}`)} withArrow>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t(`agenda.next.${view}`)}
              onClick={() => props.onStep(1)}
            >
              <Icon name="chevronRight" />
            </ActionIcon>
          </Tooltip>
        </Group>
        <div>
          <Title order={1} size="h3" aria-live="polite">
            {title}
          </Title>
          <Text size="xs" c="dimmed">
            {t('agenda.timeZone', { zone: props.timeZone })}
          </Text>
        </div>
      </Group>
      <Group gap="md" align="flex-end">
        <Checkbox
          label={t('agenda.showCancelled')}
          checked={props.showCancelled}
          onChange={(event) => props.onShowCancelled(event.currentTarget.checked)}
          mb={8}
        />
        <Select
          label={t('agenda.practitioner')}
          data={[
            { value: ALL_PRACTITIONERS, label: t('agenda.allPractitioners') },
            ...props.practitioners.map((p) => ({ value: p.id, label: p.name })),
          ]}
          value={props.practitioner}
          onChange={(value) => props.onPractitioner(value ?? ALL_PRACTITIONERS)}
          allowDeselect={false}
          w={230}
          comboboxProps={{ withinPortal: true }}
        />
        <SegmentedControl
          aria-label={t('agenda.view')}
          value={view}
          onChange={(value) => {
            const chosen = AGENDA_VIEWS.find((v) => v === value);
            if (chosen) props.onView(chosen);
          }}
          data={AGENDA_VIEWS.map((v) => ({ value: v, label: t(`agenda.views.${v}`) }))}
        />
      </Group>
    </Group>
  );
}
