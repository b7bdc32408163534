import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inboxApi, queryKeys } from '../api/inbox-api.ts';
import type { Conversation } from '../api/types.ts';
import { useLiveState } from '../live/live-events-provider.tsx';
import { useSignedIn } from '../session/session-context.tsx';
import { ContactPanel } from './contact/contact-panel.tsx';
import { ConversationPane } from './conversation/conversation-pane.tsx';
import { EmptyConversation } from './conversation/empty-conversation.tsx';
import { InboxHeader } from './header/inbox-header.tsx';
import classes from './inbox-page.module.css';
import { ConversationSidebar } from './list/conversation-sidebar.tsx';
import { useInboxParams } from './use-inbox-params.ts';

/** The agent inbox: views and conversations on the left, the timeline in the middle, the patient on the right. */
export function InboxPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const params = useInboxParams();
  const live = useLiveState();
  const [contactOpen, setContactOpen] = useState(true);
  const conversation = useQuery({
    queryKey: queryKeys.conversation(params.conversationId ?? ''),
    queryFn: () => inboxApi.conversation(params.conversationId ?? ''),
    enabled: params.conversationId !== undefined,
  });
  const timeZone = session.user.org.time_zone;

  return (
    <div className={classes.shell} data-contact-open={contactOpen && conversation.data ? 'true' : 'false'}>
      <InboxHeader live={live} />
      <nav className={classes.sidebar} aria-label={t('inbox.conversations')}>
        <ConversationSidebar params={params} timeZone={timeZone} />
      </nav>
      <main className={classes.main} data-has-conversation={params.conversationId ? 'true' : 'false'}>
        {params.conversationId ? (
          <ConversationPane
            key={params.conversationId}
            conversationId={params.conversationId}
            conversation={conversation.data}
            error={conversation.error}
            focusMessageId={params.focusMessageId}
            timeZone={timeZone}
            contactOpen={contactOpen}
            onToggleContact={() => setContactOpen((open) => !open)}
          />
        ) : (
          <EmptyConversation />
        )}
      </main>
      {contactOpen && conversation.data && (
        <ContactAside
          conversation={conversation.data}
          timeZone={timeZone}
          onClose={() => setContactOpen(false)}
          onOpen={params.openConversation}
        />
      )}
    </div>
  );
}

function ContactAside(props: {
  conversation: Conversation;
  timeZone: string;
  onClose(): void;
  onOpen(id: string): void;
}) {
  return (
    <aside className={classes.aside}>
      <ContactPanel {...props} />
    </aside>
  );
}
