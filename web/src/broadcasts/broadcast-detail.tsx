import {
  Alert,
  Button,
  Card,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type Broadcast,
  type BroadcastReport,
  type BroadcastWithReport,
  broadcastKeys,
  broadcastsApi,
  inFlight,
  progressOf,
  RECIPIENT_STATES,
} from '../api/broadcasts-api.ts';
import { describeError } from '../api/describe-error.ts';
import { ApiError } from '../api/http-client.ts';
import { useFormatters } from '../format/formatters.ts';
import { useLiveState } from '../live/live-events-provider.tsx';
import { useSignedIn } from '../session/session-context.tsx';
import { StandaloneHeader } from '../session/standalone-header.tsx';
import { ConfirmDialog } from '../settings/confirm-dialog.tsx';
import { Icon } from '../ui/icons.tsx';
import { useNotify } from '../ui/toasts.tsx';
import classes from './broadcasts.module.css';
import { useGroupNames } from './group-names.ts';
import { useBroadcastsLive } from './live-broadcasts.ts';
import { BroadcastStatusBadge } from './status-badge.tsx';

const ALL = 'all';

/** One broadcast: its live report, its patients by state, and a way to stop it while it runs. */
export function BroadcastDetail() {
  const { broadcastId = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormatters(user.org.time_zone);
  useBroadcastsLive(broadcastId);
  const live = useLiveState();
  const groupNames = useGroupNames();
  const broadcast = useQuery({
    queryKey: broadcastKeys.one(broadcastId),
    queryFn: () => broadcastsApi.get(broadcastId),
    // The live feed moves it; without the stream, it is looked at again every few seconds while it runs.
    refetchInterval: (query) =>
      live !== 'live' && query.state.data && inFlight(query.state.data) ? 5_000 : false,
  });

  return (
    <div className={classes.shell}>
      <StandaloneHeader />
      <main className={classes.page}>
        <Button
          component={Link}
          to="/broadcasts"
          variant="subtle"
          size="xs"
          leftSection={<Icon name="arrowLeft" size={14} />}
          mb="sm"
        >
          {t('broadcasts.back')}
        </Button>
        {broadcast.error ? (
          <Alert color="red" icon={<Icon name="alert" size={18} />} title={t('broadcasts.detail.failed')}>
            {broadcast.error instanceof ApiError && broadcast.error.status === 404
              ? t('broadcasts.detail.notFound')
              : describeError(broadcast.error, t)}
          </Alert>
        ) : !broadcast.data ? (
          <Skeleton h={400} radius="md" />
        ) : (
          <Stack gap="lg">
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="sm">
                  <Title order={1} size="h2">
                    {broadcast.data.name}
                  </Title>
                  <BroadcastStatusBadge status={broadcast.data.status} />
                </Group>
                <Text c="dimmed" size="sm" mt={4}>
                  {[
                    groupNames.get(broadcast.data.group_id)
                      ? t('broadcasts.detail.group', { name: groupNames.get(broadcast.data.group_id) })
                      : null,
                    whenOf(broadcast.data, format.dateTime, t),
                    t('broadcasts.detail.quietHours', broadcast.data.quiet_hours),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </div>
              {inFlight(broadcast.data) && <CancelButton broadcastId={broadcast.data.id} />}
            </Group>
            <ReportCard broadcast={broadcast.data} />
            <MessageCard broadcast={broadcast.data} />
            <RecipientsCard broadcastId={broadcast.data.id} />
          </Stack>
        )}
      </main>
    </div>
  );
}

function whenOf(broadcast: Broadcast, dateTime: (iso: string) => string, t: TFunction): string {
  if (broadcast.status === 'cancelled' && broadcast.cancelled_at)
    return t('broadcasts.detail.cancelledAt', { when: dateTime(broadcast.cancelled_at) });
  if (broadcast.status === 'completed' && broadcast.completed_at)
    return t('broadcasts.detail.completedAt', { when: dateTime(broadcast.completed_at) });
  if (broadcast.status === 'scheduled')
    return t('broadcasts.detail.scheduledFor', { when: dateTime(broadcast.send_at) });
  return t('broadcasts.detail.startedAt', { when: dateTime(broadcast.started_at ?? broadcast.send_at) });
}

function CancelButton({ broadcastId }: { broadcastId: string }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const cancel = useMutation({
    mutationFn: () => broadcastsApi.cancel(broadcastId),
    onSuccess: (broadcast) => {
      queryClient.setQueryData(broadcastKeys.one(broadcastId), broadcast);
      void queryClient.invalidateQueries({ queryKey: broadcastKeys.all });
      setAsking(false);
      notify(t('broadcasts.detail.cancelled'), 'careline');
    },
  });
  return (
    <>
      <Button
        color="red"
        variant="light"
        leftSection={<Icon name="cancel" size={16} />}
        onClick={() => setAsking(true)}
      >
        {t('broadcasts.detail.cancel')}
      </Button>
      <ConfirmDialog
        opened={asking}
        title={t('broadcasts.detail.cancelTitle')}
        body={t('broadcasts.detail.cancelBody')}
        confirmLabel={t('broadcasts.detail.cancelConfirm')}
        danger
        busy={cancel.isPending}
        error={cancel.error ? describeError(cancel.error, t) : null}
        onConfirm={() => cancel.mutate()}
        onClose={() => setAsking(false)}
      />
    </>
  );
}

/** In two rows: where the patients stand, then what became of the messages. */
const COUNTS = [
  'targeted',
  'pending',
  'queued',
  'skipped',
  'failed',
  'sent',
  'delivered',
  'read',
  'replied',
  'opted_out',
] as const;

function countOf(report: BroadcastReport, key: (typeof COUNTS)[number]): number {
  const value = report[key];
  return typeof value === 'number' ? value : value.total;
}

function ReportCard({ broadcast }: { broadcast: BroadcastWithReport }) {
  const { t } = useTranslation();
  const { report } = broadcast;
  const progress = progressOf(report);
  const reasons = Object.entries(report.skipped.by_reason).flatMap(([reason, n]) =>
    n ? [[reason, n] as const] : [],
  );
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('broadcasts.detail.report')}</Text>
        {inFlight(broadcast) && (
          <Text size="xs" c="dimmed">
            {t('broadcasts.detail.live')}
          </Text>
        )}
      </Group>
      <Progress
        value={progress.percent}
        size="lg"
        radius="xl"
        striped={broadcast.status === 'sending'}
        animated={broadcast.status === 'sending'}
        color={broadcast.status === 'cancelled' ? 'gray' : 'careline'}
        aria-label={t('broadcasts.columns.progress')}
      />
      <Text size="sm" c="dimmed" mt={6} className={classes.numbers} data-testid="broadcast-progress">
        {broadcast.status === 'scheduled' && report.targeted === 0
          ? t('broadcasts.detail.notStarted')
          : t('broadcasts.detail.progress', progress)}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="md" mt="lg">
        {COUNTS.map((key) => (
          <div key={key} data-testid={`count-${key}`}>
            <Text size="xs" c="dimmed">
              {t(`broadcasts.detail.counts.${key}`)}
            </Text>
            <Text className={classes.count}>{countOf(report, key).toLocaleString()}</Text>
          </div>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mt="lg">
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('broadcasts.detail.skippedTitle')}
          </Text>
          {reasons.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('broadcasts.detail.none')}
            </Text>
          ) : (
            <Table
              withRowBorders={false}
              verticalSpacing={2}
              aria-label={t('broadcasts.detail.skippedTitle')}
            >
              <Table.Tbody>
                {reasons.map(([reason, n]) => (
                  <Table.Tr key={reason}>
                    <Table.Td>{t(`broadcasts.detail.reason.${reason}`, { defaultValue: reason })}</Table.Td>
                    <Table.Td ta="right" className={classes.numbers}>
                      {n.toLocaleString()}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('broadcasts.detail.failedTitle')}
          </Text>
          {report.failed.by_error.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('broadcasts.detail.none')}
            </Text>
          ) : (
            <Table withRowBorders={false} verticalSpacing={2} aria-label={t('broadcasts.detail.failedTitle')}>
              <Table.Tbody>
                {report.failed.by_error.map((failure) => (
                  <Table.Tr key={`${failure.code}-${failure.reason}`}>
                    <Table.Td>
                      {[failure.code, failure.reason].filter((part) => part !== null).join(' · ')}
                    </Table.Td>
                    <Table.Td ta="right" className={classes.numbers}>
                      {failure.count.toLocaleString()}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      </SimpleGrid>
    </Card>
  );
}

function MessageCard({ broadcast }: { broadcast: Broadcast }) {
  const { t } = useTranslation();
  const entries = Object.entries(broadcast.content);
  return (
    <Card withBorder radius="md" padding="lg">
      <Text fw={600} mb="sm">
        {t('broadcasts.detail.message')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: entries.length > 1 ? 2 : 1 }} spacing="md">
        {entries.map(([language, item]) => (
          <div key={language}>
            <Text size="xs" c="dimmed" mb={4}>
              {language.toUpperCase()}
              {language === broadcast.default_language ? ' ★' : ''}
            </Text>
            <div className={classes.preview}>
              {item?.text ??
                (item?.template
                  ? `${item.template.name} (${item.template.language})${
                      item.template.parameters.length ? ` · ${item.template.parameters.join(', ')}` : ''
                    }`
                  : '')}
            </div>
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function RecipientsCard({ broadcastId }: { broadcastId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<string>(ALL);
  const filter = state === ALL ? null : state;
  const recipients = useInfiniteQuery({
    queryKey: broadcastKeys.recipients(broadcastId, filter),
    queryFn: ({ pageParam }) => broadcastsApi.recipients(broadcastId, filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const rows = recipients.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Card withBorder radius="md" padding="lg">
      <Stack gap="xs" mb="sm">
        <Text fw={600}>{t('broadcasts.detail.recipients')}</Text>
        <SegmentedControl
          size="xs"
          fullWidth
          aria-label={t('broadcasts.detail.state')}
          value={state}
          onChange={setState}
          data={[
            { value: ALL, label: t('broadcasts.detail.allStates') },
            ...RECIPIENT_STATES.map((value) => ({ value, label: t(`broadcasts.state.${value}`) })),
          ]}
        />
      </Stack>
      {recipients.error ? (
        <Alert color="red" icon={<Icon name="alert" size={18} />}>
          {describeError(recipients.error, t)}
        </Alert>
      ) : !recipients.data ? (
        <Skeleton h={120} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          {t('broadcasts.detail.noRecipients')}
        </Text>
      ) : (
        <Table verticalSpacing="xs" aria-label={t('broadcasts.detail.recipients')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('broadcasts.detail.patient')}</Table.Th>
              <Table.Th>{t('broadcasts.detail.state')}</Table.Th>
              <Table.Th>{t('broadcasts.detail.channel')}</Table.Th>
              <Table.Th>{t('broadcasts.detail.detailColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{row.contact_name ?? t('broadcasts.detail.unknownPatient')}</Table.Td>
                <Table.Td>{t(`broadcasts.state.${row.state}`)}</Table.Td>
                <Table.Td>{row.channel ?? '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {row.state === 'skipped' && row.reason
                      ? t(`broadcasts.detail.reason.${row.reason}`, { defaultValue: row.reason })
                      : row.state === 'failed'
                        ? [row.error_code, row.reason].filter((part) => part !== null).join(' · ')
                        : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {recipients.hasNextPage && (
        <Group justify="center" mt="sm">
          <Button
            variant="default"
            size="xs"
            loading={recipients.isFetchingNextPage}
            onClick={() => recipients.fetchNextPage()}
          >
            {t('broadcasts.loadMore')}
          </Button>
        </Group>
      )}
    </Card>
  );
}
