import { Badge, SegmentedControl, Select, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import { settingsApi, settingsKeys } from '../../api/settings-api.ts';
import type { Channel } from '../../api/settings-types.ts';
import { CONVERSATION_STATUSES, INBOX_VIEWS } from '../../api/types.ts';
import { AlertPermissionPrompt } from '../safety/alert-permission-prompt.tsx';
import type { InboxParams } from '../use-inbox-params.ts';
import { ConversationList } from './conversation-list.tsx';
import classes from './conversation-sidebar.module.css';

/**
 * Mine / Unassigned / Urgent / All with their counts, the status filter, the number filter (for a clinic with
 * more than one), and the conversations.
 */
export function ConversationSidebar({ params, timeZone }: { params: InboxParams; timeZone: string }) {
  const { t } = useTranslation();
  const counts = useQuery({
    queryKey: queryKeys.counts(params.channel),
    queryFn: () => inboxApi.counts(params.channel),
  });
  const channels = useQuery({ queryKey: settingsKeys.channels, queryFn: settingsApi.channels });
  const numbers = channels.data?.data ?? [];
  // One number needs no filter and no label on each row.
  const numberNames = useMemo(
    () => (numbers.length > 1 ? new Map(numbers.map((c) => [c.id, channelLabel(c)])) : null),
    [numbers],
  );

  return (
    <>
      <div className={classes.filters}>
        <AlertPermissionPrompt />
        <Tabs
          value={params.view}
          onChange={(value) => {
            const view = INBOX_VIEWS.find((v) => v === value);
            if (view) params.setFilter({ view });
          }}
          variant="pills"
          radius="xl"
          classNames={{ list: classes.tabList, tab: classes.tab }}
        >
          <Tabs.List justify="flex-start" aria-label={t('inbox.views')}>
            {INBOX_VIEWS.map((view) => (
              <Tabs.Tab
                key={view}
                value={view}
                rightSection={
                  view === 'urgent' ? (
                    <UrgentBadge count={counts.data?.urgent} />
                  ) : (
                    <CountBadge count={counts.data?.[view] ?? undefined} active={params.view === view} />
                  )
                }
                data-view={view}
              >
                {t(`inbox.view.${view}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <SegmentedControl
          fullWidth
          size="xs"
          aria-label={t('inbox.statusFilter')}
          value={params.status}
          onChange={(value) => {
            const status = CONVERSATION_STATUSES.find((s) => s === value);
            if (status) params.setFilter({ status });
          }}
          data={CONVERSATION_STATUSES.map((status) => ({
            value: status,
            label: t(`status.filter.${status}`),
          }))}
        />
        {numberNames && (
          <Select
            size="xs"
            aria-label={t('inbox.channelFilter')}
            data={[
              { value: '', label: t('inbox.everyChannel') },
              ...numbers.map((c) => ({ value: c.id, label: channelLabel(c) })),
            ]}
            value={params.channel ?? ''}
            allowDeselect={false}
            onChange={(value) => params.setFilter({ channel: value || null })}
          />
        )}
      </div>
      <ConversationList
        view={params.view}
        status={params.status}
        channel={params.channel}
        numberNames={params.channel ? null : numberNames}
        selectedId={params.conversationId}
        onOpen={(id) => params.openConversation(id)}
        timeZone={timeZone}
      />
    </>
  );
}

function CountBadge({ count, active }: { count: number | undefined; active: boolean }) {
  if (count === undefined) return null;
  return (
    <Badge
      size="sm"
      circle={count < 10}
      variant={active ? 'white' : 'light'}
      color={active ? 'careline' : 'gray'}
    >
      {count > 999 ? '999+' : count}
    </Badge>
  );
}

/** Alerts nobody acknowledged yet, in red; nothing when there are none. */
function UrgentBadge({ count }: { count: number | undefined }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <Badge size="sm" circle={count < 10} variant="filled" color="red" data-testid="urgent-count">
      <span className={classes.visuallyHidden}>{t('safety.unacknowledged', { count })}</span>
      <span aria-hidden="true">{count > 999 ? '999+' : count}</span>
    </Badge>
  );
}

/** "Pharmacie · +33 1 80 00 00 99": the name the clinic gave the number, and the number. */
function channelLabel(channel: Channel): string {
  const phone = channel.display_phone_number;
  if (!phone || channel.name.includes(phone)) return channel.name;
  return `${channel.name} · ${phone}`;
}
