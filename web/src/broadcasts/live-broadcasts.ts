import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { broadcastKeys } from '../api/broadcasts-api.ts';
import { useLiveEvent } from '../live/live-events-provider.tsx';

/** A busy broadcast changes many times a second: its pages look again at most this often. */
const REFRESH_MS = 700;

/**
 * Keeps the broadcasts' figures current from the live feed (`broadcast.updated`), throttled; with an id,
 * only that broadcast's.
 */
export function useBroadcastsLive(broadcastId?: string): void {
  const queryClient = useQueryClient();
  const timer = useRef<number | undefined>(undefined);
  useLiveEvent('broadcast.updated', (event) => {
    if (broadcastId && event.broadcastId !== broadcastId) return;
    if (timer.current !== undefined) return;
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      void queryClient.invalidateQueries({ queryKey: broadcastKeys.all });
    }, REFRESH_MS);
  });
}
