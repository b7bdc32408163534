import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import type { Channel } from '../../api/settings-types.ts';
import { useCan } from '../../session/permissions.ts';
import { CHANNEL_NAMES, ChannelIcon } from '../../ui/channel-icon.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { useWhileClosing } from '../../ui/use-while-closing.ts';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { PageHeader } from '../page-header.tsx';
import { AddChannelDialog } from './add-channel-dialog.tsx';
import classes from './channels.module.css';
import { EditChannelDialog } from './edit-channel-dialog.tsx';

/** Settings › Channels: where patients write to the clinic, and where each provider delivers. */
export function ChannelsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const admin = can('settings.manage');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const channels = useQuery({ queryKey: settingsKeys.channels, queryFn: settingsApi.channels });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Channel | null>(null);
  const [removing, setRemoving] = useState<Channel | null>(null);
  const confirming = useWhileClosing(removing);
  const remove = useMutation({
    mutationFn: (channel: Channel) => settingsApi.removeChannel(channel.id),
    onSuccess: (_nothing, channel) => {
      setRemoving(null);
      void queryClient.invalidateQueries({ queryKey: settingsKeys.channels });
      notify(t('channels.removed', { name: channel.name }), 'careline');
    },
  });
  const list = channels.data?.data ?? [];

  return (
    <>
      <PageHeader
        title={t('channels.title')}
        description={t('channels.description')}
        action={
          admin ? (
            <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setAdding(true)}>
              {t('channels.add')}
            </Button>
          ) : undefined
        }
      />
      {!admin && (
        <Alert color="gray" variant="light" icon={<Icon name="lock" />} mb="md">
          {t('channels.readOnly')}
        </Alert>
      )}
      {channels.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md">
          {describeError(channels.error, t)}
        </Alert>
      )}
      <Paper withBorder radius="lg">
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('channels.name')}</Table.Th>
                <Table.Th w={180}>{t('channels.stateColumn')}</Table.Th>
                <Table.Th>{t('channels.webhook')}</Table.Th>
                {admin && (
                  <Table.Th w={100}>
                    <VisuallyHidden>{t('settings.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {channels.isPending && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Skeleton height={28} />
                  </Table.Td>
                </Table.Tr>
              )}
              {channels.isSuccess && list.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text c="dimmed" size="sm" ta="center" py="md">
                      {t('channels.empty')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {list.map((channel) => (
                <Table.Tr key={channel.id} data-testid="channel-row" data-channel-type={channel.type}>
                  <Table.Td>
                    <Group gap="sm" wrap="nowrap">
                      <ChannelIcon type={channel.type} size={26} />
                      <Stack gap={0}>
                        <Text fw={600} size="sm">
                          {channel.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {CHANNEL_NAMES[channel.type]} ·{' '}
                          {channel.display_phone_number ?? channel.external_id}
                        </Text>
                      </Stack>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {channel.state === 'active' ? (
                      <Badge variant="light" color="green">
                        {t('channels.state.active')}
                      </Badge>
                    ) : (
                      <Tooltip label={t('channels.state.cannot_sendHint')} withArrow multiline w={260}>
                        <Badge variant="light" color="orange" style={{ overflow: 'visible' }}>
                          {t('channels.state.cannot_send')}
                        </Badge>
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {channel.webhook_url ? (
                      <Group gap={6} wrap="nowrap">
                        <Code className={classes.webhook} data-testid="webhook-url">
                          {channel.webhook_url}
                        </Code>
                        <CopyButton value={channel.webhook_url} timeout={1500}>
                          {({ copied, copy }) => (
                            <Tooltip label={copied ? t('channels.copied') : t('channels.copy')} withArrow>
                              <ActionIcon
                                variant="subtle"
                                color={copied ? 'green' : 'gray'}
                                aria-label={t('channels.copy')}
                                onClick={copy}
                              >
                                <Icon name={copied ? 'check' : 'copy'} size={16} />
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </CopyButton>
                      </Group>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('channels.noWebhook')}
                      </Text>
                    )}
                  </Table.Td>
                  {admin && (
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('channels.edit', { name: channel.name })} withArrow>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('channels.edit', { name: channel.name })}
                            onClick={() => setEditing(channel)}
                          >
                            <Icon name="pencil" size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('channels.remove', { name: channel.name })} withArrow>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('channels.remove', { name: channel.name })}
                            onClick={() => {
                              remove.reset();
                              setRemoving(channel);
                            }}
                          >
                            <Icon name="trash" size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <AddChannelDialog
        opened={adding}
        onClose={() => setAdding(false)}
        onAdded={(channel) => {
          setAdding(false);
          notify(t('channels.added', { name: channel.name }), 'careline');
        }}
      />
      <EditChannelDialog
        channel={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          notify(t('channels.saved'), 'careline');
        }}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={t('channels.removeTitle', { name: confirming?.name ?? '' })}
        body={t('channels.removeBody')}
        confirmLabel={t('channels.removeConfirm')}
        danger
        busy={remove.isPending}
        error={remove.isError ? describeError(remove.error, t) : null}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
