import { Alert, Button, Center, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describe-error.ts';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import type { ConversationStatus, InboxView } from '../../api/types.ts';
import { useFormatters } from '../../format/formatters.ts';
import { Icon } from '../../ui/icons.tsx';
import classes from './conversation-list.module.css';
import { ConversationRow, ROW_HEIGHT } from './conversation-row.tsx';
import { useWindowedRows } from './use-windowed-rows.ts';

const FIRST_PAGE: string | null = null;

interface Props {
  view: InboxView;
  status: ConversationStatus;
  /** Only this number's conversations (a channel account id). */
  channel: string | undefined;
  /** Each number's name, to label rows when the list mixes numbers; null when it does not. */
  numberNames: ReadonlyMap<string, string> | null;
  selectedId: string | undefined;
  onOpen(id: string): void;
  timeZone: string;
}

/**
 * The conversations of a view, newest first: a windowed listbox (↑/↓ to move, Enter to open) that
 * loads the next page as the agent nears the end.
 */
export function ConversationList({
  view,
  status,
  channel,
  numberNames,
  selectedId,
  onOpen,
  timeZone,
}: Props) {
  const { t } = useTranslation();
  const format = useFormatters(timeZone);
  const list = useInfiniteQuery({
    queryKey: queryKeys.conversationList(view, status, channel),
    queryFn: ({ pageParam }) => inboxApi.conversations(view, status, channel, pageParam),
    initialPageParam: FIRST_PAGE,
    getNextPageParam: (last) => last.next_cursor,
  });
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.data) ?? [], [list.data]);
  const rows = useWindowedRows(items.length, ROW_HEIGHT);
  const [activeIndex, setActiveIndex] = useState(0);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    const index = items.findIndex((item) => item.id === selectedId);
    if (index >= 0) setActiveIndex(index);
  }, [items, selectedId]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && rows.end >= items.length - 10) void fetchNextPage();
  }, [rows.end, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const move = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setActiveIndex(next);
    rows.scrollToIndex(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (items.length === 0) return;
    const page = Math.max(1, Math.floor((rows.element?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const target = targetIndex(event.key, activeIndex, items.length, page);
    if (target === 'open') {
      event.preventDefault();
      const item = items[activeIndex];
      if (item) onOpen(item.id);
    } else if (target !== null) {
      event.preventDefault();
      move(target);
    }
  };

  if (list.isPending) {
    return (
      <Stack gap={0} p="sm" aria-busy="true" aria-label={t('common.loading')}>
        {[0, 1, 2, 3, 4, 5].map((n) => (
          <div key={n} className={classes.skeletonRow}>
            <Skeleton circle height={40} />
            <div style={{ flex: 1 }}>
              <Skeleton height={12} width="60%" mb={8} />
              <Skeleton height={10} width="90%" />
            </div>
          </div>
        ))}
      </Stack>
    );
  }

  if (list.isError) {
    return (
      <Alert m="md" color="red" variant="light" icon={<Icon name="alert" />} title={t('list.loadFailed')}>
        <Text size="sm" mb="sm">
          {describeError(list.error, t)}
        </Text>
        <Button size="xs" variant="white" color="red" onClick={() => void list.refetch()}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }

  if (items.length === 0) {
    return (
      <Center className={classes.empty}>
        <Stack align="center" gap={6} maw={260}>
          <div className={classes.emptyIcon}>
            <Icon name="inbox" size={28} />
          </div>
          <Text fw={600}>{t(`list.empty.${view}`)}</Text>
          <Text size="sm" c="dimmed" ta="center">
            {t('list.emptyHint')}
          </Text>
        </Stack>
      </Center>
    );
  }

  const activeId = items[activeIndex]?.id;
  return (
    <div
      ref={rows.ref}
      className={classes.scroller}
      onScroll={rows.onScroll}
      role="listbox"
      tabIndex={0}
      aria-label={t('inbox.conversations')}
      aria-activedescendant={activeId ? `conversation-${activeId}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: rows.totalHeight, position: 'relative' }}>
        {items.slice(rows.start, rows.end).map((conversation, offset) => {
          const index = rows.start + offset;
          return (
            <ConversationRow
              key={conversation.id}
              conversation={conversation}
              top={index * ROW_HEIGHT}
              selected={conversation.id === selectedId}
              active={index === activeIndex}
              format={format}
              now={now}
              numberName={numberNames?.get(conversation.channel_account_id) ?? null}
              onOpen={() => {
                setActiveIndex(index);
                onOpen(conversation.id);
              }}
            />
          );
        })}
      </div>
      {(hasNextPage || isFetchingNextPage) && (
        <Center py="sm">
          {isFetchingNextPage ? (
            <Loader size="sm" />
          ) : (
            <Button variant="subtle" size="xs" onClick={() => void fetchNextPage()}>
              {t('list.loadMore')}
            </Button>
          )}
        </Center>
      )}
    </div>
  );
}

/** Where a key moves the selection in a list of `count` rows, 'open' for Enter, null for other keys. */
function targetIndex(key: string, active: number, count: number, page: number): number | 'open' | null {
  switch (key) {
    case 'ArrowDown':
      return active + 1;
    case 'ArrowUp':
      return active - 1;
    case 'PageDown':
      return active + page;
    case 'PageUp':
      return active - page;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'Enter':
      return 'open';
    default:
      return null;
  }
}
