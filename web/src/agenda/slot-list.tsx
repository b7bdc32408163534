import { Alert, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import { schedulingApi, schedulingKeys } from '../api/scheduling-api.ts';
import type { Slot, SlotQuery } from '../api/scheduling-types.ts';
import { Icon } from '../ui/icons.tsx';
import { startOfDay, wallClock } from './agenda-dates.ts';
import type { AgendaFormat } from './agenda-format.ts';
import classes from './agenda-panel.module.css';

/** Enough for a full day of every practitioner, and a glimpse of the next free day. */
const SLOTS_ASKED = 100;

interface Props {
  typeId: string;
  /** Null: any practitioner offering the type. */
  practitionerId: string | null;
  date: string;
  timeZone: string;
  format: AgendaFormat;
  selected: Slot | null;
  onSelect(slot: Slot): void;
  /** The chosen time is no longer free in a fresher list (someone booked it meanwhile). */
  onSelectedGone(slot: Slot): void;
  onDate(date: string): void;
}

/** The free times of a day as buttons, by practitioner; on a full day, a way to the next free one. */
export function SlotList(props: Props) {
  const { t } = useTranslation();
  const { format } = props;
  const query: SlotQuery = {
    type: props.typeId,
    ...(props.practitionerId ? { practitioner: props.practitionerId } : {}),
    from: startOfDay(props.date, props.timeZone),
    limit: SLOTS_ASKED,
  };
  const slots = useQuery({
    queryKey: schedulingKeys.slotList(query),
    queryFn: () => schedulingApi.slots(query),
    // Free times change as colleagues and patients book: never trust an old list.
    staleTime: 0,
  });
  const { selected, onSelectedGone } = props;
  const fresh = slots.data?.data;
  useEffect(() => {
    if (!selected || !fresh) return;
    const stillFree = fresh.some(
      (s) => s.start === selected.start && s.practitioner.id === selected.practitioner.id,
    );
    if (!stillFree) onSelectedGone(selected);
  }, [fresh, selected, onSelectedGone]);

  if (slots.isPending) {
    return (
      <Stack gap={6} aria-busy="true">
        <Skeleton height={14} width={160} />
        <Skeleton height={30} />
      </Stack>
    );
  }
  if (slots.isError) {
    return (
      <Alert color="red" variant="light" icon={<Icon name="alert" />} role="alert">
        {t('booking.loadFailed', { reason: describeError(slots.error, t) })}
      </Alert>
    );
  }

  const all = slots.data.data;
  const ofDay = all.filter((slot) => wallClock(slot.start, slot.time_zone).date === props.date);
  if (ofDay.length === 0) {
    const next = all.find((slot) => wallClock(slot.start, slot.time_zone).date > props.date);
    return (
      <Stack gap={6} align="flex-start">
        <Text size="sm" c="dimmed">
          {next ? t('booking.noneThatDay') : t('booking.noneAtAll')}
        </Text>
        {next && (
          <Button
            variant="light"
            size="xs"
            onClick={() => props.onDate(wallClock(next.start, next.time_zone).date)}
          >
            {t('booking.nextFree', { day: format.longDate(wallClock(next.start, next.time_zone).date) })}
          </Button>
        )}
      </Stack>
    );
  }

  const groups = byPractitioner(ofDay);
  return (
    <Stack gap="sm">
      {groups.map(({ practitioner, slots: theirs }) => (
        <fieldset key={practitioner.id} className={classes.slotGroup}>
          <legend className={classes.slotGroupName}>{practitioner.name}</legend>
          <Group gap={6}>
            {theirs.map((slot) => {
              const chosen =
                props.selected?.start === slot.start && props.selected.practitioner.id === practitioner.id;
              return (
                <Button
                  key={slot.start}
                  size="xs"
                  variant={chosen ? 'filled' : 'default'}
                  aria-pressed={chosen}
                  aria-label={t('booking.slotLabel', {
                    time: format.time(slot.start),
                    name: practitioner.name,
                  })}
                  onClick={() => props.onSelect(slot)}
                  miw={64}
                >
                  {format.time(slot.start)}
                </Button>
              );
            })}
          </Group>
        </fieldset>
      ))}
    </Stack>
  );
}

function byPractitioner(
  slots: readonly Slot[],
): Array<{ practitioner: Slot['practitioner']; slots: Slot[] }> {
  const groups = new Map<string, { practitioner: Slot['practitioner']; slots: Slot[] }>();
  for (const slot of slots) {
    const group = groups.get(slot.practitioner.id) ?? { practitioner: slot.practitioner, slots: [] };
    group.slots.push(slot);
    groups.set(slot.practitioner.id, group);
  }
  return [...groups.values()].sort((a, b) => a.practitioner.name.localeCompare(b.practitioner.name));
}
