import { createContext, type ReactNode, useCallback, useContext } from 'react';
import { useNavigate } from 'react-router';
import { type LiveState, useLiveEvents } from '../api/live-events.ts';
import { useRedFlagAlerts } from '../inbox/safety/use-red-flag-alerts.ts';

const LiveStateContext = createContext<LiveState>('connecting');

/**
 * One live stream for every signed-in page: lists stay current, and a red flag alerts the person on the
 * agenda or in the settings as much as in the inbox.
 */
export function LiveEventsProvider({ children, enabled }: { children: ReactNode; enabled: boolean }) {
  const navigate = useNavigate();
  const openUrgent = useCallback(
    (id: string) => navigate(`/inbox/${id}?view=urgent&status=open`),
    [navigate],
  );
  // A role that reads no conversations (the auditor) has no stream: the server would refuse it.
  const live = useLiveEvents(enabled, useRedFlagAlerts(openUrgent));
  return <LiveStateContext.Provider value={live}>{children}</LiveStateContext.Provider>;
}

/** Whether the live stream is connected, reconnecting, or fell back to polling. */
export function useLiveState(): LiveState {
  return useContext(LiveStateContext);
}
