import type { SendOutcome } from '../../channels/channel.ts';
import type {
  GroupMessageEvent,
  GroupUpdateEvent,
  Sender,
  StatusEvent,
} from '../../channels/inbound-event.ts';
import type { OutboundMessage } from '../../channels/outbound-message.ts';
import { senderIdentityOf } from '../../channels/sender-identity.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { findChannelAccount, listChannelAccountsOfOrg } from '../channel-accounts/channel-account.service.ts';
import { findContact, resolveSenderContact } from '../contacts/contact.service.ts';
import { patientLanguage } from '../flows/flow-host-context.ts';
import { emergencyAdvice } from '../flows/red-flags/emergency-advice.ts';
import { type RedFlagFinding, screenForRedFlags } from '../flows/red-flags/screen-for-red-flags.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import {
  countJoinedParticipants,
  findCareGroup,
  findCareGroupOfAccount,
  findGroupMessageByExternal,
  findParticipantByContact,
  insertCareGroup,
  insertGroupMessage,
  insertParticipant,
  listCareGroupsOfOrg,
  listGroupMessages,
  listParticipants,
  updateCareGroup,
  updateGroupMessage,
  updateParticipant,
} from './care-group.repository.ts';
import type {
  CareGroup,
  CareGroupMessage,
  CareGroupMessageStatus,
  CareGroupParticipant,
} from './care-group.schema.ts';

/** Meta's participant limit for a group (Groups API quick facts). */
export const MAX_CARE_GROUP_PARTICIPANTS = 8;
export const MAX_SUBJECT_LENGTH = 128;
export const MAX_DESCRIPTION_LENGTH = 2048;

/** Meta's Groups API codes Careline acts on (developers.facebook.com …/groups/error-codes). */
export const GROUP_RATE_LIMIT_CODE = 131208;
const SINGLE_MEMBER_GROUP_CODE = 131020;
/**
 * Codes meaning "this number may not use groups" (not an Official Business Account, Business app or
 * Multi-solution number, missing permission): Meta does not document which one it answers, so the
 * usual Graph permission codes are taken, and any HTTP 403 (unverified).
 */
const NO_ACCESS_CODES: ReadonlySet<number> = new Set([3, 10, 200, 131005]);

const TEXT_PURPOSE = 'care_groups.text';
const WA_ID_PURPOSE = 'care_groups.wa_id';
const NAME_PURPOSE = 'care_groups.name';

/** The answer of a Groups API call as the provider port gives it. */
export type GroupCall =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; code: number | null; title: string; detail: string | null; httpStatus: number | null };

/** What the groups module needs of the channel (WhatsApp's Groups API), given by app.ts. */
export interface CareGroupsApi {
  access(account: ChannelAccount): Promise<GroupCall>;
  create(
    account: ChannelAccount,
    group: { subject: string; description: string | null },
  ): Promise<GroupCall & { requestId?: string | null; groupId?: string | null }>;
  inviteLink(account: ChannelAccount, groupId: string, reset: boolean): Promise<GroupCall>;
  send(
    account: ChannelAccount,
    groupId: string,
    message: OutboundMessage,
    correlationId: string,
  ): Promise<SendOutcome>;
}

export interface CareGroupDeps {
  db: Db;
  keyring: Keyring;
  clock: Clock;
  api: CareGroupsApi;
}

export class CareGroupNotFoundError extends Error {
  override name = 'CareGroupNotFoundError';
}

export class UnknownChannelAccountError extends Error {
  override name = 'UnknownChannelAccountError';
}

/** Meta refused, or the group cannot take this now: `status` is the HTTP status Careline answers. */
export class CareGroupRefusedError extends Error {
  override name = 'CareGroupRefusedError';
  readonly status: 409 | 422 | 429 | 502;
  readonly code: number | null;
  constructor(status: 409 | 422 | 429 | 502, reason: string, code: number | null) {
    super(reason);
    this.status = status;
    this.code = code;
  }
}

export interface CareGroupAvailability {
  channelAccountId: string;
  name: string;
  available: boolean;
  reason: string | null;
}

// A number's access does not change by the minute: one Graph call per number and 5 minutes.
const ACCESS_TTL_MS = 5 * 60_000;
const accessCache = new Map<string, { at: number; availability: CareGroupAvailability }>();

