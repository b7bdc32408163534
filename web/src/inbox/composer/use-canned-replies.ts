import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import type { CannedReply } from '../../api/types.ts';

const SLASH_COMMAND = /^\/([^\s/]*)$/;

/** Typing `/` then a shortcut suggests saved replies. */
export function useCannedReplies(text: string, enabled: boolean): CannedReply[] {
  const match = enabled ? SLASH_COMMAND.exec(text) : null;
  const [q] = useDebouncedValue(match ? (match[1] ?? '') : null, 120);
  const replies = useQuery({
    queryKey: queryKeys.cannedReplies(q ?? ''),
    queryFn: () => inboxApi.cannedReplies(q ?? ''),
    enabled: q !== null && match !== null,
    staleTime: 60_000,
  });
  if (!match) return [];
  return (replies.data?.data ?? []).slice(0, 8);
}
