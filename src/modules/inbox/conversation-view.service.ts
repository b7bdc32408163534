import type { WindowPolicy } from '../../channels/channel-capabilities.ts';
import { type WindowState, windowState } from '../../channels/window-state.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import { listChannelAccountsOfOrg } from '../channel-accounts/channel-account.service.ts';
import { findContactsByIds } from '../contacts/contact.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findTeamsByIds } from '../teams/team.service.ts';
import { findStaffByIds } from '../users/user.service.ts';
import type { Conversation } from './conversation.schema.ts';
import type {
  AutomationOf,
  ConversationAutomation,
  ConversationRedFlag,
  RedFlagsOf,
  WindowPolicyOf,
} from './conversation-hooks.ts';
import { latestMessages } from './message.repository.ts';
import type { Message } from './message.schema.ts';
import { openMessages } from './message-sealing.ts';

/** Someone named in the inbox (an assignee, a message's author, a team). */
export interface NamedRef {
  id: string;
  name: string | null;
}

export interface ConversationSummary extends Conversation {
  channel: ChannelType;
  contact: { id: string; displayName: string | null; phone: string | null };
  assignee: NamedRef | null;
  team: NamedRef | null;
  /** What the channel's window lets go now, and until when. */
  window: WindowState;
  lastMessage: Message | null;
  /** Authors of `lastMessage` (and only those): people of the care team. */
  authors: NamedRef[];
  /** The flow running or paused in the conversation, if any. */
  automation: ConversationAutomation | null;
  /** The latest red flag the patient raised here, with the words that raised it. */
  redFlag: (ConversationRedFlag & { acknowledgedBy: NamedRef | null }) | null;
}

export interface ViewContext {
  now: Date;
  /** Seals and opens patient data: messages, names and numbers (identities matched by blind-index hashes). */
  keyring: Keyring;
  /** The channel's window (WhatsApp: 24 h then templates); null when Careline cannot send on it. */
  windowPolicyOf: WindowPolicyOf;
  /** The red flags raised in urgent conversations (the safety module keeps them). */
  redFlagsOf: RedFlagsOf;
  /** The flows running or paused in the conversations (the flows module keeps them). */
  automationOf: AutomationOf;
}

/**
 * What the inbox shows of each conversation. Batched: one query per related table for the whole page
 * (latest messages, contacts, people, teams, channel accounts), whatever the page size.
 */
export async function describeConversations(
  db: DbOrTx,
  orgId: string,
  rows: readonly Conversation[],
  context: ViewContext,
): Promise<ConversationSummary[]> {
  if (rows.length === 0) return [];
  const latest = await openMessages(
    db,
    context.keyring,
    await latestMessages(
      db,
      rows.map((c) => c.id),
    ),
  );
  const contacts = byId(
    await findContactsByIds(
      db,
      context.keyring,
      orgId,
      rows.map((c) => c.contactId),
    ),
  );
  const redFlags = new Map(
    (
      await context.redFlagsOf(
        db,
        context.keyring,
        orgId,
        rows.filter((c) => c.urgent).map((c) => c.id),
      )
    ).map((r) => [r.conversationId, r]),
  );
  const people = byId(
    await findStaffByIds(db, orgId, [
      ...[...redFlags.values()].flatMap((r) => (r.acknowledgedByUserId ? [r.acknowledgedByUserId] : [])),
      ...rows.flatMap((c) => (c.assigneeUserId ? [c.assigneeUserId] : [])),
      ...latest.flatMap((m) => (m.authorUserId ? [m.authorUserId] : [])),
    ]),
  );
  const teams = byId(
    await findTeamsByIds(
      db,
      orgId,
      rows.flatMap((c) => (c.teamId ? [c.teamId] : [])),
    ),
  );
  const accounts = byId(await listChannelAccountsOfOrg(db, orgId));
  const automation = await context.automationOf(
    db,
    context.keyring,
    orgId,
    rows.map((c) => c.id),
  );

  return rows.map((c) => {
    const contact = contacts.get(c.contactId);
    const account = accounts.get(c.channelAccountId);
    if (!account) throw new Error(`channel account ${c.channelAccountId} of conversation ${c.id} not found`);
    const channel = account.type;
    const policy = context.windowPolicyOf(account) ?? NO_SENDER;
    const lastMessage = latest.find((m) => m.conversationId === c.id) ?? null;
    const author = lastMessage?.authorUserId ? people.get(lastMessage.authorUserId) : undefined;
    return {
      ...c,
      channel,
      contact: { id: c.contactId, displayName: contact?.displayName ?? null, phone: contact?.phone ?? null },
      assignee: c.assigneeUserId ? named(c.assigneeUserId, people.get(c.assigneeUserId)) : null,
      team: c.teamId ? named(c.teamId, teams.get(c.teamId)) : null,
      window: windowState(policy, c.lastInboundAt, context.now),
      lastMessage,
      authors: author ? [named(author.id, author)] : [],
      automation: automation.get(c.id) ?? null,
      redFlag: redFlagOf(redFlags.get(c.id), people),
    };
  });
}

/** The signed-in author of a message a request wrote, as the timeline names them (API keys write as nobody in particular). */
export async function authorsOfRequest(
  db: DbOrTx,
  orgId: string,
  userId: string | null,
): Promise<NamedRef[]> {
  return (await findStaffByIds(db, orgId, userId ? [userId] : [])).map((u) => named(u.id, u));
}

/** A channel Careline cannot send on is shown as having no window (its sends are refused anyway). */
const NO_SENDER: WindowPolicy = { kind: 'none' };

function redFlagOf(
  event: ConversationRedFlag | undefined,
  people: ReadonlyMap<string, { name: string | null }>,
): ConversationSummary['redFlag'] {
  if (!event) return null;
  const by = event.acknowledgedByUserId;
  return { ...event, acknowledgedBy: by ? named(by, people.get(by)) : null };
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function named(id: string, row: { name: string | null } | undefined): NamedRef {
  return { id, name: row?.name ?? null };
}
