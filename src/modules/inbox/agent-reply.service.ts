import type { OutboundMessage } from '../../channels/channel.ts';
import { pauseAutomation } from '../flows/automation-control.service.ts';
import {
  type Submission,
  type SubmissionDeps,
  submitOutboundMessage,
} from '../outbox/outbound-submission.service.ts';
import { setMessageAuthor } from './message.repository.ts';

/**
 * The care team answers the patient: the outbox checks, stores and queues the message, and the
 * signed-in agent who wrote it is recorded as its author (API keys write as nobody in particular).
 * The submission service records only the API key, so the author is set right after it.
 */
export async function submitReply(
  deps: SubmissionDeps,
  input: {
    orgId: string;
    conversationId: string;
    message: OutboundMessage;
    apiKeyId: string | null;
    authorUserId: string | null;
  },
): Promise<Submission> {
  const submission = await submitOutboundMessage(deps, {
    orgId: input.orgId,
    conversationId: input.conversationId,
    message: input.message,
    sentByApiKeyId: input.apiKeyId,
  });
  // The care team took over: the bot must not talk over them.
  if (submission.outcome === 'queued') {
    await pauseAutomation(
      deps.db,
      deps.keyring,
      input.orgId,
      input.conversationId,
      'agent_replied',
      deps.clock.now(),
    );
  }
  if (!input.authorUserId) return submission;
  const message = await setMessageAuthor(deps.db, input.orgId, submission.message.id, input.authorUserId);
  // The submission holds the message as readers see it (plain); the row returned is sealed.
  return message
    ? { ...submission, message: { ...submission.message, authorUserId: message.authorUserId } }
    : submission;
}