/** The clinic's WhatsApp numbers and whether each may use groups, with Meta's reason when not. */
export async function careGroupAvailability(
  deps: CareGroupDeps,
  orgId: string,
): Promise<CareGroupAvailability[]> {
  const accounts = (await listChannelAccountsOfOrg(deps.db, orgId)).filter((a) => a.type === 'whatsapp');
  const now = deps.clock.now().getTime();
  return Promise.all(
    accounts.map(async (account) => {
      const cached = accessCache.get(account.id);
      if (cached && now - cached.at < ACCESS_TTL_MS) return { ...cached.availability, name: account.name };
      const answer = await deps.api.access(account);
      const availability: CareGroupAvailability = {
        channelAccountId: account.id,
        name: account.name,
        available: answer.ok,
        reason: answer.ok ? null : refusalText(answer),
      };
      // A passing failure (no answer, rate limit) is asked again next time.
      if (answer.ok || isNoAccess(answer)) accessCache.set(account.id, { at: now, availability });
      return availability;
    }),
  );
}

/** Asks Meta to create the group; it becomes active (with its invite link) when Meta's webhook comes. */
export async function createCareGroup(
  deps: CareGroupDeps,
  input: {
    orgId: string;
    channelAccountId: string;
    subject: string;
    description: string | null;
    createdByUserId: string | null;
  },
): Promise<CareGroup> {
  const account = await findChannelAccount(deps.db, input.orgId, input.channelAccountId);
  if (account?.type !== 'whatsapp')
    throw new UnknownChannelAccountError('not a WhatsApp number of the clinic');
  const answer = await deps.api.create(account, { subject: input.subject, description: input.description });
  if (!answer.ok) {
    if (isNoAccess(answer))
      accessCache.set(account.id, {
        at: deps.clock.now().getTime(),
        availability: {
          channelAccountId: account.id,
          name: account.name,
          available: false,
          reason: refusalText(answer),
        },
      });
    throw refusalOf(answer);
  }
  return insertCareGroup(deps.db, {
    orgId: input.orgId,
    channelAccountId: account.id,
    externalId: answer.groupId ?? null,
    requestId: answer.requestId ?? null,
    subject: input.subject,
    description: input.description,
    status: 'creating',
    createdByUserId: input.createdByUserId,
  });
}

/** A new invite link (every earlier link stops working), asked of Meta and kept. */
export async function resetCareGroupInviteLink(
  deps: CareGroupDeps,
  orgId: string,
  id: string,
): Promise<CareGroup> {
  const { group, account } = await groupWithAccount(deps, orgId, id);
  if (!group.externalId || group.status !== 'active')
    throw new CareGroupRefusedError(409, 'The group is not active yet: WhatsApp has not confirmed it', null);
  const answer = await deps.api.inviteLink(account, group.externalId, true);
  if (!answer.ok) throw refusalOf(answer);
  const link = typeof answer.body.invite_link === 'string' ? answer.body.invite_link : null;
  await updateCareGroup(deps.db, orgId, id, { inviteLink: link }, deps.clock.now());
  return { ...group, inviteLink: link };
}

export interface CareGroupView {
  group: CareGroup;
  participants: ParticipantView[];
}

export interface ParticipantView {
  id: string;
  contactId: string | null;
  waId: string | null;
  name: string | null;
  status: CareGroupParticipant['status'];
  joinedAt: Date;
  leftAt: Date | null;
}

export async function listCareGroups(deps: CareGroupDeps, orgId: string): Promise<CareGroupView[]> {
  const groups = await listCareGroupsOfOrg(deps.db, orgId);
  const participants = await openParticipants(
    deps,
    orgId,
    await listParticipants(
      deps.db,
      orgId,
      groups.map((g) => g.id),
    ),
  );
  return groups.map((group) => ({ group, participants: participants.filter((p) => p.groupId === group.id) }));
}

export async function getCareGroup(deps: CareGroupDeps, orgId: string, id: string): Promise<CareGroupView> {
  const group = await findCareGroup(deps.db, orgId, id);
  if (!group) throw new CareGroupNotFoundError('care group');
  const participants = await openParticipants(deps, orgId, await listParticipants(deps.db, orgId, [id]));
  return { group, participants };
}

