import type { OutboundMessage } from '../../channels/channel.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import type { ConversationScope } from '../flows/flow-runtime-deps.ts';
import { OutboundValidationError, submitOutboundMessage } from '../outbox/outbound-submission.service.ts';

/**
 * Answers the patient from an interceptor, in the automation job's transaction: the answer is queued
 * exactly when what it confirms is recorded. The patient just wrote, so the window is open.
 */
export async function replyInConversation(scope: ConversationScope, message: OutboundMessage): Promise<void> {
  try {
    const submission = await submitOutboundMessage(
      {
        db: scope.tx,
        keyring: scope.deps.keyring,
        senders: scope.deps.senders,
        clock: fixedClock(scope.now),
      },
      { orgId: scope.org.id, conversationId: scope.conversation.id, message, sentByApiKeyId: null },
    );
    if (submission.outcome === 'refused')
      scope.deps.logger.info({ reason: submission.reason }, 'an automatic answer was refused');
  } catch (error) {
    // What was recorded stays recorded: a confirmation the channel refuses must not undo it.
    if (!(error instanceof OutboundValidationError)) throw error;
    scope.deps.logger.warn({ problems: error.message }, 'an automatic answer cannot be sent');
  }
}
