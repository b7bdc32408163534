import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../api/types.ts';
import type { Formatters } from '../../format/formatters.ts';
import { CHANNEL_NAMES } from '../../ui/channel-icon.tsx';
import { Icon } from '../../ui/icons.tsx';

/**
 * The channel's window beside the patient's number: open (and for how long), a person's reply only
 * (Messenger, Instagram, until when), or closed — templates only on WhatsApp, nothing elsewhere. A
 * channel without a window (Telegram) shows none.
 */
export function WindowBadge({ conversation, format }: { conversation: Conversation; format: Formatters }) {
  const { t } = useTranslation();
  const state = conversation.window;
  const channel = CHANNEL_NAMES[conversation.channel];
  if (state.policy === 'none') return null;
  const closesAt = state.closes_at;
  if (state.open) {
    return (
      <Tooltip
        label={`${t('window.openHint')}${closesAt ? ` ${t('window.closesAt', { time: format.dateTime(closesAt) })}` : ''}`}
        multiline
        w={280}
        withArrow
      >
        <Badge
          size="sm"
          variant="light"
          color="careline"
          tt="none"
          leftSection={<Icon name="clock" size={11} />}
        >
          {closesAt ? t('window.openLeft', { duration: format.remaining(closesAt) }) : t('window.open')}
        </Badge>
      </Tooltip>
    );
  }
  if (state.allows === 'person_reply' && state.human_reply_until) {
    return (
      <Tooltip
        label={t('window.personReplyHint', { channel, time: format.dateTime(state.human_reply_until) })}
        multiline
        w={280}
        withArrow
      >
        <Badge size="sm" variant="light" color="blue" tt="none" leftSection={<Icon name="user" size={11} />}>
          {t('window.personReplyShort')}
        </Badge>
      </Tooltip>
    );
  }
  const hint = state.policy === 'templates' ? t('window.closedHint') : t('window.nothingHint', { channel });
  return (
    <Tooltip label={hint} multiline w={280} withArrow>
      <Badge size="sm" variant="light" color="gray" tt="none" leftSection={<Icon name="lock" size={11} />}>
        {t('window.closedShort')}
      </Badge>
    </Tooltip>
  );
}
