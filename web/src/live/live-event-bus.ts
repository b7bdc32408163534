import type { BroadcastLiveEvent, CareGroupRedFlagEvent, RedFlagEvent } from '../api/live-events.ts';

/** The live stream's events that features act on, by name, with what each carries. */
export interface LiveEventMap {
  'conversation.red_flag': RedFlagEvent;
  'broadcast.updated': BroadcastLiveEvent;
  'care_group.red_flag': CareGroupRedFlagEvent;
}

export type LiveEventName = keyof LiveEventMap;

export type LiveEventListener<N extends LiveEventName> = (event: LiveEventMap[N]) => void;

export interface LiveEventBus {
  publish<N extends LiveEventName>(name: N, event: LiveEventMap[N]): void;
  /** Returns the call that stops listening. */
  subscribe<N extends LiveEventName>(name: N, listener: LiveEventListener<N>): () => void;
}

/**
 * Hands the live stream's events to whoever listens, so that live/ knows no feature: the features
 * subscribe (the red-flag alerts), the stream publishes.
 */
export function createLiveEventBus(): LiveEventBus {
  const listeners: { [N in LiveEventName]: Set<LiveEventListener<N>> } = {
    'conversation.red_flag': new Set(),
    'broadcast.updated': new Set(),
    'care_group.red_flag': new Set(),
  };
  return {
    publish(name, event) {
      for (const listener of listeners[name]) listener(event);
    },
    subscribe(name, listener) {
      listeners[name].add(listener);
      return () => {
        listeners[name].delete(listener);
      };
    },
  };
}