export interface GroupMessageView extends Omit<CareGroupMessage, 'text'> {
  text: string | null;
}

/** The group's latest messages, oldest first, opened. */
export async function careGroupTimeline(
  deps: CareGroupDeps,
  orgId: string,
  id: string,
  limit = 200,
): Promise<GroupMessageView[]> {
  const group = await findCareGroup(deps.db, orgId, id);
  if (!group) throw new CareGroupNotFoundError('care group');
  const rows = await listGroupMessages(deps.db, orgId, id, limit);
  const opener = await deps.keyring.opener(
    deps.db,
    orgId,
    rows.map((r) => r.text),
  );
  return rows.map((row) => ({ ...row, text: opener.open(row.text, TEXT_PURPOSE) }));
}

/** What an agent may send to a group: Meta allows text, media and templates; nothing interactive. */
export type GroupOutbound =
  | { type: 'text'; text: string }
  | { type: 'template'; name: string; language: string; parameters: string[] };

/**
 * Sends to the group at once (not through the outbox: a refusal is shown to the agent, never retried).
 * The message is stored first as `sending`, then `sent` with Meta's id or `failed` with Meta's reason;
 * 131208 (too many group operations) is answered as a 429 the agent reads.
 */
export async function sendToCareGroup(
  deps: CareGroupDeps,
  input: {
    orgId: string;
    id: string;
    userId: string | null;
    message: GroupOutbound;
    /** What Careline itself marks the message as (the safety net's advice). */
    content?: Record<string, string>;
  },
): Promise<GroupMessageView> {
  const { group, account } = await groupWithAccount(deps, input.orgId, input.id);
  if (!group.externalId || group.status !== 'active')
    throw new CareGroupRefusedError(
      409,
      'The group is not active: WhatsApp has not confirmed it, or it was deleted',
      null,
    );
  if ((await countJoinedParticipants(deps.db, input.orgId, group.id)) === 0)
    throw new CareGroupRefusedError(
      409,
      'Nobody has joined the group yet: WhatsApp does not deliver to a group with only the clinic in it (131020)',
      SINGLE_MEMBER_GROUP_CODE,
    );
  const sealer = await deps.keyring.clinic(deps.db, input.orgId);
  const { message } = input;
  const plain =
    message.type === 'text' ? message.text : `[${message.name}] ${message.parameters.join(' · ')}`.trim();
  const now = deps.clock.now();
  const stored = await insertGroupMessage(deps.db, {
    orgId: input.orgId,
    careGroupId: group.id,
    direction: 'outbound',
    sentByUserId: input.userId,
    type: message.type,
    text: sealer.seal(plain, TEXT_PURPOSE),
    content: {
      ...input.content,
      ...(message.type === 'template'
        ? {
            template: {
              name: message.name,
              language: message.language,
              parameters: message.parameters.length,
            },
          }
        : {}),
    },
    status: 'sending',
    occurredAt: now,
  });
  if (!stored) throw new Error('group message not stored');
  const outbound: OutboundMessage =
    message.type === 'text'
      ? { type: 'text', text: message.text }
      : {
          type: 'template',
          name: message.name,
          language: message.language,
          ...(message.parameters.length > 0 ? { components: { body: message.parameters } } : {}),
        };
  const outcome = await deps.api.send(account, group.externalId, outbound, stored.id);
  if (outcome.ok) {
    await updateGroupMessage(deps.db, input.orgId, stored.id, {
      status: 'sent',
      externalId: outcome.externalId,
    });
    return { ...stored, status: 'sent', externalId: outcome.externalId, text: plain };
  }
  await updateGroupMessage(deps.db, input.orgId, stored.id, {
    status: 'failed',
    errorCode: outcome.code ?? null,
    errorTitle: [outcome.title, outcome.detail].filter(Boolean).join(' — '),
  });
  if (outcome.code === GROUP_RATE_LIMIT_CODE)
    throw new CareGroupRefusedError(
      429,
      'WhatsApp refused: too many group operations from this number in a short time (131208). Wait a few minutes and send again.',
      GROUP_RATE_LIMIT_CODE,
    );
  return {
    ...stored,
    status: 'failed',
    errorCode: outcome.code ?? null,
    errorTitle: [outcome.title, outcome.detail].filter(Boolean).join(' — '),
    text: plain,
  };
}

