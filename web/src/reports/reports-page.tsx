import { Alert, Group, Select, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { todayIn } from '../agenda/agenda-dates.ts';
import { periodFrom } from '../agenda/report-period.ts';
import { ReportPeriodPicker } from '../agenda/report-period-picker.tsx';
import { describeError } from '../api/describe-error.ts';
import { inboxApi, queryKeys } from '../api/inbox-api.ts';
import { type ReportFilter, reportKeys, reportsApi } from '../api/reports-api.ts';
import { useSignedIn } from '../session/session-context.tsx';
import { StandaloneHeader } from '../session/standalone-header.tsx';
import { Icon } from '../ui/icons.tsx';
import {
  CsatSection,
  MessageVolumeSection,
  RedFlagsSection,
  ReminderFunnelSection,
  ResponseTimesSection,
} from './report-sections.tsx';
import classes from './reports-page.module.css';

/** Select values are strings: this one stands for every team. */
const ALL_TEAMS = 'all';

/** The clinic's reports over a period and, optionally, one team: charts first, figures behind each. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const [search, setSearch] = useSearchParams();
  const today = todayIn(user.org.time_zone);
  const period = periodFrom(search.get('from'), search.get('to'), today);
  const teamId = search.get('team');
  const filter: ReportFilter = { ...period, teamId };
  const teams = useQuery({ queryKey: queryKeys.teams, queryFn: inboxApi.teams });
  const choose = (change: Partial<ReportFilter>) => {
    const next = { ...filter, ...change };
    setSearch({ from: next.from, to: next.to, ...(next.teamId ? { team: next.teamId } : {}) });
  };
  const report = <T,>(name: string, fetch: (f: ReportFilter) => Promise<T>) => ({
    queryKey: reportKeys.report(name, filter),
    queryFn: () => fetch(filter),
    placeholderData: keepPreviousData,
  });
  const responseTimes = useQuery(report('response-times', reportsApi.responseTimes));
  const volume = useQuery(report('message-volume', reportsApi.messageVolume));
  const csat = useQuery(report('csat', reportsApi.csat));
  const funnel = useQuery(report('reminder-funnel', reportsApi.reminderFunnel));
  const redFlags = useQuery(report('red-flags', reportsApi.redFlags));

  return (
    <div className={classes.shell}>
      <StandaloneHeader />
      <main className={classes.page}>
        <Group justify="space-between" align="flex-end" gap="md" mb="xl">
          <div>
            <Title order={1} size="h2">
              {t('reports.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4} maw={560}>
              {t('reports.description', { zone: user.org.time_zone })}
            </Text>
          </div>
          <Group gap="sm" align="flex-end">
            <ReportPeriodPicker period={period} today={today} onChange={choose} />
            <Select
              label={t('reports.team')}
              value={teamId ?? ALL_TEAMS}
              allowDeselect={false}
              w={180}
              onChange={(value) => choose({ teamId: value && value !== ALL_TEAMS ? value : null })}
              data={[
                { value: ALL_TEAMS, label: t('reports.allTeams') },
                ...(teams.data?.data ?? []).map((team) => ({ value: team.id, label: team.name })),
              ]}
            />
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <Section query={responseTimes}>{(r) => <ResponseTimesSection report={r} />}</Section>
          <Section query={volume}>{(r) => <MessageVolumeSection report={r} />}</Section>
          <Section query={csat}>{(r) => <CsatSection report={r} />}</Section>
          <Section query={funnel}>{(r) => <ReminderFunnelSection report={r} />}</Section>
          <Section query={redFlags}>{(r) => <RedFlagsSection report={r} />}</Section>
        </SimpleGrid>
      </main>
    </div>
  );
}

function Section<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (query.error) {
    return (
      <Alert color="red" icon={<Icon name="alert" size={18} />} title={t('reports.failed')}>
        {describeError(query.error, t)}
      </Alert>
    );
  }
  if (!query.data) return <Skeleton h={360} radius="md" />;
  return <>{children(query.data)}</>;
}
