import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inboxApi, queryKeys } from '../../api/inbox-api.ts';
import type { ContactDetails, ContactPatch } from '../../api/types.ts';

/**
 * Saves part of a patient's profile and puts the server's answer in the cache. Failures stay on the
 * mutation, for the form to show beside the field the server named.
 */
export function useContactUpdate(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: ContactPatch) => inboxApi.updateContact(contactId, patch),
    onSuccess: (saved) => {
      queryClient.setQueryData<ContactDetails>(queryKeys.contact(contactId), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
    },
  });
}
