import type { DbOrTx } from '../../platform/db/db.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import { findConversation, isConversationVisibleTo } from '../inbox/conversation.service.ts';
import type { WindowPolicyOf } from '../inbox/conversation-hooks.ts';
import { ConversationNotFoundError, openOrContinueConversation } from '../inbox/inbox.service.ts';
import { patientChannelsOf } from '../inbox/patient-channels.service.ts';
import type { Keyring } from '../keys/keyring.ts';

/**
 * The conversation an agent's reply goes to: the one they answer, or — when they chose another of the
 * patient's channels — the patient's live conversation on that account, opened if there is none (it
 * joins the account's default team, as a patient's first message would). A channel the patient cannot
 * be reached on is the request's fault (400 naming the parameter); a live conversation there that the
 * agent's teams do not handle is not theirs to write in (403).
 */
export async function replyConversationOf(
  tx: DbOrTx,
  deps: { keyring: Keyring; windowPolicyOf: WindowPolicyOf; now: Date },
  input: {
    orgId: string;
    conversationId: string;
    channelAccountId?: string | undefined;
    onlyTeamsOf?: string;
  },
): Promise<string> {
  const wanted = input.channelAccountId;
  // The usual reply, on the conversation's own channel: the submission reads the conversation itself.
  if (wanted === undefined) return input.conversationId;
  const source = await findConversation(tx, input.orgId, input.conversationId);
  if (!source) throw new ConversationNotFoundError();
  if (wanted === source.channelAccountId) return source.id;
  const channels = await patientChannelsOf(tx, deps.keyring, input.orgId, source.contactId, deps);
  const channel = channels.find((c) => c.account.id === wanted);
  if (!channel) {
    const field = 'querystring.channel_account_id';
    const message =
      'is not a channel account this patient can be reached on (GET /conversations/{id}/channels)';
    throw new HttpProblem(400, `${field}: ${message}`, [{ field, message }]);
  }
  const target = await openOrContinueConversation(
    tx,
    input.orgId,
    wanted,
    source.contactId,
    deps.now,
    deps.now,
  );
  if (input.onlyTeamsOf && !(await isConversationVisibleTo(tx, input.orgId, target.id, input.onlyTeamsOf)))
    throw new HttpProblem(
      403,
      `Another team handles this patient’s conversation on ${channel.account.name}: ask them, or a supervisor`,
    );
  return target.id;
}
