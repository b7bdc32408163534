import { Alert, Center, Loader, SegmentedControl } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import type { Conversation } from '../../api/types.ts';
import { Icon } from '../../ui/icons.tsx';
import { Composer } from '../composer/composer.tsx';
import { Timeline } from '../timeline/timeline.tsx';
import { usePatientChannels } from '../use-patient-channels.ts';
import { AutomationBanner } from './automation-banner.tsx';
import { ConversationHeader } from './conversation-header.tsx';
import classes from './conversation-pane.module.css';
import { UrgentBanner } from './urgent-banner.tsx';

interface Props {
  conversationId: string;
  conversation: Conversation | undefined;
  error: Error | null;
  focusMessageId: string | undefined;
  timeZone: string;
  contactOpen: boolean;
  onToggleContact(): void;
}

/** One conversation: who and its state on top, the timeline, its automation if any, and the composer. */
export function ConversationPane(props: Props) {
  const { t } = useTranslation();
  const { conversation, conversationId } = props;
  useMarkRead(conversationId, conversation?.unread_count ?? 0);
  const channels = usePatientChannels(conversationId);
  // Kept per conversation: another conversation opens on its own timeline.
  const [allChannelsOf, setAllChannelsOf] = useState<string | null>(null);
  const acrossChannels =
    allChannelsOf === conversationId && channels && channels.length > 1 ? { channels } : undefined;

  if (!conversation) {
    if (props.error) {
      return (
        <Center className={classes.empty}>
          <Alert
            color="red"
            variant="light"
            icon={<Icon name="alert" />}
            title={t('conversation.loadFailed')}
          >
            {describeError(props.error, t)}
          </Alert>
        </Center>
      );
    }
    return (
      <Center className={classes.empty}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }

  return (
    <>
      <ConversationHeader
        conversation={conversation}
        timeZone={props.timeZone}
        contactOpen={props.contactOpen}
        onToggleContact={props.onToggleContact}
      />
      <UrgentBanner conversation={conversation} timeZone={props.timeZone} />
      {channels && channels.length > 1 && (
        <div className={classes.scopeBar}>
          <SegmentedControl
            size="xs"
            radius="xl"
            aria-label={t('timeline.scope')}
            value={acrossChannels ? 'all' : 'this'}
            onChange={(value) => setAllChannelsOf(value === 'all' ? conversationId : null)}
            data={[
              { value: 'this', label: t('timeline.thisConversation') },
              { value: 'all', label: `${t('timeline.allChannels')} (${channels.length})` },
            ]}
          />
        </div>
      )}
      <Timeline
        acrossChannels={acrossChannels}
        conversationId={conversationId}
        contactName={conversation.contact.display_name}
        focusMessageId={props.focusMessageId}
        timeZone={props.timeZone}
        windowPolicy={conversation.window.policy}
      />
      <AutomationBanner conversation={conversation} />
      <Composer conversation={conversation} timeZone={props.timeZone} />
    </>
  );
}

/** Opening a conversation reads it (blue ticks for the patient), and so does each new message while open. */
function useMarkRead(conversationId: string, unreadCount: number): void {
  const queryClient = useQueryClient();
  const readOnce = useRef<string | null>(null);
  const hasUnread = unreadCount > 0;
  useEffect(() => {
    if (readOnce.current === conversationId && !hasUnread) return;
    readOnce.current = conversationId;
    let cancelled = false;
    inboxApi
      .markRead(conversationId)
      .then(() => {
        if (!cancelled) void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
      })
      .catch(() => {
        // Not critical: the conversation stays unread in the list.
      });
    return () => {
      cancelled = true;
    };
  }, [conversationId, hasUnread, queryClient]);
}
