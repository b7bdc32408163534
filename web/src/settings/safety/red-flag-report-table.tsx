import { Alert, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import type { RedFlagFigures } from '../../api/settings-types.ts';
import { redFlagLabel } from '../../format/red-flag-label.ts';
import { Icon } from '../../ui/icons.tsx';
import { humanDuration } from './human-duration.ts';

/** The last 30 days' red flags, per sign raised (the signs never raised are left out): how many, how many acknowledged, and how fast (p50, p90). */
export function RedFlagReportTable() {
  const { t, i18n } = useTranslation();
  const report = useQuery({ queryKey: settingsKeys.redFlagReport, queryFn: settingsApi.redFlagReport });
  const locale = i18n.resolvedLanguage ?? 'en';
  const duration = (seconds: number | null) =>
    seconds === null ? t('safety.settings.noTime') : humanDuration(seconds, locale);
  const row = (figures: RedFlagFigures, label: string, total = false) => (
    <Table.Tr key={figures.category} fw={total ? 700 : undefined}>
      <Table.Td>{label}</Table.Td>
      <Table.Td ta="right">{figures.count}</Table.Td>
      <Table.Td ta="right">{figures.acknowledged}</Table.Td>
      <Table.Td ta="right">{duration(figures.p50_seconds_to_acknowledgement)}</Table.Td>
      <Table.Td ta="right">{duration(figures.p90_seconds_to_acknowledgement)}</Table.Td>
    </Table.Tr>
  );

  return (
    <Paper withBorder radius="lg" p="lg" mt="lg">
      <Title order={2} size="h5">
        {t('safety.settings.report')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('safety.settings.reportHint')}
      </Text>
      {report.isPending && <Skeleton height={120} />}
      {report.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />}>
          {describeError(report.error, t)}
        </Alert>
      )}
      {report.isSuccess &&
        (report.data.total.count === 0 ? (
          <Text size="sm" c="dimmed">
            {t('safety.settings.none')}
          </Text>
        ) : (
          <Table verticalSpacing="xs" horizontalSpacing="md" aria-label={t('safety.settings.report')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('safety.settings.category')}</Table.Th>
                <Table.Th ta="right">{t('safety.settings.count')}</Table.Th>
                <Table.Th ta="right">{t('safety.settings.acknowledgedCount')}</Table.Th>
                <Table.Th ta="right">{t('safety.settings.p50')}</Table.Th>
                <Table.Th ta="right">{t('safety.settings.p90')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.categories
                .filter((figures) => figures.count > 0)
                .map((figures) => row(figures, capitalise(redFlagLabel(figures.category, t))))}
            </Table.Tbody>
            <Table.Tfoot>{row(report.data.total, t('safety.settings.total'), true)}</Table.Tfoot>
          </Table>
        ))}
    </Paper>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