/**
 * What a WhatsApp group webhook tells (the ingest job's hook, given by app.ts): the group created with
 * its link, people joining and leaving, a participant's message, our message's status. Answers false
 * for a status that is not a group's (the inbox's receipts take it).
 */
export async function applyCareGroupEvent(
  deps: Omit<CareGroupDeps, 'api'> & { api?: CareGroupsApi },
  account: ChannelAccount,
  event: GroupUpdateEvent | GroupMessageEvent | StatusEvent,
): Promise<boolean> {
  if (event.kind === 'status') {
    if (event.group === undefined || event.externalId === null) return false;
    await applyGroupStatus(
      deps,
      account,
      event.recipient.id,
      event.externalId,
      event.status,
      event.errors[0],
    );
    return true;
  }
  if (event.kind === 'group_message') {
    await applyGroupMessage(deps, account, event);
    return true;
  }
  await applyGroupUpdate(deps, account, event);
  return true;
}

async function applyGroupUpdate(
  deps: Omit<CareGroupDeps, 'api'>,
  account: ChannelAccount,
  event: GroupUpdateEvent,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const group =
      (await findCareGroupOfAccount(tx, account.orgId, account.id, {
        externalId: event.groupId,
        requestId: event.requestId,
      })) ?? (event.change === 'created' ? await creatingGroupNamed(tx, account, event.subject) : undefined);
    if (!group) return;
    switch (event.change) {
      case 'created':
        await updateCareGroup(
          tx,
          account.orgId,
          group.id,
          { externalId: event.groupId, inviteLink: event.inviteLink, status: 'active', failure: null },
          now,
        );
        return;
      case 'create_failed':
        await updateCareGroup(
          tx,
          account.orgId,
          group.id,
          { status: 'failed', failure: errorText(event) },
          now,
        );
        return;
      case 'deleted':
        await updateCareGroup(tx, account.orgId, group.id, { status: 'deleted' }, now);
        return;
      case 'status_changed':
        await updateCareGroup(
          tx,
          account.orgId,
          group.id,
          { failure: errorText(event) ?? event.rawType },
          now,
        );
        return;
      case 'participants_added':
        for (const ref of event.participants) {
          const waId = ref.waId ?? ref.input;
          if (waId) await joinParticipant(deps, tx, account, group, personOf(waId, null), now);
        }
        return;
      case 'participants_removed':
        for (const ref of event.participants) {
          const waId = ref.waId ?? ref.input;
          if (!waId) continue;
          const { contactId } = await resolveSenderContact(
            tx,
            deps.keyring,
            account.orgId,
            'whatsapp',
            senderIdentityOf(personOf(waId, null)),
            now,
          );
          const participant = await findParticipantByContact(tx, account.orgId, group.id, contactId);
          if (participant)
            await updateParticipant(tx, account.orgId, participant.id, {
              status: event.initiatedBy === 'participant' ? 'left' : 'removed',
              leftAt: event.timestamp ? new Date(event.timestamp) : now,
            });
        }
        return;
      default:
        return;
    }
  });
}

/** A creation webhook may outrun the storing of Meta's request id: the group being created with that subject. */
async function creatingGroupNamed(
  tx: DbOrTx,
  account: ChannelAccount,
  subject: string | null,
): Promise<CareGroup | undefined> {
  if (!subject) return undefined;
  const groups = await listCareGroupsOfOrg(tx, account.orgId);
  return groups
    .filter(
      (g) => g.channelAccountId === account.id && g.status === 'creating' && g.subject === subject.trim(),
    )
    .at(-1);
}

