import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useLiveEvent } from '../../live/live-events-provider.tsx';
import { useRedFlagAlerts } from './use-red-flag-alerts.ts';

/**
 * The red-flag alerts of every signed-in page, not only the inbox's: app.tsx mounts this beside the
 * pages that RequireSession guards. A notification opens the conversation among the urgent ones.
 */
export function RedFlagAlerts() {
  const navigate = useNavigate();
  const openUrgent = useCallback(
    (id: string) => navigate(`/inbox/${id}?view=urgent&status=open`),
    [navigate],
  );
  useLiveEvent('conversation.red_flag', useRedFlagAlerts(openUrgent));
  return null;
}
