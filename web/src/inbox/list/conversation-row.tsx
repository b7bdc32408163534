import { Avatar, Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../api/types.ts';
import type { Formatters } from '../../format/formatters.ts';
import { avatarColor, contactName, initialsOf } from '../../format/people.ts';
import { redFlagLabel } from '../../format/red-flag-label.ts';
import { ChannelIcon } from '../../ui/channel-icon.tsx';
import { Icon } from '../../ui/icons.tsx';
import { messagePreview } from '../message-preview.ts';
import classes from './conversation-list.module.css';

export const ROW_HEIGHT = 84;

/** Patients waiting longer than this are shown in orange. */
const LONG_WAIT_MS = 15 * 60_000;

interface Props {
  conversation: Conversation;
  top: number;
  selected: boolean;
  active: boolean;
  format: Formatters;
  now: number;
  /** The number the patient wrote to, when the list mixes the clinic's numbers. */
  numberName: string | null;
  onOpen(): void;
}

export function ConversationRow({
  conversation,
  top,
  selected,
  active,
  format,
  now,
  numberName,
  onOpen,
}: Props) {
  const { t } = useTranslation();
  const name = contactName(conversation.contact);
  const last = conversation.last_message;
  const preview = last ? messagePreview(last, t) : null;
  const unread = conversation.unread_count > 0;
  const waiting = conversation.waiting_since;
  const longWait = waiting !== null && now - Date.parse(waiting) > LONG_WAIT_MS;
  // While an alert waits, the row shows what the patient wrote, not the bot's last line.
  const alarm =
    conversation.urgent_since !== null && conversation.red_flag
      ? t('safety.preview', {
          category: redFlagLabel(conversation.red_flag.category, t),
          words: conversation.red_flag.words,
        })
      : null;
  const prefix = alarm
    ? null
    : last?.direction === 'outbound'
      ? t('list.you')
      : last?.direction === 'note'
        ? t('list.note')
        : null;

  return (
    <div
      id={`conversation-${conversation.id}`}
      role="option"
      aria-selected={selected}
      tabIndex={-1}
      className={classes.row}
      data-selected={selected || undefined}
      data-active={active || undefined}
      data-unread={unread || undefined}
      data-pinned={conversation.urgent_since !== null || undefined}
      style={{ top, height: ROW_HEIGHT }}
      onClick={onOpen}
      onKeyDown={() => undefined}
    >
      {conversation.urgent_since !== null ? (
        <Tooltip label={t('safety.pinned')} withArrow openDelay={300}>
          <span className={classes.alarmIcon} role="img" aria-label={t('safety.pinned')}>
            <Icon name="alert" size={22} />
          </span>
        </Tooltip>
      ) : (
        <Avatar size={44} radius="xl" color={avatarColor(conversation.contact.id)} variant="light">
          {initialsOf(name)}
        </Avatar>
      )}
      <div className={classes.rowBody}>
        <Group justify="space-between" gap={6} wrap="nowrap">
          <Text className={classes.name} fw={unread ? 700 : 600} truncate>
            {name}
          </Text>
          <Text
            size="xs"
            c={unread ? 'careline.7' : 'dimmed'}
            fw={unread ? 600 : 400}
            className={classes.time}
          >
            {format.listTime(conversation.last_message_at)}
          </Text>
        </Group>
        <Group justify="space-between" gap={6} wrap="nowrap">
          {alarm ? (
            <Text size="sm" c="red.9" fw={600} truncate className={classes.preview}>
              {alarm}
            </Text>
          ) : (
            <Text size="sm" c={unread ? 'dark.6' : 'dimmed'} truncate className={classes.preview}>
              {prefix && <span className={classes.prefix}>{prefix} </span>}
              {preview?.icon && <Icon name={preview.icon} size={14} className={classes.previewIcon} />}
              {preview?.text ?? t('list.noMessages')}
            </Text>
          )}
          {unread && (
            <Badge size="md" circle={conversation.unread_count < 10} color="careline" variant="filled">
              <span className={classes.visuallyHidden}>
                {t('list.unread', { count: conversation.unread_count })}
              </span>
              <span aria-hidden="true">{conversation.unread_count}</span>
            </Badge>
          )}
        </Group>
        <Group gap={6} wrap="nowrap" className={classes.tags}>
          <ChannelIcon type={conversation.channel} size={14} />
          {numberName && (
            <Badge size="xs" variant="outline" color="gray" tt="none" className={classes.numberBadge}>
              {numberName}
            </Badge>
          )}
          {conversation.urgent && (
            <Badge size="xs" color="red" variant="filled" leftSection={<Icon name="flame" size={10} />}>
              {t('list.urgent')}
            </Badge>
          )}
          {waiting && (
            <Tooltip
              label={t('list.waitingSince', { time: format.dateTime(waiting) })}
              withArrow
              openDelay={400}
            >
              <Badge
                size="xs"
                variant="light"
                tt="none"
                color={longWait ? 'orange' : 'gray'}
                leftSection={<Icon name="hourglass" size={10} />}
              >
                {t('list.waiting', { duration: format.elapsed(waiting, now) })}
              </Badge>
            </Tooltip>
          )}
          {conversation.assignee ? (
            <Text size="xs" c="dimmed" truncate>
              {conversation.assignee.name ?? t('assign.someone')}
              {conversation.team ? ` · ${conversation.team.name}` : ''}
            </Text>
          ) : conversation.team ? (
            <Text size="xs" c="dimmed" truncate>
              {conversation.team.name}
            </Text>
          ) : null}
          {!conversation.window.open && conversation.status !== 'closed' && (
            <Tooltip label={t('window.closedShort')} withArrow openDelay={400}>
              <span className={classes.windowClosed} role="img" aria-label={t('window.closedShort')}>
                <Icon name="lock" size={12} />
              </span>
            </Tooltip>
          )}
        </Group>
      </div>
    </div>
  );
}
