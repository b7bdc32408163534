import { BarChart, LineChart } from '@mantine/charts';
import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  CsatReport,
  MessageVolumeReport,
  RedFlagsReport,
  ReminderFunnelReport,
  ResponseTimesReport,
} from '../api/reports-api.ts';
import { redFlagLabel } from '../format/red-flag-label.ts';
import { humanDuration } from '../settings/safety/human-duration.ts';
import { CHANNEL_NAMES } from '../ui/channel-icon.tsx';
import { ChartCard } from './chart-card.tsx';
import classes from './reports-page.module.css';

const CHART_HEIGHT = 240;

function useDuration() {
  const { t, i18n } = useTranslation();
  return (seconds: number | null) =>
    seconds === null ? t('reports.none') : humanDuration(seconds, i18n.language);
}

/** The unit the chart's axis reads in: seconds for answers within two minutes, hours beyond two hours. */
function durationScale(longest: number): { unit: string; per: number } {
  if (longest < 120) return { unit: ' s', per: 1 };
  if (longest < 7200) return { unit: ' min', per: 60 };
  return { unit: ' h', per: 3600 };
}

/** First response and resolution, p50 and p90 per team, in minutes. */
export function ResponseTimesSection({ report }: { report: ResponseTimesReport }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const first = report.first_response;
  const name = (n: string | null, fallback: string) => n ?? fallback;
  const scale = durationScale(Math.max(0, ...first.teams.map((team) => team.p90_seconds ?? 0)));
  const scaled = (seconds: number | null) =>
    seconds === null ? 0 : Math.round((seconds / scale.per) * 10) / 10;
  const teams = first.teams.map((team) => ({
    team: name(team.name, t('reports.noTeam')),
    p50: scaled(team.p50_seconds),
    p90: scaled(team.p90_seconds),
  }));
  const p50 = t('reports.p50');
  const p90 = t('reports.p90');
  const rows = (kind: 'first_response' | 'resolution') => [
    ...report[kind].teams.map((r) => [
      `${t('reports.team')}: ${name(r.name, t('reports.noTeam'))}`,
      r.count,
      duration(r.p50_seconds),
      duration(r.p90_seconds),
    ]),
    ...report[kind].agents.map((r) => [
      `${t('reports.agent')}: ${name(r.name, t('reports.noAgent'))}`,
      r.count,
      duration(r.p50_seconds),
      duration(r.p90_seconds),
    ]),
  ];
  return (
    <ChartCard
      title={t('reports.responseTimes.title')}
      summary={[
        first.total.count === 0
          ? t('reports.responseTimes.noAnswers')
          : t('reports.responseTimes.summary', {
              count: first.total.count,
              p50: duration(first.total.p50_seconds),
              p90: duration(first.total.p90_seconds),
            }),
        report.resolution.total.count === 0
          ? ''
          : t('reports.responseTimes.resolved', {
              count: report.resolution.total.count,
              p50: duration(report.resolution.total.p50_seconds),
            }),
      ].join(' ')}
      empty={first.total.count === 0 && report.resolution.total.count === 0}
      table={{
        caption: t('reports.responseTimes.tableCaption'),
        head: [t('reports.who'), t('reports.conversations'), p50, p90],
        rows: [
          ...rows('first_response').map((r) => [
            `${t('reports.responseTimes.first')} · ${r[0]}`,
            ...r.slice(1),
          ]),
          ...rows('resolution').map((r) => [
            `${t('reports.responseTimes.resolution')} · ${r[0]}`,
            ...r.slice(1),
          ]),
        ],
      }}
    >
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" mb="sm">
        <Kpi label={t('reports.responseTimes.firstP50')} value={duration(first.total.p50_seconds)} />
        <Kpi label={t('reports.responseTimes.firstP90')} value={duration(first.total.p90_seconds)} />
        <Kpi
          label={t('reports.responseTimes.resolutionP50')}
          value={duration(report.resolution.total.p50_seconds)}
        />
      </SimpleGrid>
      <BarChart
        h={CHART_HEIGHT}
        data={teams}
        dataKey="team"
        maxBarWidth={56}
        unit={scale.unit}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        series={[
          { name: 'p50', label: p50, color: 'blue.5' },
          { name: 'p90', label: p90, color: 'indigo.8' },
        ]}
      />
    </ChartCard>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text className={classes.kpi}>{value}</Text>
    </div>
  );
}

