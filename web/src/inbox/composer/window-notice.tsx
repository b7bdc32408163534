import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../api/types.ts';
import { useFormatters } from '../../format/formatters.ts';
import { CHANNEL_NAMES } from '../../ui/channel-icon.tsx';
import { NoticeBanner, WindowClosedBanner } from './composer-banners.tsx';

export type WindowAllows = Conversation['window']['allows'];

/**
 * What the channel's window lets the clinic send now, above the composer: nothing while anything goes;
 * WhatsApp's template banner once its 24 hours are over; on Messenger and Instagram, that only a person's
 * reply can go (until when), then that nothing can until the patient writes. Telegram has no window.
 */
export function WindowNotice({
  conversation,
  allows,
  timeZone,
  onChooseTemplate,
}: {
  conversation: Conversation;
  /** What the composer believes can go (a refused send may have told it before the conversation did). */
  allows: WindowAllows;
  timeZone: string;
  onChooseTemplate(): void;
}) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const state = conversation.window;
  const channel = CHANNEL_NAMES[conversation.channel];
  if (allows === 'anything') return null;
  if (allows === 'templates')
    return (
      <WindowClosedBanner
        closesAt={state.closes_at}
        timeZone={timeZone}
        onChooseTemplate={onChooseTemplate}
      />
    );
  if (allows === 'person_reply' && state.human_reply_until) {
    return (
      <NoticeBanner
        color="blue"
        icon="user"
        title={t('window.personReplyTitle', { time: format.dateTime(state.human_reply_until) })}
      >
        <Text size="sm">
          {t('window.personReplyBody', {
            channel,
            closed: state.closes_at ? format.dateTime(state.closes_at) : '',
          })}
        </Text>
      </NoticeBanner>
    );
  }
  const lastWrote = conversation.last_inbound_at;
  return (
    <NoticeBanner color="orange" icon="lock" title={t('window.nothingTitle')}>
      <Text size="sm">
        {lastWrote
          ? t('window.nothingBody', { channel, time: format.dateTime(lastWrote) })
          : t('window.nothingBodyNever', { channel })}
      </Text>
    </NoticeBanner>
  );
}
