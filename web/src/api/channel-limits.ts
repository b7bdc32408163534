import { useQuery } from '@tanstack/react-query';
import { inboxApi, queryKeys } from './inbox-api.ts';
import type { ChannelLimits } from './types.ts';

/**
 * What a message may hold on this channel, as the server checks it (`GET /api/v1/limits`); undefined
 * while it loads or for a channel the server lists no limits for, and then the server's refusal says it.
 */
export function useChannelLimits(channel: string): ChannelLimits | undefined {
  const limits = useQuery({
    queryKey: queryKeys.limits,
    queryFn: inboxApi.limits,
    // The figures change with a new Careline version, never while a page is open.
    staleTime: Number.POSITIVE_INFINITY,
  });
  return limits.data?.data.find((entry) => entry.channel === channel);
}

/** The file types the channel carries, for a file picker's `accept` (the server still reads the bytes). */
export function acceptedFileTypes(limits: ChannelLimits | undefined): string | undefined {
  const types = limits?.media.flatMap((kind) => kind.mime_types);
  // A channel that takes documents of any type: the picker offers every file.
  return types === undefined || types.includes('*/*') ? undefined : types.join(',');
}
