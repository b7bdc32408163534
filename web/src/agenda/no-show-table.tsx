import { Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NoShowFigures, ReminderReport } from '../api/reminder-types.ts';
import type { AgendaFormat } from './agenda-format.ts';
import classes from './agenda-report.module.css';

/** Per practitioner: appointments, no-shows, and the no-show rate with and without a confirmed reminder. */
export function NoShowTable({
  rows,
  format,
}: {
  rows: ReminderReport['practitioners'];
  format: AgendaFormat;
}) {
  const { t } = useTranslation();
  const rate = (figures: NoShowFigures) =>
    figures.no_show_rate === null ? (
      <Text span c="dimmed">
        —
      </Text>
    ) : (
      <>
        <span className={classes.rate}>{format.percent(figures.no_show_rate)}</span>
        <Text span size="xs" c="dimmed" ml={6}>
          {t('report.outOf', { noShows: figures.no_shows, appointments: figures.appointments })}
        </Text>
      </>
    );
  return (
    <Paper withBorder radius="lg">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" horizontalSpacing="md" data-testid="no-show-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('report.practitioner')}</Table.Th>
              <Table.Th ta="right">{t('report.appointments')}</Table.Th>
              <Table.Th ta="right">{t('report.noShows')}</Table.Th>
              <Table.Th ta="right">{t('report.rate')}</Table.Th>
              <Table.Th ta="right">{t('report.withConfirmed')}</Table.Th>
              <Table.Th ta="right">{t('report.withoutConfirmed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed" ta="center" py="md">
                    {t('report.none')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((row) => (
              <Table.Tr key={row.practitioner_id}>
                <Table.Td fw={600}>{row.name}</Table.Td>
                <Table.Td ta="right" className={classes.number}>
                  {row.appointments}
                </Table.Td>
                <Table.Td ta="right" className={classes.number}>
                  {row.no_shows}
                </Table.Td>
                <Table.Td ta="right" className={classes.number}>
                  {rate(row)}
                </Table.Td>
                <Table.Td ta="right" className={classes.number}>
                  {rate(row.with_confirmed_reminder)}
                </Table.Td>
                <Table.Td ta="right" className={classes.number}>
                  {rate(row.without_confirmed_reminder)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
