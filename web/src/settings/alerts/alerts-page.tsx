import { Alert, Badge, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import type { AlertKind, OperatorAlert } from '../../api/settings-types.ts';
import { useFormatters } from '../../format/formatters.ts';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { PageHeader } from '../page-header.tsx';

const KNOWN_KINDS: readonly AlertKind[] = [
  'channel_token_invalid',
  'inbound_not_stored',
  'inbound_item_refused',
  'line_quota_warning',
  'webhook_subscription_disabled',
];

/**
 * What Careline could not do on its own: a refused access token, a delivery it could not store, a
 * patient's message it could not read. A delivery is kept, and an administrator retries it here once
 * the cause is fixed; an alert that a retry cannot help is marked resolved once seen to.
 */
export function AlertsPage() {
  const { t } = useTranslation();
  const alerts = useQuery({
    queryKey: settingsKeys.alerts,
    queryFn: settingsApi.alerts,
    // A retried delivery that fails again comes back within seconds: keep the list current.
    refetchInterval: 10_000,
  });
  return (
    <>
      <PageHeader title={t('settings.alerts.title')} description={t('settings.alerts.description')} />
      {alerts.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md">
          {describeError(alerts.error, t)}
        </Alert>
      )}
      {alerts.isPending && <Skeleton height={96} radius="lg" />}
      {alerts.isSuccess && alerts.data.data.length === 0 && (
        <Paper withBorder radius="lg" p="lg">
          <Text c="dimmed" size="sm" ta="center">
            {t('settings.alerts.empty')}
          </Text>
        </Paper>
      )}
      <Stack gap="sm">
        {alerts.data?.data.map((alert) => (
          <AlertCard key={alert.id} alert={alert} />
        ))}
      </Stack>
    </>
  );
}

function AlertCard({ alert }: { alert: OperatorAlert }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const kind = KNOWN_KINDS.find((known) => known === alert.kind) ?? 'other';
  const retry = useMutation({
    mutationFn: () => settingsApi.retryAlert(alert.id),
    onSuccess: () => {
      notify(t('settings.alerts.retried'), 'careline');
      void queryClient.invalidateQueries({ queryKey: settingsKeys.alerts });
    },
  });
  const resolve = useMutation({
    mutationFn: () => settingsApi.resolveAlert(alert.id),
    onSuccess: () => {
      notify(t('settings.alerts.resolved'), 'careline');
      void queryClient.invalidateQueries({ queryKey: settingsKeys.alerts });
    },
  });
  const failed = retry.error ?? resolve.error;
  return (
    <Paper withBorder radius="lg" p="md" data-testid="operator-alert" data-kind={alert.kind}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <div>
          <Group gap="xs" mb={4}>
            <Icon name="alert" size={16} />
            <Text fw={600}>{t(`settings.alerts.kinds.${kind}`)}</Text>
            <Badge variant="light" color="gray" size="sm">
              {t('settings.alerts.raisedAt', { at: format.dateTime(alert.created_at) })}
            </Badge>
          </Group>
          {kind !== 'other' && (
            <Text size="sm" mb={4}>
              {t(`settings.alerts.hints.${kind}`)}
            </Text>
          )}
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {alert.detail}
          </Text>
          {failed && (
            <Text size="sm" c="red" mt={4} role="alert">
              {describeError(failed, t)}
            </Text>
          )}
        </div>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {alert.retryable && (
            <Button
              variant="light"
              leftSection={<Icon name="refresh" size={16} />}
              loading={retry.isPending}
              disabled={resolve.isPending}
              onClick={() => retry.mutate()}
            >
              {t('settings.alerts.retry')}
            </Button>
          )}
          {/* A retry is what fixes a delivery; resolving one is for what a retry cannot help. */}
          <Button
            variant={alert.retryable ? 'subtle' : 'light'}
            color={alert.retryable ? 'gray' : undefined}
            leftSection={<Icon name="check" size={16} />}
            loading={resolve.isPending}
            disabled={retry.isPending}
            onClick={() => resolve.mutate()}
          >
            {t('settings.alerts.resolve')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
