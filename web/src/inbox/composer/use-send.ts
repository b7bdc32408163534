import { type InfiniteData, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import type { Message, OutgoingMessage, Page } from '../../api/types.ts';

export interface Sender {
  send(message: OutgoingMessage): Promise<Message>;
  addNote(text: string, medical?: boolean): Promise<Message>;
  upload(file: File): ReturnType<typeof inboxApi.upload>;
  /** After a refusal: the server stored the refused message and the window state changed. */
  refresh(): void;
}

/**
 * Sends from the composer and its dialogs; the new message shows at once, then the server's view wins.
 * `via`: another of the patient's channel accounts, where the reply goes instead (its conversation there).
 */
export function useSender(conversationId: string, via?: string): Sender {
  const queryClient = useQueryClient();

  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.messages(conversationId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.patientTimelines });
    void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
  }, [queryClient, conversationId]);

  const shown = useCallback(
    (message: Message): Message => {
      // A 202 normally carries the message; show it without waiting for the refetch (only here: sent
      // on another channel, it belongs to the patient's conversation there).
      if (
        typeof message === 'object' &&
        message !== null &&
        'id' in message &&
        message.conversation_id === conversationId
      ) {
        queryClient.setQueryData<InfiniteData<Page<Message>, string | null>>(
          queryKeys.messages(conversationId),
          (old) => {
            const [first, ...rest] = old?.pages ?? [];
            if (!old || !first || first.data.some((m) => m.id === message.id)) return old;
            return { ...old, pages: [{ ...first, data: [message, ...first.data] }, ...rest] };
          },
        );
      }
      refresh();
      return message;
    },
    [queryClient, conversationId, refresh],
  );

  return {
    send: async (message) => shown(await inboxApi.send(conversationId, message, via)),
    addNote: async (text, medical) => shown(await inboxApi.addNote(conversationId, text, medical)),
    upload: (file) => inboxApi.upload(file),
    refresh,
  };
}
