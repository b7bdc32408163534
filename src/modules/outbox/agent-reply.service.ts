import type { OutboundMessage } from '../../channels/channel.ts';
import type { PauseAutomation } from '../inbox/conversation-hooks.ts';
import {
  type Submission,
  type SubmissionDeps,
  submitOutboundMessage,
} from './outbound-submission.service.ts';

/**
 * The care team answers the patient: the outbox checks, stores and queues the message with the
 * signed-in agent who wrote it as its author (API keys write as nobody in particular) — a person's
 * reply, which Messenger and Instagram still accept for a while after their 24-hour window.
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
  pauseAutomation: PauseAutomation,
): Promise<Submission> {
  const submission = await submitOutboundMessage(deps, {
    orgId: input.orgId,
    conversationId: input.conversationId,
    message: input.message,
    sentByApiKeyId: input.apiKeyId,
    authorUserId: input.authorUserId,
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
  return submission;
}
