import { Alert, Button, Card, Group, Progress, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Broadcast, broadcastKeys, broadcastsApi, inFlight, progressOf } from '../api/broadcasts-api.ts';
import { describeError } from '../api/describe-error.ts';
import { useFormatters } from '../format/formatters.ts';
import { useSignedIn } from '../session/session-context.tsx';
import { StandaloneHeader } from '../session/standalone-header.tsx';
import { Icon } from '../ui/icons.tsx';
import classes from './broadcasts.module.css';
import { useGroupNames } from './group-names.ts';
import { HealthOnlyNotice } from './health-only-notice.tsx';
import { useBroadcastsLive } from './live-broadcasts.ts';
import { BroadcastStatusBadge } from './status-badge.tsx';

/** The clinic's broadcasts, newest first, with where each stands. */
export function BroadcastsPage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormatters(user.org.time_zone);
  useBroadcastsLive();
  const groupNames = useGroupNames();
  const list = useInfiniteQuery({
    queryKey: broadcastKeys.list,
    queryFn: ({ pageParam }) => broadcastsApi.list(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const broadcasts = list.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <div className={classes.shell}>
      <StandaloneHeader />
      <main className={classes.page}>
        <Group justify="space-between" align="flex-end" gap="md" mb="lg">
          <div>
            <Title order={1} size="h2">
              {t('broadcasts.title')}
            </Title>
            <Text c="dimmed" size="sm" mt={4} maw={620}>
              {t('broadcasts.description', { zone: user.org.time_zone })}
            </Text>
          </div>
          <Button component={Link} to="/broadcasts/new" leftSection={<Icon name="plus" size={16} />}>
            {t('broadcasts.new')}
          </Button>
        </Group>
        <Stack gap="lg">
          <HealthOnlyNotice />
          {list.error ? (
            <Alert color="red" icon={<Icon name="alert" size={18} />} title={t('broadcasts.failed')}>
              {describeError(list.error, t)}
            </Alert>
          ) : !list.data ? (
            <Skeleton h={240} radius="md" />
          ) : broadcasts.length === 0 ? (
            <Card withBorder radius="md" padding="xl">
              <Text c="dimmed" ta="center">
                {t('broadcasts.empty')}
              </Text>
            </Card>
          ) : (
            <Card withBorder radius="md" padding={0}>
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('broadcasts.columns.name')}</Table.Th>
                    <Table.Th>{t('broadcasts.columns.status')}</Table.Th>
                    <Table.Th>{t('broadcasts.columns.sendAt')}</Table.Th>
                    <Table.Th w={260}>{t('broadcasts.columns.progress')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {broadcasts.map((broadcast) => {
                    return (
                      <Table.Tr key={broadcast.id}>
                        <Table.Td>
                          <Link to={`/broadcasts/${broadcast.id}`} className={classes.rowLink}>
                            {broadcast.name}
                          </Link>
                          {groupNames.get(broadcast.group_id) && (
                            <Text size="xs" c="dimmed">
                              {groupNames.get(broadcast.group_id)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <BroadcastStatusBadge status={broadcast.status} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{format.dateTime(broadcast.send_at)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <RowProgress broadcast={broadcast} />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Card>
          )}
          {list.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                loading={list.isFetchingNextPage}
                onClick={() => list.fetchNextPage()}
              >
                {t('broadcasts.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      </main>
    </div>
  );
}

/** A row's progress bar: its report, fetched for the row (the list carries none), kept live. */
function RowProgress({ broadcast }: { broadcast: Broadcast }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: broadcastKeys.one(broadcast.id),
    queryFn: () => broadcastsApi.get(broadcast.id),
    staleTime: inFlight(broadcast) ? 5_000 : 300_000,
  });
  if (!report.data) return <Skeleton h={8} radius="xl" />;
  const progress = progressOf(report.data.report);
  return (
    <>
      <Progress
        value={progress.percent}
        size="sm"
        radius="xl"
        color={broadcast.status === 'cancelled' ? 'gray' : 'careline'}
        aria-label={t('broadcasts.columns.progress')}
      />
      <Text size="xs" c="dimmed" mt={4} className={classes.numbers}>
        {t('broadcasts.progressLabel', { done: progress.done, total: progress.total })}
      </Text>
    </>
  );
}
