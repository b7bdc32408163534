import { Badge, SegmentedControl, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import { CONVERSATION_STATUSES, INBOX_VIEWS } from '../../api/types.ts';
import type { InboxParams } from '../use-inbox-params.ts';
import { ConversationList } from './conversation-list.tsx';
import classes from './conversation-sidebar.module.css';

/** Mine / Unassigned / All with their counts, the status filter, and the conversations. */
export function ConversationSidebar({ params, timeZone }: { params: InboxParams; timeZone: string }) {
  const { t } = useTranslation();
  const counts = useQuery({ queryKey: queryKeys.counts, queryFn: inboxApi.counts });

  return (
    <>
      <div className={classes.filters}>
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
          <Tabs.List justify="space-between" aria-label={t('inbox.views')}>
            {INBOX_VIEWS.map((view) => (
              <Tabs.Tab
                key={view}
                value={view}
                rightSection={<CountBadge count={counts.data?.[view]} active={params.view === view} />}
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
      </div>
      <ConversationList
        view={params.view}
        status={params.status}
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
