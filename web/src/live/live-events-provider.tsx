import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import {
  type BroadcastLiveEvent,
  type CareGroupRedFlagEvent,
  type LiveState,
  type RedFlagEvent,
  useLiveEvents,
} from '../api/live-events.ts';
import {
  createLiveEventBus,
  type LiveEventBus,
  type LiveEventListener,
  type LiveEventName,
} from './live-event-bus.ts';

const LiveStateContext = createContext<LiveState>('connecting');
const LiveEventBusContext = createContext<LiveEventBus | null>(null);

/**
 * One live stream for every signed-in page: lists stay current, and the features that act on an event
 * subscribe to it (`useLiveEvent`), so a red flag alerts the person on the agenda or in the settings as
 * much as in the inbox.
 */
export function LiveEventsProvider({ children, enabled }: { children: ReactNode; enabled: boolean }) {
  const [bus] = useState(createLiveEventBus);
  const publishRedFlag = useCallback(
    (event: RedFlagEvent) => bus.publish('conversation.red_flag', event),
    [bus],
  );
  const publishBroadcast = useCallback(
    (event: BroadcastLiveEvent) => bus.publish('broadcast.updated', event),
    [bus],
  );
  const publishCareGroupRedFlag = useCallback(
    (event: CareGroupRedFlagEvent) => bus.publish('care_group.red_flag', event),
    [bus],
  );
  // A role that reads no conversations (the auditor) has no stream: the server would refuse it.
  const live = useLiveEvents(enabled, publishRedFlag, publishBroadcast, publishCareGroupRedFlag);
  return (
    <LiveEventBusContext.Provider value={bus}>
      <LiveStateContext.Provider value={live}>{children}</LiveStateContext.Provider>
    </LiveEventBusContext.Provider>
  );
}

/** Whether the live stream is connected, reconnecting, or fell back to polling. */
export function useLiveState(): LiveState {
  return useContext(LiveStateContext);
}

/** Calls `listener` with each `name` event of the live stream while the calling component is mounted. */
export function useLiveEvent<N extends LiveEventName>(name: N, listener: LiveEventListener<N>): void {
  const bus = useContext(LiveEventBusContext);
  if (!bus) throw new Error('useLiveEvent needs a LiveEventsProvider');
  // Read at each event: a new listener must not subscribe again.
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => bus.subscribe(name, (event) => latest.current(event)), [bus, name]);
}
