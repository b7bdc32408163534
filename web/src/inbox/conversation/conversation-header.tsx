import { ActionIcon, Avatar, Group, SegmentedControl, Text, Title, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import { CONVERSATION_STATUSES, type Conversation, type ConversationStatus } from '../../api/types.ts';
import { useFormatters } from '../../format/formatters.ts';
import { avatarColor, contactName, formatPhone, initialsOf } from '../../format/people.ts';
import { Icon } from '../../ui/icons.tsx';
import { useNotify } from '../../ui/toasts.tsx';
import { AssignMenu } from './assign-menu.tsx';
import classes from './conversation-header.module.css';
import { StartFlowMenu } from './start-flow-menu.tsx';
import { WindowBadge } from './window-badge.tsx';

interface Props {
  conversation: Conversation;
  timeZone: string;
  contactOpen: boolean;
  onToggleContact(): void;
}

export function ConversationHeader({ conversation, timeZone, contactOpen, onToggleContact }: Props) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const queryClient = useQueryClient();
  const notify = useNotify();
  const name = contactName(conversation.contact);
  const setStatus = useMutation({
    mutationFn: (status: ConversationStatus) => inboxApi.setStatus(conversation.id, status),
    onMutate: (status) => {
      queryClient.setQueryData<Conversation>(queryKeys.conversation(conversation.id), (old) =>
        old ? { ...old, status } : old,
      );
    },
    onError: (error) => notify(t('conversation.statusFailed', { reason: describeError(error, t) })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.conversations }),
  });

  return (
    <header className={classes.header}>
      <Group gap="sm" wrap="nowrap" className={classes.who}>
        <Avatar size={42} radius="xl" color={avatarColor(conversation.contact.id)} variant="light">
          {initialsOf(name)}
        </Avatar>
        <div className={classes.whoText}>
          <Title order={2} className={classes.name} lineClamp={1}>
            {name}
          </Title>
          <Group gap={8} wrap="nowrap">
            <Text size="sm" c="dimmed" className={classes.phone}>
              {formatPhone(conversation.contact.phone)}
            </Text>
            <WindowBadge conversation={conversation} format={format} />
          </Group>
        </div>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <AssignMenu conversation={conversation} />
        <SegmentedControl
          size="xs"
          aria-label={t('conversation.status')}
          value={conversation.status}
          onChange={(value) => {
            const status = CONVERSATION_STATUSES.find((s) => s === value);
            if (status && status !== conversation.status) setStatus.mutate(status);
          }}
          data={CONVERSATION_STATUSES.map((status) => ({
            value: status,
            label: t(`status.conversation.${status}`),
          }))}
          color={
            conversation.status === 'closed'
              ? 'gray'
              : conversation.status === 'pending'
                ? 'yellow'
                : 'careline'
          }
        />
        <StartFlowMenu conversation={conversation} />
        <Tooltip label={t(contactOpen ? 'contact.hide' : 'contact.show')} withArrow>
          <ActionIcon
            variant={contactOpen ? 'light' : 'subtle'}
            color="gray"
            size="lg"
            onClick={onToggleContact}
            aria-label={t(contactOpen ? 'contact.hide' : 'contact.show')}
            aria-pressed={contactOpen}
          >
            <Icon name="id" />
          </ActionIcon>
        </Tooltip>
      </Group>
    </header>
  );
}
