import { type WindowState, windowState } from '../../channels/window-state.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { ChannelAccount, ChannelType } from '../channel-accounts/channel-account.schema.ts';
import { listChannelAccountsOfOrg } from '../channel-accounts/channel-account.service.ts';
import { getContactWithIdentities } from '../contacts/contact.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { Conversation } from './conversation.schema.ts';
import { conversationsOfContact } from './conversation.service.ts';
import type { WindowPolicyOf } from './conversation-hooks.ts';

/** One of the clinic's channel accounts the care team can write to this patient on. */
export interface PatientChannel {
  account: Pick<ChannelAccount, 'id' | 'type' | 'name'>;
  /** The patient's live conversation on it, where a message goes; null: one would be opened. */
  conversationId: string | null;
  /** What the channel's window lets go there now (from the patient's last message in that conversation). */
  window: WindowState;
  /** When the patient last wrote on this account, in any conversation; null: never. */
  lastWroteAt: Date | null;
}

/** How many of a patient's conversations are weighed to find their channels: years of history, not all of it. */
const CONVERSATIONS_WEIGHED = 200;

/**
 * Where the care team can reach a patient: every account of the clinic they have a conversation on, and
 * each account of a channel they have an identity on but no conversation in yet — unless they already
 * talk to another account of that channel (a Telegram user id, a Messenger id or a LINE id belongs to
 * the bot or page they wrote to, and another one of the clinic's could not reach them). The accounts of
 * the conversations come first, most recent first; a channel Careline cannot send on is left out.
 */
export async function patientChannelsOf(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  contactId: string,
  context: { windowPolicyOf: WindowPolicyOf; now: Date },
): Promise<PatientChannel[]> {
  const patient = await getContactWithIdentities(db, keyring, orgId, contactId);
  const conversations = await conversationsOfContact(db, orgId, contactId, CONVERSATIONS_WEIGHED);
  const accounts = await listChannelAccountsOfOrg(db, orgId);
  const talkedOn = new Set(conversations.map((c) => c.channelAccountId));
  const typesTalkedOn = new Set(accounts.filter((a) => talkedOn.has(a.id)).map((a) => a.type));
  const identityTypes = new Set<ChannelType>(patient.identities.map((i) => i.channelType));
  const reachable = [
    ...accounts.filter((a) => talkedOn.has(a.id)).sort(byLatestConversation(conversations)),
    ...accounts.filter((a) => !talkedOn.has(a.id) && identityTypes.has(a.type) && !typesTalkedOn.has(a.type)),
  ];
  return reachable.flatMap((account): PatientChannel[] => {
    const policy = context.windowPolicyOf(account);
    if (!policy) return [];
    const on = conversations.filter((c) => c.channelAccountId === account.id);
    const live = on.find((c) => c.status !== 'closed') ?? null;
    return [
      {
        account: { id: account.id, type: account.type, name: account.name },
        conversationId: live?.id ?? null,
        window: windowState(policy, live?.lastInboundAt ?? null, context.now),
        lastWroteAt: latest(on.map((c) => c.lastInboundAt)),
      },
    ];
  });
}

function byLatestConversation(conversations: readonly Conversation[]) {
  const latestOf = new Map<string, number>();
  for (const c of conversations) {
    const at = c.lastMessageAt.getTime();
    if (at > (latestOf.get(c.channelAccountId) ?? -Infinity)) latestOf.set(c.channelAccountId, at);
  }
  return (a: { id: string }, b: { id: string }) => (latestOf.get(b.id) ?? 0) - (latestOf.get(a.id) ?? 0);
}

function latest(dates: ReadonlyArray<Date | null>): Date | null {
  let found: Date | null = null;
  for (const d of dates) if (d && (!found || d > found)) found = d;
  return found;
}
