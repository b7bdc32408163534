import { Alert, Button, Center, Loader, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import type { Message, PatientChannel } from '../../api/types.ts';
import { useFormatters } from '../../format/formatters.ts';
import { CHANNEL_NAMES, ChannelIcon } from '../../ui/channel-icon.tsx';
import { Icon } from '../../ui/icons.tsx';
import type { WindowPolicy } from './delivery-ticks.tsx';
import { MessageBubble } from './message-bubble.tsx';
import classes from './timeline.module.css';

const FIRST_PAGE: string | null = null;
/** Messages closer than this, same side, read as one burst (no repeated tail). */
const BURST_MS = 5 * 60_000;
/** How many older pages to walk back through to find a searched message. */
const MAX_PAGES_TO_FOCUS = 20;

interface Props {
  conversationId: string;
  contactName: string | null;
  focusMessageId: string | undefined;
  timeZone: string;
  /** The channel's window rule: why a message was refused for it, in its words. */
  windowPolicy: WindowPolicy;
  /**
   * The patient's whole timeline instead: every conversation on every channel in one time order, a
   * divider naming the channel wherever it changes (the accounts named as the patient's channels list them).
   */
  acrossChannels?: { channels: readonly PatientChannel[] } | undefined;
}

/**
 * The conversation's messages (or the patient's on all channels), oldest at the top, with day
 * separators; stays at the bottom as messages arrive.
 */
export function Timeline({
  conversationId,
  contactName,
  focusMessageId,
  timeZone,
  windowPolicy,
  acrossChannels,
}: Props) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const keepOffset = useRef<number | null>(null);
  const focused = useRef<string | null>(null);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const query = useInfiniteQuery({
    queryKey: acrossChannels ? queryKeys.patientTimeline(conversationId) : queryKeys.messages(conversationId),
    queryFn: ({ pageParam }) =>
      acrossChannels
        ? inboxApi.patientTimeline(conversationId, pageParam)
        : inboxApi.messages(conversationId, pageParam),
    initialPageParam: FIRST_PAGE,
    getNextPageParam: (last) => last.next_cursor,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  const messages = useMemo(() => oldestFirst(query.data?.pages.map((page) => page.data) ?? []), [query.data]);
  const byExternalId = useMemo(() => {
    const map = new Map<string, Message>();
    for (const message of messages) if (message.external_id) map.set(message.external_id, message);
    return map;
  }, [messages]);
  const lastId = messages.at(-1)?.id;
  const lastDirection = messages.at(-1)?.direction;

  const loadOlder = useCallback(() => {
    const element = scroller.current;
    if (!element || !hasNextPage || isFetchingNextPage) return;
    keepOffset.current = element.scrollHeight - element.scrollTop;
    void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // Older messages were added above: keep what the agent was reading where it was.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a page of older messages lands.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || keepOffset.current === null || isFetchingNextPage) return;
    element.scrollTop = element.scrollHeight - keepOffset.current;
    keepOffset.current = null;
  }, [messages.length, isFetchingNextPage]);

  // A new message at the bottom: follow it if the agent was at the bottom, or if they sent it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the newest message changes.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || focusMessageId) return;
    if (atBottom.current || lastDirection !== 'inbound') element.scrollTop = element.scrollHeight;
  }, [lastId]);

  // A search result: walk back through pages until the message is loaded, then bring it into view.
  useEffect(() => {
    if (!focusMessageId || focused.current === focusMessageId || query.isPending) return;
    const element = document.getElementById(`message-${focusMessageId}`);
    if (element) {
      focused.current = focusMessageId;
      atBottom.current = false;
      element.scrollIntoView({ block: 'center' });
      setHighlighted(focusMessageId);
      const timer = window.setTimeout(() => setHighlighted(null), 2600);
      return () => window.clearTimeout(timer);
    }
    if (hasNextPage && !isFetchingNextPage && (query.data?.pages.length ?? 0) < MAX_PAGES_TO_FOCUS) {
      void fetchNextPage();
    }
    return undefined;
  }, [focusMessageId, hasNextPage, isFetchingNextPage, fetchNextPage, query.isPending, query.data]);

  // Photos and previews finish loading after the first render: stay pinned to the bottom meanwhile.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the scroller's content exists once the first page is in.
  useEffect(() => {
    const element = scroller.current;
    const inner = element?.firstElementChild;
    if (!element || !inner) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(inner);
    return () => observer.disconnect();
  }, [query.isSuccess]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 120;
    if (element.scrollTop < 80) loadOlder();
  };

  if (query.isPending) {
    return (
      <div className={classes.timeline}>
        <Center h="100%">
          <Loader aria-label={t('common.loading')} />
        </Center>
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className={classes.timeline}>
        <Center h="100%" p="xl">
          <Alert
            color="red"
            variant="light"
            icon={<Icon name="alert" />}
            title={t('timeline.loadFailed')}
            maw={460}
          >
            <Text size="sm" mb="sm">
              {describeError(query.error, t)}
            </Text>
            <Button size="xs" variant="white" color="red" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          </Alert>
        </Center>
      </div>
    );
  }

  return (
    <div
      ref={scroller}
      className={classes.timeline}
      onScroll={onScroll}
      role="log"
      aria-label={t('timeline.label')}
    >
      <div className={classes.inner}>
        {hasNextPage ? (
          <Center py="xs">
            <Button variant="white" size="xs" radius="xl" loading={isFetchingNextPage} onClick={loadOlder}>
              {t('timeline.loadEarlier')}
            </Button>
          </Center>
        ) : (
          <div className={classes.start}>
            <Icon name="lock" size={12} /> {t(acrossChannels ? 'timeline.patientStart' : 'timeline.start')}
          </div>
        )}
        {messages.length === 0 && <div className={classes.start}>{t('timeline.noMessages')}</div>}
        {messages.map((message, index) => {
          const previous = messages[index - 1];
          const newDay =
            !previous || format.dayKey(previous.occurred_at) !== format.dayKey(message.occurred_at);
          const newChannel =
            acrossChannels !== undefined && previous?.channel_account_id !== message.channel_account_id;
          const continued =
            !newDay &&
            !newChannel &&
            previous !== undefined &&
            previous.direction === message.direction &&
            previous.type !== 'system' &&
            Date.parse(message.occurred_at) - Date.parse(previous.occurred_at) < BURST_MS;
          return (
            <Fragment key={message.id}>
              {newDay && (
                <div className={classes.day}>
                  <span>{format.day(message.occurred_at)}</span>
                </div>
              )}
              {newChannel && (
                <ChannelDivider accountId={message.channel_account_id} channels={acrossChannels.channels} />
              )}
              <MessageBubble
                message={message}
                contactName={contactName}
                quoted={
                  message.reply_to_external_id ? byExternalId.get(message.reply_to_external_id) : undefined
                }
                continued={continued}
                highlighted={highlighted === message.id}
                format={format}
                windowPolicy={windowPolicy}
              />
            </Fragment>
          );
        })}
      </div>
    </div>
  );
}

/** Where the patient's timeline moves to another channel: which one, and the clinic's account on it. */
function ChannelDivider({ accountId, channels }: { accountId: string; channels: readonly PatientChannel[] }) {
  const { t } = useTranslation();
  const channel = channels.find((c) => c.channel_account_id === accountId);
  return (
    <div className={classes.channelDivider} data-channel-account={accountId}>
      <span>
        {channel && <ChannelIcon type={channel.channel} size={14} />}
        {channel
          ? t('timeline.onChannel', { channel: CHANNEL_NAMES[channel.channel], name: channel.name })
          : t('timeline.otherAccount')}
      </span>
    </div>
  );
}

/** Pages come newest first, each newest first; the timeline reads oldest first, each message once. */
function oldestFirst(pages: Message[][]): Message[] {
  const seen = new Set<string>();
  const ordered: Message[] = [];
  for (const page of pages) {
    for (const message of page) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      ordered.push(message);
    }
  }
  return ordered.reverse();
}