async function applyGroupMessage(
  deps: Omit<CareGroupDeps, 'api'> & { api?: CareGroupsApi },
  account: ChannelAccount,
  event: GroupMessageEvent,
): Promise<void> {
  const now = deps.clock.now();
  const flagged = await deps.db.transaction(async (tx) => {
    const group = await findCareGroupOfAccount(tx, account.orgId, account.id, {
      externalId: event.groupId,
      requestId: null,
    });
    if (!group) return undefined;
    const { message } = event;
    const participant = await joinParticipant(deps, tx, account, group, message.from, now);
    const sealer = await deps.keyring.patient(tx, account.orgId, participant.contactId ?? '');
    const text = message.text;
    const findings = text ? screenForRedFlags(text).findings : [];
    const stored = await insertGroupMessage(tx, {
      orgId: account.orgId,
      careGroupId: group.id,
      direction: 'inbound',
      participantId: participant.id,
      externalId: message.externalId,
      type: message.type,
      text: sealer.sealNullable(text, TEXT_PURPOSE),
      content: message.media.length > 0 ? { media: message.media.map((m) => m.kind) } : {},
      status: 'received',
      redFlag: findings[0]?.category ?? null,
      occurredAt: new Date(message.timestamp),
    });
    // A redelivery stores nothing and advises nobody twice.
    const name = message.from.name?.trim() || null;
    return stored && findings.length > 0 ? { group, participant, name, findings } : undefined;
  });
  if (flagged && deps.api) await adviseInGroup({ ...deps, api: deps.api }, flagged, now);
}

/** The same advice twice within this long would only add noise to a group that already has it. */
const ADVICE_REPEAT_AFTER_MS = 30 * 60_000;

/**
 * The safety net's answer to a participant whose words read like an emergency: the emergency advice of
 * a one-to-one conversation, in the group, addressed to them by name (the staff are alerted by the
 * message's live event). Once per half hour per group; a refusal by WhatsApp is stored on the message.
 */
