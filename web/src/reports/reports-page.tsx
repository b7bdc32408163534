import {
  Alert,
  Button,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { todayIn } from '../agenda/agenda-dates.ts';
import { lastDays, PERIOD_PRESETS, periodFrom, presetOf } from '../agenda/report-period.ts';
import { describeError } from '../api/describe-error.ts';
import { inboxApi, queryKeys } from '../api/inbox-api.ts';
import { type ReportFilter, reportKeys, reportsApi } from '../api/reports-api.ts';
import { AccountMenu } from '../session/account-menu.tsx';
import { useSignedIn } from '../session/session-context.tsx';
import { Brand } from '../ui/brand.tsx';
import { Icon } from '../ui/icons.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import {
  CsatSection,
  MessageVolumeSection,
  RedFlagsSection,
  ReminderFunnelSection,
  ResponseTimesSection,
} from './report-sections.tsx';
import classes from './reports-page.module.css';

/** Select values are strings: this one stands for a period chosen with the dates. */
const CUSTOM = 'custom';
const ALL_TEAMS = 'all';

/** The clinic's reports over a period and, optionally, one team: charts first, figures behind each. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const [search, setSearch] = useSearchParams();
  const today = todayIn(user.org.time_zone);
  const period = periodFrom(search.get('from'), search.get('to'), today);
  const preset = presetOf(period, today);
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
      <header className={classes.header}>
        <Group gap="md" wrap="nowrap">
          <Link to="/inbox" aria-label={t('settings.backToInbox')} className={classes.brand}>
            <Brand size={28} />
          </Link>
          <Text className={classes.clinic} size="sm" c="dimmed" truncate>
            {user.org.name}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Button
            component={Link}
            to="/inbox"
            variant="subtle"
            size="sm"
            leftSection={<Icon name="inbox" size={16} />}
          >
            {t('settings.backToInbox')}
          </Button>
          <LanguageSwitch />
          <AccountMenu />
        </Group>
      </header>
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
            <SegmentedControl
              aria-label={t('reports.period')}
              value={preset === null ? CUSTOM : String(preset)}
              onChange={(value) => {
                const days = PERIOD_PRESETS.find((d) => String(d) === value);
                if (days) choose(lastDays(days, today));
              }}
              data={[
                ...PERIOD_PRESETS.map((days) => ({
                  value: String(days),
                  label: t('reports.lastDays', { count: days }),
                })),
                { value: CUSTOM, label: t('reports.custom'), disabled: true },
              ]}
            />
            <TextInput
              type="date"
              label={t('reports.from')}
              value={period.from}
              max={period.to}
              onChange={(e) => e.currentTarget.value && choose({ from: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('reports.to')}
              value={period.to}
              min={period.from}
              onChange={(e) => e.currentTarget.value && choose({ to: e.currentTarget.value })}
            />
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
