import { Tooltip } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Conversation, Message } from '../../api/types.ts';
import { Icon, type IconName } from '../../ui/icons.tsx';
import classes from './timeline.module.css';

interface Look {
  icon: IconName;
  tone: 'pending' | 'grey' | 'blue' | 'red';
}

const LOOKS: Record<Message['status'], Look | null> = {
  received: null,
  queued: { icon: 'clock', tone: 'pending' },
  sending: { icon: 'clock', tone: 'pending' },
  accepted: { icon: 'clock', tone: 'pending' },
  sent: { icon: 'check', tone: 'grey' },
  delivered: { icon: 'checks', tone: 'grey' },
  read: { icon: 'checks', tone: 'blue' },
  played: { icon: 'checks', tone: 'blue' },
  failed: { icon: 'alert', tone: 'red' },
  refused: { icon: 'alert', tone: 'red' },
};

/** ✓ sent, ✓✓ delivered, blue ✓✓ read; a red mark with the reason on hover when it did not go out. */
export function DeliveryTicks({ message, windowPolicy }: { message: Message; windowPolicy: WindowPolicy }) {
  const { t } = useTranslation();
  const look = LOOKS[message.status];
  if (!look || message.direction !== 'outbound') return null;
  const label = t(`delivery.${message.status}`);
  const reason = look.tone === 'red' ? failureText(message, t, windowPolicy) : null;
  return (
    <Tooltip label={reason ? `${label}: ${reason}` : label} withArrow multiline maw={300} openDelay={150}>
      <span
        className={classes.ticks}
        data-tone={look.tone}
        data-status={message.status}
        role="img"
        aria-label={reason ? `${label}: ${reason}` : label}
      >
        <Icon name={look.icon} size={look.icon === 'checks' ? 17 : 15} stroke={2.2} />
      </span>
    </Tooltip>
  );
}

/** The channel's window rule (the conversation's `window.policy`). */
export type WindowPolicy = Conversation['window']['policy'];

const WINDOW_CLOSED_TEXT = {
  templates: 'failure.windowClosed',
  human_agent_tag: 'failure.windowClosedPersonReply',
  nothing: 'failure.windowClosedNothing',
  none: 'failure.windowClosedNothing',
} as const satisfies Record<WindowPolicy, string>;

/** Why a message did not go out, in words an agent can act on. */
export function failureText(message: Message, t: TFunction, windowPolicy: WindowPolicy): string {
  if (message.failure_reason === 'window_closed') return t(WINDOW_CLOSED_TEXT[windowPolicy]);
  if (message.failure_reason === 'template_invalid') return t('failure.templateInvalid');
  if (message.failure_reason === 'opted_out') return t('failure.optedOut');
  const provider = [message.error?.title, message.error?.detail].filter(Boolean).join(' — ');
  if (provider) return message.error?.code ? `${provider} (${message.error.code})` : provider;
  return message.failure_reason ?? t('failure.unknown');
}
