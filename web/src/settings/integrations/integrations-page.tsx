import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import {
  integrationsApi,
  integrationsKeys,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
  type WebhookSubscription,
} from '../../api/integrations-api.ts';
import { useFormatters } from '../../format/formatters.ts';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { PageHeader } from '../page-header.tsx';

/**
 * Signed outbound webhooks: where the clinic's events go, the secret shown once, and each
 * subscription's delivery log with a replay per delivery.
 */
export function IntegrationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const subscriptions = useQuery({
    queryKey: integrationsKeys.subscriptions,
    queryFn: integrationsApi.subscriptions,
  });
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<WebhookSubscription | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: integrationsKeys.subscriptions });
  const act = useMutation({
    mutationFn: async (action: { kind: 'test' | 'on' | 'off' | 'rotate' | 'remove'; id: string }) => {
      if (action.kind === 'test') await integrationsApi.sendTest(action.id);
      if (action.kind === 'on' || action.kind === 'off')
        await integrationsApi.setActive(action.id, action.kind === 'on');
      if (action.kind === 'rotate') setSecret((await integrationsApi.rotateSecret(action.id)).secret);
      if (action.kind === 'remove') await integrationsApi.remove(action.id);
    },
    onSuccess: (_nothing, action) => {
      void refresh();
      if (action.kind === 'test') notify(t('integrations.testQueued'), 'careline');
      if (action.kind === 'remove') {
        if (logOf?.id === action.id) setLogOf(null);
        notify(t('integrations.removed'), 'careline');
      }
    },
  });

  return (
    <>
      <PageHeader
        title={t('integrations.title')}
        description={t('integrations.description')}
        action={
          <Button
            leftSection={<Icon name="plus" size={16} />}
            onClick={() => setCreating(true)}
            disabled={creating}
          >
            {t('integrations.newButton')}
          </Button>
        }
      />
      {secret !== null && (
        <Alert
          color="yellow"
          variant="light"
          icon={<Icon name="key" />}
          mb="md"
          title={t('integrations.secretTitle')}
        >
          <Stack gap="xs">
            <Text size="sm">{t('integrations.secretHint')}</Text>
            <Code block data-testid="webhook-secret">
              {secret}
            </Code>
            <Group>
              <Button size="xs" variant="light" onClick={() => setSecret(null)}>
                {t('integrations.secretDone')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {creating && (
        <NewSubscriptionForm
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            setSecret(created.secret);
            setLogOf(created);
            void refresh();
            notify(t('integrations.created'), 'careline');
          }}
        />
      )}
      {(subscriptions.isError || act.isError) && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md">
          {describeError(subscriptions.error ?? act.error, t)}
        </Alert>
      )}
      {subscriptions.isPending && <Skeleton height={96} radius="lg" />}
      {subscriptions.data?.length === 0 && !creating && <Text c="dimmed">{t('integrations.empty')}</Text>}
      {subscriptions.data && subscriptions.data.length > 0 && (
        <Paper withBorder radius="lg" mb="lg">
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('integrations.columns.url')}</Table.Th>
                  <Table.Th>{t('integrations.columns.events')}</Table.Th>
                  <Table.Th>{t('integrations.columns.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {subscriptions.data.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                        {s.url}
                      </Text>
                      {s.description && (
                        <Text size="xs" c="dimmed">
                          {s.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t('integrations.eventCount', { count: s.events.length })}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={s.active ? 'teal' : s.disabled_reason ? 'red' : 'gray'} variant="light">
                        {s.active
                          ? t('integrations.active')
                          : s.disabled_reason
                            ? t('integrations.failing')
                            : t('integrations.off')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => setLogOf(s)}>
                          {t('integrations.showLog')}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => act.mutate({ kind: 'test', id: s.id })}
                        >
                          {t('integrations.sendTest')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => act.mutate({ kind: s.active ? 'off' : 'on', id: s.id })}
                        >
                          {s.active ? t('integrations.turnOff') : t('integrations.turnOn')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => act.mutate({ kind: 'rotate', id: s.id })}
                        >
                          {t('integrations.rotate')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => act.mutate({ kind: 'remove', id: s.id })}
                        >
                          {t('integrations.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {logOf && <DeliveryLog subscription={logOf} />}
    </>
  );
}

function NewSubscriptionForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (created: WebhookSubscription & { secret: string }) => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['message.received']);
  const [includeText, setIncludeText] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      integrationsApi.create({ url, events, description, include_message_text: includeText, active: true }),
    onSuccess: onCreated,
  });
  return (
    <Paper withBorder radius="lg" p="lg" mb="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('integrations.url')}
            description={t('integrations.urlHint')}
            placeholder="https://"
            value={url}
            onChange={(event) => setUrl(event.currentTarget.value)}
            required
          />
          <TextInput
            label={t('integrations.descriptionLabel')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            maxLength={200}
          />
          <Checkbox.Group
            label={t('integrations.events')}
            value={events}
            onChange={(chosen) => setEvents(WEBHOOK_EVENT_TYPES.filter((e) => chosen.includes(e)))}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
              {WEBHOOK_EVENT_TYPES.map((event) => (
                <Checkbox key={event} value={event} label={<Code>{event}</Code>} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Switch
            label={t('integrations.includeText')}
            description={t('integrations.includeTextHint')}
            checked={includeText}
            onChange={(event) => setIncludeText(event.currentTarget.checked)}
          />
          {create.isError && (
            <Alert color="red" variant="light" icon={<Icon name="alert" />}>
              {describeError(create.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onCancel}>
              {t('integrations.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={events.length === 0}>
              {t('integrations.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function DeliveryLog({ subscription }: { subscription: WebhookSubscription }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const deliveries = useQuery({
    queryKey: integrationsKeys.deliveries(subscription.id),
    queryFn: () => integrationsApi.deliveries(subscription.id),
    // Retries and new events land within seconds.
    refetchInterval: 3_000,
  });
  const replay = useMutation({
    mutationFn: (deliveryId: string) => integrationsApi.replay(subscription.id, deliveryId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: integrationsKeys.deliveries(subscription.id) });
      notify(t('integrations.replayed'), 'careline');
    },
  });
  return (
    <section aria-label={t('integrations.logTitle', { url: subscription.url })}>
      <Text fw={600} mb="xs">
        {t('integrations.logTitle', { url: subscription.url })}
      </Text>
      {deliveries.data?.length === 0 && <Text c="dimmed">{t('integrations.logEmpty')}</Text>}
      {deliveries.data && deliveries.data.length > 0 && (
        <Paper withBorder radius="lg">
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="xs" horizontalSpacing="md" data-testid="delivery-log">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('integrations.columns.when')}</Table.Th>
                  <Table.Th>{t('integrations.columns.event')}</Table.Th>
                  <Table.Th>{t('integrations.columns.status')}</Table.Th>
                  <Table.Th>{t('integrations.columns.attempts')}</Table.Th>
                  <Table.Th>{t('integrations.columns.response')}</Table.Th>
                  <Table.Th>{t('integrations.columns.duration')}</Table.Th>
                  <Table.Th>{t('integrations.columns.next')}</Table.Th>
                  <Table.Th>{t('integrations.columns.error')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.data.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{format.dateTime(d.occurred_at)}</Table.Td>
                    <Table.Td>
                      <Code>{d.event_type}</Code>
                    </Table.Td>
                    <Table.Td style={{ minWidth: 120 }}>
                      <Badge
                        variant="light"
                        color={d.status === 'succeeded' ? 'teal' : d.status === 'failed' ? 'red' : 'yellow'}
                      >
                        {t(`integrations.deliveryStatus.${d.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{d.attempts}</Table.Td>
                    <Table.Td>{d.response_status ?? '—'}</Table.Td>
                    <Table.Td>{d.duration_ms === null ? '—' : `${d.duration_ms} ms`}</Table.Td>
                    <Table.Td>{d.next_attempt_at ? format.dateTime(d.next_attempt_at) : '—'}</Table.Td>
                    <Table.Td>{d.error ?? '—'}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="subtle" onClick={() => replay.mutate(d.id)}>
                        {t('integrations.replay')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </section>
  );
}
