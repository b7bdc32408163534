import { ActionIcon, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Practitioner, Slot } from '../api/scheduling-types.ts';
import { Icon } from '../ui/icons.tsx';
import { addDays, parseDate } from './agenda-dates.ts';
import type { AgendaFormat } from './agenda-format.ts';
import { SlotList } from './slot-list.tsx';

/** Select values are strings: this one stands for whoever is free. */
export const ANY_PRACTITIONER = 'any';

interface Props {
  typeId: string;
  practitioners: Practitioner[];
  /** A practitioner's id, or `ANY_PRACTITIONER`. */
  practitionerId: string;
  onPractitioner(id: string): void;
  date: string;
  onDate(date: string): void;
  /** Today and the last day the type may be booked, both in the location's zone. */
  minDate: string;
  maxDate: string;
  timeZone: string;
  format: AgendaFormat;
  selected: Slot | null;
  onSelect(slot: Slot): void;
  onSelectedGone(slot: Slot): void;
}

/** Who, which day, then the free times of that day: the part booking and moving share. */
export function SlotChooser(props: Props) {
  const { t } = useTranslation();
  const canGoBack = props.date > props.minDate;
  const canGoOn = props.date < props.maxDate;
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" grow preventGrowOverflow={false}>
        <Select
          label={t('booking.practitioner')}
          data={[
            { value: ANY_PRACTITIONER, label: t('booking.anyPractitioner') },
            ...props.practitioners.map((p) => ({ value: p.id, label: p.name })),
          ]}
          value={props.practitionerId}
          onChange={(value) => props.onPractitioner(value ?? ANY_PRACTITIONER)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Group gap={4} align="flex-end" wrap="nowrap">
          <ActionIcon
            variant="default"
            size={36}
            aria-label={t('booking.previousDay')}
            disabled={!canGoBack}
            onClick={() => props.onDate(addDays(props.date, -1))}
          >
            <Icon name="chevronLeft" size={16} />
          </ActionIcon>
          <TextInput
            type="date"
            label={t('booking.date')}
            value={props.date}
            min={props.minDate}
            max={props.maxDate}
            onChange={(event) => {
              const date = parseDate(event.currentTarget.value);
              if (date) props.onDate(date);
            }}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="default"
            size={36}
            aria-label={t('booking.nextDay')}
            disabled={!canGoOn}
            onClick={() => props.onDate(addDays(props.date, 1))}
          >
            <Icon name="chevronRight" size={16} />
          </ActionIcon>
        </Group>
      </Group>
      <div>
        <Text size="sm" fw={500} mb={2}>
          {t('booking.freeTimes')}
        </Text>
        <Text size="xs" c="dimmed" mb={8}>
          {props.format.longDate(props.date)}
        </Text>
        <SlotList
          typeId={props.typeId}
          practitionerId={props.practitionerId === ANY_PRACTITIONER ? null : props.practitionerId}
          date={props.date}
          timeZone={props.timeZone}
          format={props.format}
          selected={props.selected}
          onSelect={props.onSelect}
          onSelectedGone={props.onSelectedGone}
          onDate={props.onDate}
        />
      </div>
    </Stack>
  );
}
