import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './reports-page.module.css';

export interface DataTable {
  caption: string;
  head: string[];
  rows: Array<Array<string | number>>;
}

/**
 * A report's chart with its title and a sentence that says what it shows, and the same figures as a
 * table behind "Show the figures": what a screen reader reads, and what a person copies.
 */
export function ChartCard({
  title,
  summary,
  table,
  children,
  empty,
}: {
  title: string;
  summary: string;
  table: DataTable;
  children: ReactNode;
  empty?: boolean;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Paper withBorder radius="md" p="lg" className={classes.card}>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={titleId}>
            {title}
          </Title>
          <Text size="sm" c="dimmed" mt={2}>
            {summary}
          </Text>
        </div>
        {empty ? (
          <Text size="sm" c="dimmed" className={classes.empty}>
            {t('reports.nothing')}
          </Text>
        ) : (
          <figure className={classes.figure} aria-labelledby={titleId}>
            {children}
          </figure>
        )}
        {!empty && (
          <details className={classes.details}>
            <summary>{t('reports.showFigures')}</summary>
            <Table striped withTableBorder mt="xs" fz="sm">
              <caption className={classes.caption}>{table.caption}</caption>
              <Table.Thead>
                <Table.Tr>
                  {table.head.map((h) => (
                    <Table.Th key={h}>{h}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {table.rows.map((row) => (
                  <Table.Tr key={row.join('|')}>
                    {row.map((cell, i) => (
                      <Table.Td key={table.head[i]} ta={i === 0 ? undefined : 'right'}>
                        {cell}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </details>
        )}
      </Stack>
    </Paper>
  );
}
