import { Alert, Badge, Group, Loader, Paper, Select, Skeleton, Table, Text } from '@mantine/core';
import { type UseQueryResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import type { Channel, TeamDetails } from '../../api/settings-types.ts';
import { formatPhone } from '../../format/people.ts';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';

/** Select values are strings: this one stands for "no default team". */
const NO_TEAM = 'none';

interface Props {
  channels: UseQueryResult<{ data: Channel[] }>;
  teams: TeamDetails[];
}

/** Each WhatsApp number, and the team its new conversations go to (saved as soon as it is chosen). */
export function NumberRouting({ channels, teams }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const route = useMutation({
    mutationFn: ({ channel, teamId }: { channel: Channel; teamId: string | null }) =>
      settingsApi.setDefaultTeam(channel.id, teamId),
    onSuccess: (saved) => {
      queryClient.setQueryData<{ data: Channel[] }>(settingsKeys.channels, (old) =>
        old ? { data: old.data.map((c) => (c.id === saved.id ? saved : c)) } : old,
      );
      notify(
        saved.default_team
          ? t('settings.numbers.saved', { team: saved.default_team.name })
          : t('settings.numbers.savedNone'),
        'careline',
      );
    },
    onError: (error) => notify(t('settings.numbers.failed', { reason: describeError(error, t) })),
  });
  const options = [
    { value: NO_TEAM, label: t('settings.numbers.noTeam') },
    ...teams.map((team) => ({ value: team.id, label: team.name })),
  ];

  if (channels.isError) {
    return (
      <Alert color="red" variant="light" icon={<Icon name="alert" />}>
        {describeError(channels.error, t)}
      </Alert>
    );
  }
  if (channels.isPending) return <Skeleton height={64} radius="lg" />;
  if (channels.data.data.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('settings.numbers.none')}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="lg">
      <Table verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.numbers.number')}</Table.Th>
            <Table.Th w={340}>{t('settings.numbers.goesTo')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {channels.data.data.map((channel) => {
            const number = formatPhone(channel.display_phone_number) || channel.name;
            const saving = route.isPending && route.variables?.channel.id === channel.id;
            return (
              <Table.Tr key={channel.id}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Icon name="phone" size={18} />
                    <div>
                      <Text size="sm" fw={600}>
                        {number}
                      </Text>
                      <Group gap={6}>
                        <Text size="xs" c="dimmed">
                          {channel.name}
                        </Text>
                        <Badge size="xs" variant="light" color="green">
                          {channel.type}
                        </Badge>
                      </Group>
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('settings.numbers.goesToFor', { number })}
                    data={options}
                    value={channel.default_team?.id ?? NO_TEAM}
                    onChange={(value) => {
                      const teamId = value === null || value === NO_TEAM ? null : value;
                      if (teamId !== (channel.default_team?.id ?? null)) route.mutate({ channel, teamId });
                    }}
                    allowDeselect={false}
                    disabled={saving}
                    rightSection={saving ? <Loader size={14} /> : undefined}
                    comboboxProps={{ withinPortal: true }}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
