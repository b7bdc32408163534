import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import type { ContactDetails, ContactPatch } from '../../api/types.ts';

/**
 * Saves part of a patient's profile and puts the server's answer in the cache. Failures stay on the
 * mutation, for the form to show beside the field the server named. Reads of the profile under way when
 * the agent saves are cancelled, and one more follows the save: answering after it, they would put the old
 * value back on screen.
 */
export function useContactUpdate(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ContactPatch) => inboxApi.updateContact(contactId, patch),
    onMutate: () => queryClient.cancelQueries({ queryKey: queryKeys.contact(contactId) }),
    onSuccess: (saved) => {
      queryClient.setQueryData<ContactDetails>(queryKeys.contact(contactId), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
    },
    // A read that started while the save was on its way may hold the old profile: this one replaces it.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.contact(contactId) }),
  });
}
