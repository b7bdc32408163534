import { Button, Indicator, Menu, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import { useStaff } from '../../api/staff.ts';
import type { Conversation } from '../../api/types.ts';
import { useSignedIn } from '../../session/session-context.tsx';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';

interface Assignment {
  user_id: string | null;
  team_id: string | null;
}

/** Who handles the conversation: an agent (with who is online), a team, or nobody yet. */
export function AssignMenu({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { user: me } = useSignedIn();
  const { users, teams } = useStaff();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const assign = useMutation({
    mutationFn: (assignment: Assignment) => inboxApi.assign(conversation.id, assignment),
    onError: (error) => notify(t('assign.failed', { reason: describeError(error, t) })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.conversations }),
  });
  const userId = conversation.assignee?.id ?? null;
  const teamId = conversation.team?.id ?? null;
  const label = conversation.assignee
    ? conversation.assignee.id === me.id
      ? t('assign.me')
      : (conversation.assignee.name ?? t('assign.someone'))
    : t('assign.nobody');

  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          leftSection={<Icon name={conversation.assignee ? 'user' : 'users'} size={14} />}
          rightSection={<Icon name="chevronDown" size={12} />}
          aria-label={t('assign.label', { who: label })}
          loading={assign.isPending}
        >
          <Text size="xs" fw={600} truncate maw={140}>
            {label}
            {conversation.team ? ` · ${conversation.team.name}` : ''}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {userId !== me.id && (
          <Menu.Item
            leftSection={<Icon name="user" size={14} />}
            onClick={() => assign.mutate({ user_id: me.id, team_id: teamId })}
          >
            {t('assign.toMe')}
          </Menu.Item>
        )}
        <Menu.Label>{t('assign.agents')}</Menu.Label>
        {users.isError && (
          <Menu.Item disabled>
            <Text size="xs">{describeError(users.error, t)}</Text>
          </Menu.Item>
        )}
        {users.data?.map((user) => (
          <Menu.Item
            key={user.id}
            onClick={() => assign.mutate({ user_id: user.id, team_id: teamId })}
            leftSection={
              <Indicator
                size={8}
                offset={2}
                color={user.online ? 'careline' : 'gray.4'}
                position="middle-start"
                aria-label={t(user.online ? 'assign.online' : 'assign.offline')}
              >
                <span style={{ display: 'inline-block', width: 12 }} />
              </Indicator>
            }
            rightSection={user.id === userId ? <Icon name="check" size={14} /> : null}
          >
            {user.name ?? user.email ?? user.id}
            {user.id === me.id ? ` (${t('assign.you')})` : ''}
          </Menu.Item>
        ))}
        <Menu.Label>{t('assign.teams')}</Menu.Label>
        {teams.data?.length === 0 && <Menu.Item disabled>{t('assign.noTeams')}</Menu.Item>}
        {teams.data?.map((team) => (
          <Menu.Item
            key={team.id}
            leftSection={<Icon name="users" size={14} />}
            onClick={() => assign.mutate({ user_id: userId, team_id: team.id })}
            rightSection={team.id === teamId ? <Icon name="check" size={14} /> : null}
          >
            {team.name}
          </Menu.Item>
        ))}
        {(userId || teamId) && <Menu.Divider />}
        {userId && (
          <Menu.Item color="red" onClick={() => assign.mutate({ user_id: null, team_id: teamId })}>
            {t('assign.unassign')}
          </Menu.Item>
        )}
        {teamId && (
          <Menu.Item color="red" onClick={() => assign.mutate({ user_id: userId, team_id: null })}>
            {t('assign.removeTeam')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
