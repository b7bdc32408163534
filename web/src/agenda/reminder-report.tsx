import { Alert, Group, Paper, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { describeError } from '../api/describe-error.ts';
import type { ReminderReport as Report } from '../api/reminder-types.ts';
import { schedulingApi, schedulingKeys } from '../api/scheduling-api.ts';
import { CHANNEL_NAMES } from '../ui/channel-icon.tsx';
import { Icon } from '../ui/icons.tsx';
import { todayIn } from './agenda-dates.ts';
import { type AgendaFormat, useAgendaFormat } from './agenda-format.ts';
import classes from './agenda-report.module.css';
import { NoShowTable } from './no-show-table.tsx';
import { periodFrom } from './report-period.ts';
import { ReportPeriodPicker } from './report-period-picker.tsx';
import { useSchedulingSetup } from './use-scheduling-setup.ts';

/** What reminders achieved over a period, and no-shows per practitioner with and without one confirmed. */
export function ReminderReportPage() {
  const { t } = useTranslation();
  const { timeZone } = useSchedulingSetup();
  const format = useAgendaFormat(timeZone);
  const [search, setSearch] = useSearchParams();
  const today = todayIn(timeZone);
  const period = periodFrom(search.get('from'), search.get('to'), today);
  const report = useQuery({
    queryKey: schedulingKeys.reminderReport(period.from, period.to),
    queryFn: () => schedulingApi.reminderReport(period.from, period.to),
    placeholderData: keepPreviousData,
  });
  const choose = (from: string, to: string) => setSearch({ from, to });

  return (
    <div className={classes.page}>
      <Group justify="space-between" align="flex-end" gap="md" mb="lg">
        <div>
          <Title order={1} size="h2">
            {t('report.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4} maw={640}>
            {t('report.description')}
          </Text>
        </div>
        <ReportPeriodPicker period={period} today={today} onChange={(p) => choose(p.from, p.to)} />
      </Group>
      {report.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md" role="alert">
          {t('report.loadFailed', { reason: describeError(report.error, t) })}
        </Alert>
      )}
      {report.isPending && <Skeleton height={320} radius="lg" />}
      {report.data && <Figures report={report.data} format={format} />}
    </div>
  );
}

function Figures({ report, format }: { report: Report; format: AgendaFormat }) {
  const { t } = useTranslation();
  const r = report.reminders;
  const shareOfSent = (count: number) =>
    r.sent === 0 ? null : t('report.ofSent', { rate: format.percent(count / r.sent) });
  return (
    <>
      <Paper withBorder radius="lg" p="lg" mb="lg" data-testid="reminder-figures">
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xl">
          <Figure label={t('report.sent')} value={r.sent} />
          <Figure label={t('report.confirmed')} value={r.confirmed} note={shareOfSent(r.confirmed)} />
          <Figure label={t('report.cancelled')} value={r.cancelled} note={shareOfSent(r.cancelled)} />
          <Figure label={t('report.rescheduled')} value={r.rescheduled} note={shareOfSent(r.rescheduled)} />
          <Figure label={t('report.skipped')} value={r.skipped_no_consent} note={t('report.skippedHint')} />
          <Figure
            label={t('report.held')}
            value={r.skipped_channel_window_closed}
            note={t('report.heldHint')}
          />
          <Figure
            label={t('report.heldLineQuota')}
            value={r.skipped_line_quota_reached}
            note={t('report.heldLineQuotaHint')}
          />
        </SimpleGrid>
      </Paper>
      <Paper withBorder radius="lg" p="lg" mb="lg" data-testid="reminder-channels">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
          <div>
            <Title order={2} size="h5" mb="xs">
              {t('report.perChannel')}
            </Title>
            {r.sent_by_channel.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('report.noneSent')}
              </Text>
            )}
            {r.sent_by_channel.map((row) => (
              <Group key={row.channel} justify="space-between" maw={280}>
                <Text size="sm">{channelName(row.channel)}</Text>
                <Text size="sm" fw={700}>
                  {row.sent}
                </Text>
              </Group>
            ))}
          </div>
          <div>
            <Title order={2} size="h5" mb="xs">
              {t('report.fallbacks', { count: r.fallbacks.reduce((n, f) => n + f.count, 0) })}
            </Title>
            <Text size="xs" c="dimmed" mb="xs">
              {t('report.fallbacksHint')}
            </Text>
            {r.fallbacks.map((row) => (
              <Group key={row.reason} justify="space-between" maw={360}>
                <Text size="sm">
                  {t(`report.fallbackReasons.${row.reason}`, { defaultValue: row.reason })}
                </Text>
                <Text size="sm" fw={700}>
                  {row.count}
                </Text>
              </Group>
            ))}
          </div>
        </SimpleGrid>
      </Paper>
      <Title order={2} size="h3" mb={4}>
        {t('report.perPractitioner')}
      </Title>
      <Text c="dimmed" size="sm" mb="md" maw={720}>
        {t('report.perPractitionerHint')}
      </Text>
      <NoShowTable rows={report.practitioners} format={format} />
    </>
  );
}

function channelName(channel: string): string {
  return Object.entries(CHANNEL_NAMES).find(([type]) => type === channel)?.[1] ?? channel;
}

function Figure({ label, value, note }: { label: string; value: number; note?: string | null }) {
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      <div className={classes.figure}>{value}</div>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </div>
  );
}
