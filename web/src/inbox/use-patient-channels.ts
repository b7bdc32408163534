import { useQuery } from '@tanstack/react-query';
import { inboxApi, queryKeys } from '../api/inbox-api.ts';
import type { PatientChannel } from '../api/types.ts';

/** The channels the care team can answer a conversation's patient on (the conversation's own first). */
export function usePatientChannels(conversationId: string): PatientChannel[] | undefined {
  return useQuery({
    queryKey: queryKeys.patientChannels(conversationId),
    queryFn: () => inboxApi.patientChannels(conversationId),
    select: (answer) => answer.data,
  }).data;
}
