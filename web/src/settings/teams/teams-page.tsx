import {
  Alert,
  Avatar,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import type { Channel, TeamDetails } from '../../api/settings-types.ts';
import { avatarColor, formatPhone, initialsOf } from '../../format/people.ts';
import { Icon } from '../../ui/icons.tsx';
import { PageHeader } from '../page-header.tsx';
import { NumberRouting } from './number-routing.tsx';
import { TeamDialog } from './team-dialog.tsx';

const MODE_COLORS = { round_robin: 'careline', least_open: 'blue', manual: 'gray' } as const;

/** The clinic's teams, and which team each WhatsApp number's new conversations go to. */
export function TeamsPage() {
  const { t } = useTranslation();
  const teams = useQuery({ queryKey: settingsKeys.teams, queryFn: settingsApi.teams });
  const staff = useQuery({ queryKey: settingsKeys.staff, queryFn: settingsApi.staff });
  const channels = useQuery({ queryKey: settingsKeys.channels, queryFn: settingsApi.channels });
  const [editing, setEditing] = useState<TeamDetails | 'new' | null>(null);
  const activeStaff = (staff.data?.data ?? []).filter((member) => !member.deactivated_at);
  const list = teams.data?.data ?? [];

  return (
    <>
      <PageHeader
        title={t('settings.teams.title')}
        description={t('settings.teams.description')}
        action={
          <Button leftSection={<Icon name="plus" size={16} />} onClick={() => setEditing('new')}>
            {t('settings.teams.newButton')}
          </Button>
        }
      />
      {teams.isError && (
        <Alert color="red" variant="light" icon={<Icon name="alert" />} mb="md">
          {describeError(teams.error, t)}
        </Alert>
      )}
      {teams.isPending && <Skeleton height={140} radius="lg" />}
      {teams.isSuccess && list.length === 0 && (
        <Paper withBorder radius="lg" p="xl" ta="center">
          <Text fw={600}>{t('settings.teams.emptyTitle')}</Text>
          <Text c="dimmed" size="sm" mt={4}>
            {t('settings.teams.emptyBody')}
          </Text>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {list.map((team) => (
          <TeamCard
            key={team.id}
            team={team}
            numbers={(channels.data?.data ?? []).filter((c) => c.default_team?.id === team.id)}
            onEdit={() => setEditing(team)}
          />
        ))}
      </SimpleGrid>

      <Title order={2} size="h3" mt={40}>
        {t('settings.numbers.title')}
      </Title>
      <Text c="dimmed" size="sm" mt={4} mb="md" maw={640}>
        {t('settings.numbers.description')}
      </Text>
      <NumberRouting channels={channels} teams={list} />

      <TeamDialog team={editing} staff={activeStaff} onClose={() => setEditing(null)} />
    </>
  );
}

function TeamCard({ team, numbers, onEdit }: { team: TeamDetails; numbers: Channel[]; onEdit(): void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="team-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Title order={3} size="h4" lineClamp={1}>
              {team.name}
            </Title>
            <Badge mt={6} variant="light" color={MODE_COLORS[team.assignment_mode]}>
              {t(`settings.modes.${team.assignment_mode}`)}
            </Badge>
          </div>
          <Button
            variant="default"
            size="xs"
            leftSection={<Icon name="pencil" size={14} />}
            onClick={onEdit}
            aria-label={t('settings.teams.edit', { name: team.name })}
          >
            {t('settings.edit')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`settings.modes.${team.assignment_mode}Hint`)}
        </Text>
        {team.members.length === 0 ? (
          <Text size="sm" c="orange.8">
            {t('settings.teams.noMembers')}
          </Text>
        ) : (
          <Group gap="xs">
            <Avatar.Group spacing="sm">
              {team.members.slice(0, 5).map((member) => (
                <Tooltip key={member.id} label={member.name ?? ''} withArrow>
                  <Avatar size={30} radius="xl" color={avatarColor(member.id)}>
                    {initialsOf(member.name ?? '?')}
                  </Avatar>
                </Tooltip>
              ))}
            </Avatar.Group>
            <Text size="sm" style={{ flex: 1, minWidth: 0 }} lineClamp={2}>
              {team.members.map((m) => m.name ?? '—').join(', ')}
            </Text>
          </Group>
        )}
        {numbers.length > 0 && (
          <Group gap={6}>
            <Icon name="phone" size={14} />
            <Text size="xs" c="dimmed">
              {t('settings.teams.defaultFor')}
            </Text>
            {numbers.map((number) => (
              <Badge key={number.id} variant="outline" color="careline" size="sm">
                {formatPhone(number.display_phone_number) || number.name}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
