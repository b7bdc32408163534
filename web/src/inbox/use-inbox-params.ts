import { useCallback } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { CONVERSATION_STATUSES, type ConversationStatus, INBOX_VIEWS, type InboxView } from '../api/types.ts';

export interface InboxParams {
  view: InboxView;
  status: ConversationStatus;
  /** One of the clinic's numbers (a channel account id), or every number. */
  channel: string | undefined;
  conversationId: string | undefined;
  /** A message to scroll to (from search). */
  focusMessageId: string | undefined;
  setFilter(change: { view?: InboxView; status?: ConversationStatus; channel?: string | null }): void;
  openConversation(id: string, focusMessageId?: string): void;
}

/** The inbox's state lives in the URL: /inbox/{conversation}?view=all&status=open&channel={number}&m={message}. */
export function useInboxParams(): InboxParams {
  const { conversationId } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const view = INBOX_VIEWS.find((v) => v === search.get('view')) ?? 'all';
  const status = CONVERSATION_STATUSES.find((s) => s === search.get('status')) ?? 'open';
  const channel = search.get('channel') || undefined;
  const focusMessageId = search.get('m') ?? undefined;

  const href = useCallback(
    (
      id: string | undefined,
      next: { view: InboxView; status: ConversationStatus; channel: string | undefined; m?: string },
    ) => {
      const params = new URLSearchParams({ view: next.view, status: next.status });
      if (next.channel) params.set('channel', next.channel);
      if (next.m) params.set('m', next.m);
      return `/inbox${id ? `/${id}` : ''}?${params}`;
    },
    [],
  );

  const setFilter = useCallback(
    (change: { view?: InboxView; status?: ConversationStatus; channel?: string | null }) =>
      navigate(
        href(conversationId, {
          view: change.view ?? view,
          status: change.status ?? status,
          channel: change.channel === undefined ? channel : (change.channel ?? undefined),
        }),
      ),
    [navigate, href, conversationId, view, status, channel],
  );

  const openConversation = useCallback(
    (id: string, m?: string) => navigate(href(id, { view, status, channel, ...(m ? { m } : {}) })),
    [navigate, href, view, status, channel],
  );

  return { view, status, channel, conversationId, focusMessageId, setFilter, openConversation };
}