/** Messages per hour of the day (stacked in and out) and per channel. */
export function MessageVolumeSection({ report }: { report: MessageVolumeReport }) {
  const { t } = useTranslation();
  const inbound = t('reports.volume.inbound');
  const outbound = t('reports.volume.outbound');
  const series = [
    { name: 'inbound', label: inbound, color: 'teal.6' },
    { name: 'outbound', label: outbound, color: 'blue.6' },
  ];
  const hours = report.by_hour.map((h) => ({ ...h, hour: `${String(h.hour).padStart(2, '0')}h` }));
  const channelName = (c: string) => CHANNEL_NAMES[c as keyof typeof CHANNEL_NAMES] ?? c;
  const busiest = report.by_hour.reduce(
    (best, h) => (h.inbound + h.outbound > best.inbound + best.outbound ? h : best),
    report.by_hour[0] ?? { hour: 0, inbound: 0, outbound: 0 },
  );
  const empty = report.total.inbound + report.total.outbound === 0;
  return (
    <ChartCard
      title={t('reports.volume.title')}
      summary={t('reports.volume.summary', {
        inbound: report.total.inbound,
        outbound: report.total.outbound,
        hour: busiest.hour,
        zone: report.time_zone,
      })}
      empty={empty}
      table={{
        caption: t('reports.volume.tableCaption', { zone: report.time_zone }),
        head: [t('reports.volume.when'), inbound, outbound],
        rows: [
          ...report.by_channel.map((c) => [channelName(c.channel), c.inbound, c.outbound]),
          ...report.by_hour
            .filter((h) => h.inbound + h.outbound > 0)
            .map((h) => [t('reports.volume.hour', { hour: h.hour }), h.inbound, h.outbound]),
        ],
      }}
    >
      <BarChart
        h={CHART_HEIGHT}
        data={hours}
        dataKey="hour"
        type="stacked"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        series={series}
        data-testid="volume-by-hour"
      />
      <Text size="sm" fw={600} mt="md" mb={4}>
        {t('reports.volume.byChannel')}
      </Text>
      <BarChart
        h={Math.max(80, 44 * report.by_channel.length)}
        data={report.by_channel.map((c) => ({ ...c, channel: channelName(c.channel) }))}
        dataKey="channel"
        orientation="vertical"
        type="stacked"
        yAxisProps={{ width: 90 }}
        series={series}
      />
    </ChartCard>
  );
}

/** The mean rating per day or week, with the latest comments. */
export function CsatSection({ report }: { report: CsatReport }) {
  const { t, i18n } = useTranslation();
  const average = t('reports.csat.average');
  const day = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      new Date(`${iso}T00:00:00Z`),
    );
  return (
    <ChartCard
      title={t('reports.csat.title')}
      summary={
        report.count === 0
          ? t('reports.csat.noAnswers')
          : t('reports.csat.summary', { count: report.count, average: report.average?.toFixed(2) ?? '' })
      }
      empty={report.count === 0}
      table={{
        caption: t(report.bucket === 'day' ? 'reports.csat.perDay' : 'reports.csat.perWeek'),
        head: [
          t(report.bucket === 'day' ? 'reports.csat.day' : 'reports.csat.week'),
          t('reports.csat.answers'),
          average,
        ],
        rows: report.trend.map((b) => [day(b.start), b.count, b.average.toFixed(2)]),
      }}
    >
      <LineChart
        h={CHART_HEIGHT}
        data={report.trend.map((b) => ({ ...b, start: day(b.start) }))}
        dataKey="start"
        yAxisProps={{ domain: [1, 5] }}
        curveType="monotone"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        series={[{ name: 'average', label: average, color: 'grape.6' }]}
      />
      {report.comments.length > 0 && (
        <Stack gap="xs" mt="md">
          <Text size="sm" fw={600}>
            {t('reports.csat.comments')}
          </Text>
          {report.comments.map((c) => (
            <Group key={c.id} gap="sm" wrap="nowrap" align="flex-start" className={classes.comment}>
              <Badge variant="light" color={c.rating >= 4 ? 'teal' : c.rating === 3 ? 'yellow' : 'red'}>
                {c.rating}/5
              </Badge>
              <Text size="sm">{c.comment}</Text>
            </Group>
          ))}
        </Stack>
      )}
    </ChartCard>
  );
}

