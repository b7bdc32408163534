import { Alert, Group, Kbd, Skeleton, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describe-error.ts';
import { schedulingApi, schedulingKeys } from '../api/scheduling-api.ts';
import type { Appointment, AppointmentFilter } from '../api/scheduling-types.ts';
import { Icon } from '../ui/icons.tsx';
import { agendaColumns, gridHours } from './agenda-columns.ts';
import { agendaRange, shiftDate, todayIn, wallClock } from './agenda-dates.ts';
import { useAgendaFormat } from './agenda-format.ts';
import { AgendaGrid } from './agenda-grid.tsx';
import { AgendaLegend } from './agenda-legend.tsx';
import { AgendaToolbar } from './agenda-toolbar.tsx';
import { AppointmentDrawer } from './appointment-drawer.tsx';
import { ALL_PRACTITIONERS, useAgendaParams } from './use-agenda-params.ts';
import { useSchedulingSetup } from './use-scheduling-setup.ts';

/** The server sends no live event for appointments yet: the agenda looks again this often. */
const REFRESH_MS = 30_000;

/** Day and week views of the clinic's appointments, per practitioner or all side by side. */
export function AgendaCalendar() {
  const { t } = useTranslation();
  const setup = useSchedulingSetup();
  const { timeZone } = setup;
  const params = useAgendaParams(timeZone);
  const format = useAgendaFormat(timeZone);
  const now = useMinute();
  const range = useMemo(
    () => agendaRange(params.view, params.date, timeZone),
    [params.view, params.date, timeZone],
  );
  const filter: AppointmentFilter = {
    from: range.from,
    to: range.to,
    ...(params.practitioner === ALL_PRACTITIONERS ? {} : { practitioner_id: params.practitioner }),
  };
  const appointments = useQuery({
    queryKey: schedulingKeys.appointmentList(filter),
    queryFn: () => schedulingApi.appointments(filter),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });

  const list = appointments.data?.data ?? [];
  const shown = params.showCancelled ? list : list.filter((a) => a.status !== 'cancelled');
  const columns = agendaColumns({
    view: params.view,
    range,
    practitioner: params.practitioner,
    practitioners: setup.practitioners.data ?? [],
    appointments: shown,
    schedules: setup.schedules.data ?? [],
    timeZone,
  });
  const step = (direction: -1 | 1) => params.change({ date: shiftDate(params.view, params.date, direction) });
  const panelOpen = params.appointmentId !== undefined;
  useHotkeys(
    panelOpen
      ? []
      : [
          ['ArrowLeft', () => step(-1)],
          ['ArrowRight', () => step(1)],
          ['t', () => params.change({ date: todayIn(timeZone) })],
          ['d', () => params.change({ view: 'day' })],
          ['w', () => params.change({ view: 'week' })],
        ],
  );

  const loading = appointments.isPending || setup.practitioners.isPending || setup.schedules.isPending;
  const failed = appointments.error ?? setup.practitioners.error ?? setup.schedules.error;

  return (
    <>
      <AgendaToolbar
        view={params.view}
        range={range}
        practitioner={params.practitioner}
        practitioners={(setup.practitioners.data ?? []).filter((p) => p.active)}
        showCancelled={params.showCancelled}
        timeZone={timeZone}
        format={format}
        onStep={step}
        onToday={() => params.change({ date: todayIn(timeZone) })}
        onView={(view) => params.change({ view })}
        onPractitioner={(practitioner) => params.change({ practitioner })}
        onShowCancelled={(showCancelled) => params.change({ showCancelled })}
      />
      {failed && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md" role="alert">
          {t('agenda.loadFailed', { reason: describeError(failed, t) })}
        </Alert>
      )}
      {setup.practitioners.isSuccess && setup.practitioners.data.length === 0 && (
        <Alert color="gray" variant="light" icon={<Icon name="alert" />} mb="md">
          {t('agenda.noPractitioners')}
        </Alert>
      )}
      {loading ? (
        <Skeleton height={480} radius="lg" />
      ) : (
        <AgendaGrid
          columns={columns}
          hours={gridHours(columns)}
          timeZone={timeZone}
          today={todayIn(timeZone, new Date(now))}
          now={now}
          format={format}
          showPractitioner={params.practitioner === ALL_PRACTITIONERS && params.view === 'week'}
          selectedId={params.appointmentId}
          settled={!appointments.isPlaceholderData}
          onOpen={(appointment: Appointment) => params.change({ appointmentId: appointment.id })}
        />
      )}
      <Group justify="space-between" mt="sm" gap="md">
        <AgendaLegend />
        <Group gap={6} c="dimmed">
          <Kbd>←</Kbd>
          <Kbd>→</Kbd>
          <Text size="xs">{t('agenda.keysMove')}</Text>
          <Kbd ml={8}>T</Kbd>
          <Text size="xs">{t('agenda.today')}</Text>
          <Kbd ml={8}>D</Kbd>
          <Kbd>W</Kbd>
          <Text size="xs">{t('agenda.keysView')}</Text>
        </Group>
      </Group>
      <AppointmentDrawer
        appointmentId={params.appointmentId}
        known={list.find((a) => a.id === params.appointmentId)}
        timeZone={timeZone}
        onClose={() => params.change({ appointmentId: undefined })}
        onMoved={(moved) =>
          params.change({ appointmentId: moved.id, date: wallClock(moved.start, timeZone).date })
        }
      />
    </>
  );
}

/** The current time, again every minute: the line across today moves down. */
function useMinute(): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date().toISOString()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
