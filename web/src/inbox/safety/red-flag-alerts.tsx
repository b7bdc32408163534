import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { CareGroupRedFlagEvent } from '../../api/live-events.ts';
import { useLiveEvent } from '../../live/live-events-provider.tsx';
import { useRedFlagAlerts } from './use-red-flag-alerts.ts';

/**
 * The red-flag alerts of every signed-in page, not only the inbox's: app.tsx mounts this beside the
 * pages that RequireSession guards. A notification opens the conversation among the urgent ones, or the
 * WhatsApp care group a participant wrote in.
 */
export function RedFlagAlerts() {
  const navigate = useNavigate();
  const openUrgent = useCallback(
    (id: string) => navigate(`/inbox/${id}?view=urgent&status=open`),
    [navigate],
  );
  useLiveEvent('conversation.red_flag', useRedFlagAlerts(openUrgent));
  // A care group has no assignee: everyone who reads the inbox is alerted, and the alert opens the group.
  const openGroup = useCallback((id: string) => navigate(`/inbox/groups/${id}`), [navigate]);
  const alertOfGroup = useRedFlagAlerts(openGroup);
  useLiveEvent(
    'care_group.red_flag',
    useCallback(
      (event: CareGroupRedFlagEvent) =>
        alertOfGroup({
          conversationId: event.careGroupId,
          redFlagId: event.messageId,
          category: event.category,
          assigneeUserId: null,
          teamId: null,
        }),
      [alertOfGroup],
    ),
  );
  return null;
}
