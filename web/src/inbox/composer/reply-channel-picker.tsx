import { Group, Select, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PatientChannel } from '../../api/types.ts';
import { type Formatters, useFormatters } from '../../format/formatters.ts';
import { CHANNEL_NAMES, ChannelIcon } from '../../ui/channel-icon.tsx';
import classes from './composer.module.css';

/**
 * "Reply on": where the agent's reply goes when the patient has more than one channel — this
 * conversation's by default, or another of theirs, each option saying what its window allows now.
 */
export function ReplyChannelPicker({
  channels,
  value,
  onChange,
  timeZone,
}: {
  channels: readonly PatientChannel[];
  /** The chosen account; the conversation's own when null. */
  value: string | null;
  onChange(channelAccountId: string | null): void;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const current = channels.find((c) => c.current);
  const chosen = channels.find((c) => c.channel_account_id === value) ?? current;
  const describeOf = (c: PatientChannel) => describe(c, t, format);
  return (
    <Group gap="xs" className={classes.replyVia} wrap="nowrap">
      <Text size="xs" c="dimmed" component="label" htmlFor="reply-via">
        {t('replyVia.label')}
      </Text>
      <Select
        id="reply-via"
        size="xs"
        w={260}
        aria-description={t('replyVia.hint')}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true, width: 'max-content' }}
        leftSection={chosen ? <ChannelIcon type={chosen.channel} size={14} /> : undefined}
        value={chosen?.channel_account_id ?? null}
        onChange={(id) => onChange(id === current?.channel_account_id ? null : id)}
        data={channels.map((c) => ({
          value: c.channel_account_id,
          label: `${CHANNEL_NAMES[c.channel]} · ${c.name}`,
        }))}
        renderOption={({ option }) => {
          const channel = channels.find((c) => c.channel_account_id === option.value);
          return (
            <Group gap="xs" wrap="nowrap">
              {channel && <ChannelIcon type={channel.channel} size={16} />}
              <div>
                <Text size="sm">{option.label}</Text>
                {channel && (
                  <Text size="xs" c="dimmed">
                    {describeOf(channel)}
                  </Text>
                )}
              </div>
            </Group>
          );
        }}
      />
      {chosen && (
        <Text size="xs" c="dimmed" truncate="end" data-testid="reply-via-window">
          {describeOf(chosen)}
        </Text>
      )}
    </Group>
  );
}

/** What the channel's window allows now, in a few words; and whether the reply opens a conversation. */
function describe(channel: PatientChannel, t: TFunction, format: Formatters): string {
  const { window } = channel;
  const until = (iso: string | null) => (iso ? format.dateTime(iso) : '');
  let allows: string;
  if (window.allows === 'anything')
    allows =
      window.policy === 'none'
        ? t('replyVia.alwaysOpen')
        : window.closes_at
          ? t('replyVia.openUntil', { time: until(window.closes_at) })
          : t('replyVia.open');
  else if (window.allows === 'templates') allows = t('replyVia.templates');
  else if (window.allows === 'person_reply')
    allows = t('replyVia.personReply', { time: until(window.human_reply_until) });
  else allows = t('replyVia.nothing');
  if (channel.current) return `${t('replyVia.thisConversation')}, ${allows}`;
  return channel.conversation_id ? allows : `${allows} (${t('replyVia.newConversation')})`;
}
