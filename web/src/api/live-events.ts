import { type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { careGroupKeys } from './care-groups-api.ts';
import { queryKeys } from './inbox-api.ts';
import { pharmacyKeys } from './pharmacy-api.ts';
import { schedulingKeys } from './scheduling-api.ts';

/** `conversation.red_flag`: a patient's message reads like an emergency. */
export interface RedFlagEvent {
  conversationId: string;
  redFlagId: string;
  category: string;
  assigneeUserId: string | null;
  teamId: string | null;
}

/** `broadcast.updated`: a health broadcast's report changed (patients taken in, messages sent, read…). */
export interface BroadcastLiveEvent {
  broadcastId: string;
}

/** `care_group.message` from a participant whose words read like an emergency. */
export interface CareGroupRedFlagEvent {
  careGroupId: string;
  messageId: string;
  category: string;
}

/** `live`: events stream in; `reconnecting`: the browser is retrying; `polling`: no stream, we refetch. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'polling';

const EVENTS_URL = '/api/v1/events';
const POLL_INTERVAL_MS = 4000;
const RETRY_STREAM_AFTER_MS = 30_000;

/**
 * Keeps the inbox current from `GET /api/v1/events` (SSE): each event invalidates the queries it
 * touches. EventSource resumes with Last-Event-ID by itself; when the server refuses the stream
 * (not there, or an error page), the inbox falls back to polling and tries the stream again later.
 */
export function useLiveEvents(
  enabled: boolean,
  onRedFlag?: (event: RedFlagEvent) => void,
  onBroadcast?: (event: BroadcastLiveEvent) => void,
  onCareGroupRedFlag?: (event: CareGroupRedFlagEvent) => void,
): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  // Read at each event: a new callback must not reopen the stream.
  const redFlagHandler = useRef(onRedFlag);
  redFlagHandler.current = onRedFlag;
  const broadcastHandler = useRef(onBroadcast);
  broadcastHandler.current = onBroadcast;
  const careGroupRedFlagHandler = useRef(onCareGroupRedFlag);
  careGroupRedFlagHandler.current = onCareGroupRedFlag;

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let poll: number | undefined;
    let retry: number | undefined;

    const stopPolling = () => {
      window.clearInterval(poll);
      poll = undefined;
    };
    const startPolling = () => {
      if (poll !== undefined) return;
      poll = window.setInterval(() => refreshActive(queryClient), POLL_INTERVAL_MS);
    };
    const connect = () => {
      source = new EventSource(EVENTS_URL, { withCredentials: true });
      source.onopen = () => {
        setState('live');
        stopPolling();
      };
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) {
          setState('polling');
          startPolling();
          source.close();
          retry = window.setTimeout(connect, RETRY_STREAM_AFTER_MS);
        } else {
          setState('reconnecting');
        }
      };
      source.addEventListener('message.created', (event) => onMessageEvent(queryClient, event));
      source.addEventListener('message.updated', (event) => onMessageEvent(queryClient, event));
      source.addEventListener('conversation.updated', (event) => onConversationEvent(queryClient, event));
      source.addEventListener('conversation.red_flag', (event) => {
        // At once, not throttled: an emergency goes to the top of every list.
        refresh(queryClient, queryKeys.conversations);
        const redFlag = redFlagEventOf(event);
        if (redFlag) redFlagHandler.current?.(redFlag);
      });
      source.addEventListener('appointment.updated', () => {
        refresh(queryClient, schedulingKeys.appointments, LIST_REFRESH_MS);
        refresh(queryClient, schedulingKeys.slots, LIST_REFRESH_MS);
      });
      source.addEventListener('broadcast.updated', (event) => {
        const broadcastId = idOf(event, 'broadcastId', 'broadcast_id');
        if (broadcastId) broadcastHandler.current?.({ broadcastId });
      });
      // WhatsApp care groups: the group's timeline and the list; a participant's red flag alerts at once.
      for (const type of ['care_group.message', 'care_group.message_updated']) {
        source.addEventListener(type, (event) => {
          const careGroupId = idOf(event, 'careGroupId', 'care_group_id');
          if (careGroupId) refresh(queryClient, careGroupKeys.messages(careGroupId));
          refresh(queryClient, careGroupKeys.all, LIST_REFRESH_MS);
          const redFlag = type === 'care_group.message' ? careGroupRedFlagOf(event) : undefined;
          if (redFlag) careGroupRedFlagHandler.current?.(redFlag);
        });
      }
      // Prescription orders: the clinic's (its timeline) and a pharmacy's incoming ones.
      for (const type of [
        'prescription_order.created',
        'prescription_order.updated',
        'pharmacy_order.created',
        'pharmacy_order.updated',
      ]) {
        source.addEventListener(type, () => refresh(queryClient, pharmacyKeys.orders));
      }
      source.addEventListener('reset', () => {
        void queryClient.invalidateQueries();
      });
    };
    connect();
    return () => {
      source?.close();
      stopPolling();
      window.clearTimeout(retry);
    };
  }, [enabled, queryClient]);

  return state;
}