async function adviseInGroup(
  deps: CareGroupDeps,
  flagged: {
    group: CareGroup;
    participant: CareGroupParticipant;
    /** Their WhatsApp profile name, as the group shows it. */
    name: string | null;
    findings: RedFlagFinding[];
  },
  now: Date,
): Promise<void> {
  const { group, participant, findings } = flagged;
  const [first] = findings;
  if (!first) return;
  const recent = await listGroupMessages(deps.db, group.orgId, group.id, 50);
  const advisedLately = recent.some(
    (m) =>
      m.direction === 'outbound' &&
      m.content?.safety === 'emergency_advice' &&
      now.getTime() - m.occurredAt.getTime() < ADVICE_REPEAT_AFTER_MS,
  );
  if (advisedLately) return;
  const org = await findOrgByRef(deps.db, group.orgId);
  const contact = participant.contactId
    ? await findContact(deps.db, deps.keyring, group.orgId, participant.contactId)
    : undefined;
  if (!org) return;
  const language = contact ? patientLanguage(contact, org) : org.defaultLanguage === 'en' ? 'en' : 'fr';
  const advice = emergencyAdvice(
    first.category,
    language,
    org.emergencyNumbers,
    findings.map((f) => f.category),
  );
  const [seen] = await openParticipants(deps, group.orgId, [participant]);
  const name = flagged.name ?? (seen?.name?.trim() || contact?.displayName?.trim() || null);
  await sendToCareGroup(deps, {
    orgId: group.orgId,
    id: group.id,
    userId: null,
    message: { type: 'text', text: name ? `${name}, ${lowerFirst(advice)}` : advice },
    content: { safety: 'emergency_advice' },
  }).catch(() => {
    // Stored as failed with WhatsApp's reason (or the group cannot take it): the staff's alert stands.
  });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

const STATUS_ORDER: Record<CareGroupMessageStatus, number> = {
  sending: 0,
  received: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 4,
};

async function applyGroupStatus(
  deps: Omit<CareGroupDeps, 'api'>,
  account: ChannelAccount,
  groupExternalId: string,
  externalId: string,
  status: StatusEvent['status'],
  error: StatusEvent['errors'][number] | undefined,
): Promise<void> {
  const group = await findCareGroupOfAccount(deps.db, account.orgId, account.id, {
    externalId: groupExternalId,
    requestId: null,
  });
  if (!group) return;
  const message = await findGroupMessageByExternal(deps.db, account.orgId, group.id, externalId);
  if (!message) return;
  const next: CareGroupMessageStatus = status === 'played' ? 'read' : status;
  // Forward only; `failed` is final.
  if (message.status === 'failed' || STATUS_ORDER[next] <= STATUS_ORDER[message.status]) return;
  await updateGroupMessage(deps.db, account.orgId, message.id, {
    status: next,
    ...(next === 'failed' ? { errorCode: error?.code ?? null, errorTitle: error?.title ?? null } : {}),
  });
}

async function joinParticipant(
  deps: Omit<CareGroupDeps, 'api'>,
  tx: DbOrTx,
  account: ChannelAccount,
  group: CareGroup,
  person: Sender,
  now: Date,
): Promise<CareGroupParticipant> {
  const { contactId } = await resolveSenderContact(
    tx,
    deps.keyring,
    account.orgId,
    'whatsapp',
    senderIdentityOf(person),
    now,
  );
  const sealer = await deps.keyring.patient(tx, account.orgId, contactId);
  const known = await findParticipantByContact(tx, account.orgId, group.id, contactId);
  if (known && known.status === 'joined') {
    if (person.name && !known.name)
      await updateParticipant(tx, account.orgId, known.id, { name: sealer.seal(person.name, NAME_PURPOSE) });
    return known;
  }
  return insertParticipant(tx, {
    orgId: account.orgId,
    careGroupId: group.id,
    contactId,
    waId: sealer.seal(person.id, WA_ID_PURPOSE),
    name: sealer.sealNullable(person.name, NAME_PURPOSE),
    status: 'joined',
    joinedAt: now,
  });
}

function personOf(waId: string, name: string | null): Sender {
  const digits = waId.replace(/^\+/, '');
  return {
    id: digits,
    phone: /^\d{5,15}$/.test(digits) ? `+${digits}` : null,
    bsuid: null,
    parentBsuid: null,
    name,
    username: null,
  };
}

async function openParticipants(
  deps: Omit<CareGroupDeps, 'api'>,
  orgId: string,
  rows: CareGroupParticipant[],
): Promise<Array<ParticipantView & { groupId: string }>> {
  const opener = await deps.keyring.opener(
    deps.db,
    orgId,
    rows.flatMap((r) => [r.waId, r.name]),
  );
  return rows.map((row) => ({
    groupId: row.careGroupId,
    id: row.id,
    contactId: row.contactId,
    waId: opener.open(row.waId, WA_ID_PURPOSE),
    name: opener.open(row.name, NAME_PURPOSE),
    status: row.status,
    joinedAt: row.joinedAt,
    leftAt: row.leftAt,
  }));
}

async function groupWithAccount(
  deps: CareGroupDeps,
  orgId: string,
  id: string,
): Promise<{ group: CareGroup; account: ChannelAccount }> {
  const group = await findCareGroup(deps.db, orgId, id);
  if (!group) throw new CareGroupNotFoundError('care group');
  const account = await findChannelAccount(deps.db, orgId, group.channelAccountId);
  if (!account) throw new CareGroupNotFoundError('care group');
  return { group, account };
}

function isNoAccess(answer: Extract<GroupCall, { ok: false }>): boolean {
  return (answer.code !== null && NO_ACCESS_CODES.has(answer.code)) || answer.httpStatus === 403;
}

function refusalText(answer: Extract<GroupCall, { ok: false }>): string {
  return [answer.title, answer.detail].filter(Boolean).join(' — ');
}

function refusalOf(answer: Extract<GroupCall, { ok: false }>): CareGroupRefusedError {
  if (answer.code === GROUP_RATE_LIMIT_CODE)
    return new CareGroupRefusedError(
      429,
      'WhatsApp refused: too many group operations from this number in a short time (131208). Wait a few minutes and try again.',
      answer.code,
    );
  if (isNoAccess(answer))
    return new CareGroupRefusedError(
      409,
      `This number cannot use WhatsApp groups: ${refusalText(answer)}`,
      answer.code,
    );
  return new CareGroupRefusedError(502, `WhatsApp refused: ${refusalText(answer)}`, answer.code);
}

function errorText(event: GroupUpdateEvent): string | null {
  const [first] = event.errors;
  return first
    ? [first.code === null ? null : `(${first.code})`, first.title, first.details].filter(Boolean).join(' ')
    : null;
}

/** For tests: forget the cached Groups access of every number. */
export function forgetCareGroupAccess(): void {
  accessCache.clear();
}