/** Sent → delivered → answered → attended / no-show, in appointments. */
export function ReminderFunnelSection({ report }: { report: ReminderFunnelReport }) {
  const { t } = useTranslation();
  const steps = [
    { step: t('reports.funnel.sent'), count: report.sent },
    { step: t('reports.funnel.delivered'), count: report.delivered },
    { step: t('reports.funnel.answered'), count: report.answered },
    { step: t('reports.funnel.attended'), count: report.attended },
    { step: t('reports.funnel.noShows'), count: report.no_shows },
  ];
  return (
    <ChartCard
      title={t('reports.funnel.title')}
      summary={
        report.sent === 0
          ? t('reports.funnel.noneSent')
          : t('reports.funnel.summary', {
              sent: report.sent,
              confirmed: report.confirmed,
              cancelled: report.cancelled,
              rescheduled: report.rescheduled,
            })
      }
      empty={report.sent === 0}
      table={{
        caption: t('reports.funnel.tableCaption'),
        head: [t('reports.funnel.step'), t('reports.funnel.appointments')],
        rows: [
          ...steps.map((s) => [s.step, s.count]),
          [t('reports.funnel.confirmed'), report.confirmed],
          [t('reports.funnel.cancelled'), report.cancelled],
          [t('reports.funnel.rescheduled'), report.rescheduled],
        ],
      }}
    >
      <BarChart
        h={CHART_HEIGHT}
        data={steps}
        dataKey="step"
        maxBarWidth={64}
        series={[{ name: 'count', label: t('reports.funnel.appointments'), color: 'cyan.6' }]}
      />
    </ChartCard>
  );
}

/** Red flags per category, acknowledged or waiting, with the time to acknowledgement. */
export function RedFlagsSection({ report }: { report: RedFlagsReport }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const raised = report.categories.filter((c) => c.count > 0);
  const acknowledged = t('reports.redFlags.acknowledged');
  const waiting = t('reports.redFlags.unacknowledged');
  return (
    <ChartCard
      title={t('reports.redFlags.title')}
      summary={
        report.total.count === 0
          ? t('reports.redFlags.noneRaised')
          : t('reports.redFlags.summary', {
              count: report.total.count,
              waiting: report.total.unacknowledged,
              p50: duration(report.total.p50_seconds_to_acknowledgement),
              p90: duration(report.total.p90_seconds_to_acknowledgement),
            })
      }
      empty={report.total.count === 0}
      table={{
        caption: t('reports.redFlags.tableCaption'),
        head: [t('reports.redFlags.category'), acknowledged, waiting, t('reports.p50'), t('reports.p90')],
        rows: raised.map((c) => [
          redFlagLabel(c.category, t),
          c.acknowledged,
          c.unacknowledged,
          duration(c.p50_seconds_to_acknowledgement),
          duration(c.p90_seconds_to_acknowledgement),
        ]),
      }}
    >
      <BarChart
        h={Math.max(120, 48 * raised.length)}
        data={raised.map((c) => ({ ...c, category: redFlagLabel(c.category, t) }))}
        dataKey="category"
        orientation="vertical"
        type="stacked"
        yAxisProps={{ width: 140 }}
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        series={[
          { name: 'acknowledged', label: acknowledged, color: 'teal.6' },
          { name: 'unacknowledged', label: waiting, color: 'red.6' },
        ]}
      />
    </ChartCard>
  );
}