function onMessageEvent(queryClient: QueryClient, event: MessageEvent): void {
  const conversationId = conversationIdOf(event);
  // The open timeline first: it is what the agent is looking at.
  refresh(queryClient, conversationId ? queryKeys.messages(conversationId) : ['messages']);
  refresh(queryClient, queryKeys.patientTimelines);
  refresh(queryClient, queryKeys.conversations, LIST_REFRESH_MS);
}

function onConversationEvent(queryClient: QueryClient, event: MessageEvent): void {
  const conversationId = conversationIdOf(event);
  if (conversationId) refresh(queryClient, queryKeys.messages(conversationId));
  refresh(queryClient, queryKeys.conversations, LIST_REFRESH_MS);
}

function refreshActive(queryClient: QueryClient): void {
  refresh(queryClient, queryKeys.conversations);
  refresh(queryClient, ['messages']);
  refresh(queryClient, queryKeys.patientTimelines);
  refresh(queryClient, pharmacyKeys.orders);
}

const inFlight = new Set<string>();
const again = new Set<string>();
const lastStarted = new Map<string, number>();
const waiting = new Set<string>();
/** The lists and counts follow a busy clinic a few times a second, not once per event. */
const LIST_REFRESH_MS = 400;

/**
 * Refetches what a key covers, at most one fetch at a time per key. A busy clinic sends events faster
 * than a fetch returns: invalidating each time would cancel the fetch under way and start over, and the
 * screen would wait for a quiet moment. Events during a fetch ask for one more fetch after it instead,
 * so the last one always sees the latest change.
 */
function refresh(queryClient: QueryClient, queryKey: QueryKey, minIntervalMs = 0): void {
  const id = JSON.stringify(queryKey);
  if (inFlight.has(id)) {
    again.add(id);
    return;
  }
  const wait = (lastStarted.get(id) ?? 0) + minIntervalMs - Date.now();
  if (wait > 0) {
    if (waiting.has(id)) return;
    waiting.add(id);
    window.setTimeout(() => {
      waiting.delete(id);
      refresh(queryClient, queryKey, minIntervalMs);
    }, wait);
    return;
  }
  lastStarted.set(id, Date.now());
  inFlight.add(id);
  void queryClient
    .invalidateQueries({ queryKey }, { cancelRefetch: false })
    .catch(() => undefined)
    .finally(() => {
      inFlight.delete(id);
      if (again.delete(id)) refresh(queryClient, queryKey, minIntervalMs);
    });
}

function conversationIdOf(event: MessageEvent): string | undefined {
  try {
    const data: unknown = JSON.parse(String(event.data));
    if (typeof data !== 'object' || data === null) return undefined;
    if ('conversationId' in data && typeof data.conversationId === 'string') return data.conversationId;
    if ('conversation_id' in data && typeof data.conversation_id === 'string') return data.conversation_id;
  } catch {
    // An event without JSON data still refreshes everything it may touch.
  }
  return undefined;
}

function idOf(event: MessageEvent, ...keys: string[]): string | undefined {
  try {
    const data: unknown = JSON.parse(String(event.data));
    if (typeof data !== 'object' || data === null) return undefined;
    for (const key of keys) {
      const value: unknown = Reflect.get(data, key);
      if (typeof value === 'string') return value;
    }
  } catch {
    // No JSON: nothing to name.
  }
  return undefined;
}

function redFlagEventOf(event: MessageEvent): RedFlagEvent | undefined {
  try {
    const data: unknown = JSON.parse(String(event.data));
    if (typeof data !== 'object' || data === null) return undefined;
    const text = (key: string): string | null => {
      const value: unknown = Reflect.get(data, key);
      return typeof value === 'string' ? value : null;
    };
    const conversationId = text('conversationId');
    if (!conversationId) return undefined;
    return {
      conversationId,
      redFlagId: text('redFlagId') ?? '',
      category: text('category') ?? '',
      assigneeUserId: text('assigneeUserId'),
      teamId: text('teamId'),
    };
  } catch {
    return undefined;
  }
}

/** A participant's message with a red flag; undefined for any other care-group message. */
function careGroupRedFlagOf(event: MessageEvent): CareGroupRedFlagEvent | undefined {
  const careGroupId = idOf(event, 'careGroupId');
  const messageId = idOf(event, 'messageId');
  const category = idOf(event, 'redFlag');
  const direction = idOf(event, 'direction');
  if (!careGroupId || !messageId || !category || direction !== 'inbound') return undefined;
  return { careGroupId, messageId, category };
}
