import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { recordChange } from '../audit/audit.service.ts';
import type { ChangeActor } from '../audit/change-actor.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import { consentKeysOf, moveConsentRecords } from '../consent/patient-data.service.ts';
import type { Contact } from '../contacts/contact.schema.ts';
import { findContactsByIds, identitiesOfContacts, updateContact } from '../contacts/contact.service.ts';
import {
  channelTypesOfIdentities,
  identityIdsOf,
  lockContactsForMerge,
  moveIdentities,
  setMergedInto,
} from '../contacts/patient-data.service.ts';
import { moveFlowRowsOfConversations } from '../flows/patient-data.service.ts';
import {
  lockConversationsForMerge,
  moveConversations,
  readPatientConversations,
  setConversationStatusForMerge,
} from '../inbox/patient-data.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { moveGroupMemberships, restoreGroupMemberships } from '../patient-groups/patient-data.service.ts';
import { movePrescriptionOrders, patientPrescriptionOrderIds } from '../pharmacy/patient-data.service.ts';
import { moveRedFlagsOfConversations } from '../safety/patient-data.service.ts';
import { moveAppointments, patientAppointmentIds } from '../scheduling/patient-data.service.ts';
import { type ContactMergeRow, contactMerges, type MovedRows } from './contact-merge.schema.ts';

/** Which record's value a conflicting field keeps. */
export type FieldSide = 'survivor' | 'merged';

/** The person's choices, field by field: name, phone, language, and each custom field both records fill differently. */
export interface FieldChoices {
  displayName?: FieldSide;
  phone?: FieldSide;
  language?: FieldSide;
  customFields?: Record<string, FieldSide>;
}

/** A field both records fill with different values: shown side by side, chosen by a person. */
export interface FieldConflict {
  /** `display_name`, `phone`, `language` or `custom_fields.<key>`, as the API names it. */
  field: string;
  survivor: string;
  merged: string;
}

export type MergeErrorKind =
  | 'not_found'
  | 'same_record'
  | 'already_merged'
  | 'conflict_unchosen'
  | 'not_latest'
  | 'reason_required';

export class MergeError extends Error {
  readonly kind: MergeErrorKind;
  /** The request field the error is about, when there is one. */
  readonly field: string | undefined;

  constructor(kind: MergeErrorKind, message: string, field?: string) {
    super(message);
    this.name = 'MergeError';
    this.kind = kind;
    this.field = field;
  }
}

interface Sealed {
  displayName: string | null;
  phone: string | null;
  language: string | null;
  tags: string[];
  customFields: Record<string, string>;
}

const SNAPSHOT_PURPOSE = 'contact_merges.survivor_before';
const CHOICES_PURPOSE = 'contact_merges.field_choices';

/** The field choices of a merge, opened; empty when the survivor's key is gone (an erasure). */
export async function fieldChoicesOf(
  db: DbOrTx,
  keyring: Keyring,
  merge: ContactMergeRow,
): Promise<Record<string, string>> {
  const opener = await keyring.opener(db, merge.orgId, [merge.fieldChoices]);
  const text = opener.open(merge.fieldChoices, CHOICES_PURPOSE);
  return text === null ? {} : (JSON.parse(text) as Record<string, string>);
}

/** The fields two records fill differently. */
export function fieldConflicts(survivor: Contact, merged: Contact): FieldConflict[] {
  const conflicts: FieldConflict[] = [];
  const simple: Array<[string, string | null, string | null]> = [
    ['display_name', survivor.displayName, merged.displayName],
    ['phone', survivor.phone, merged.phone],
    ['language', survivor.language, merged.language],
  ];
  for (const [field, mine, theirs] of simple) {
    if (mine !== null && theirs !== null && mine !== theirs)
      conflicts.push({ field, survivor: mine, merged: theirs });
  }
  for (const [key, theirs] of Object.entries(merged.customFields)) {
    const mine = survivor.customFields[key];
    if (mine !== undefined && mine !== theirs)
      conflicts.push({ field: `custom_fields.${key}`, survivor: mine, merged: theirs });
  }
  return conflicts;
}

/** The survivor's fields once merged: its own, the other's where it has none, the choices where both differ. */
function mergedFields(survivor: Contact, merged: Contact, choices: FieldChoices): Sealed {
  const missing = fieldConflicts(survivor, merged).find((c) => choiceOf(choices, c.field) === undefined);
  if (missing) {
    throw new MergeError(
      'conflict_unchosen',
      'both records have a different value: choose "survivor" or "merged"',
      `body.fields.${missing.field}`,
    );
  }
  const pick = (field: string, mine: string | null, theirs: string | null) =>
    mine === null ? theirs : theirs === null ? mine : choiceOf(choices, field) === 'merged' ? theirs : mine;
  const customFields: Record<string, string> = { ...merged.customFields, ...survivor.customFields };
  for (const key of Object.keys(merged.customFields)) {
    if (choices.customFields?.[key] === 'merged') customFields[key] = merged.customFields[key] as string;
  }
  const tags = [...survivor.tags];
  for (const tag of merged.tags) {
    if (!tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  }
  return {
    displayName: pick('display_name', survivor.displayName, merged.displayName),
    phone: pick('phone', survivor.phone, merged.phone),
    language: pick('language', survivor.language, merged.language),
    tags,
    customFields,
  };
}

function choiceOf(choices: FieldChoices, field: string): FieldSide | undefined {
  if (field === 'display_name') return choices.displayName;
  if (field === 'phone') return choices.phone;
  if (field === 'language') return choices.language;
  return choices.customFields?.[field.slice('custom_fields.'.length)];
}

function choicesRecord(survivor: Contact, merged: Contact, choices: FieldChoices): Record<string, string> {
  return Object.fromEntries(
    fieldConflicts(survivor, merged).map((c) => [c.field, choiceOf(choices, c.field) ?? 'survivor']),
  );
}

export interface MergeDeps {
  keyring: Keyring;
}

/**
 * Merges `mergedId` into `survivorId`, two records of one clinic a person decided are one patient: the
 * survivor takes the other's identities, conversations (with their messages, notes, files, sessions,
 * red flags), appointments (with their reminders) and consent records, and the fields as chosen. The
 * other record is kept as it was, hidden. Everything moved is recorded, with the survivor's fields as
 * they were (sealed), so that {@link unmergeContacts} restores both. Audited in the same transaction.
 */
export async function mergeContacts(
  db: Db,
  deps: MergeDeps,
  input: {
    orgId: string;
    survivorId: string;
    mergedId: string;
    choices: FieldChoices;
    actor: ChangeActor;
    now: Date;
  },
): Promise<ContactMergeRow> {
  const { orgId, survivorId, mergedId, now } = input;
  if (survivorId === mergedId)
    throw new MergeError('same_record', 'a record cannot be merged into itself', 'body.other_id');
  return db.transaction(async (tx) => {
    const locked = await lockContactsForMerge(tx, deps.keyring, orgId, [survivorId, mergedId]);
    const survivor = locked.find((c) => c.id === survivorId);
    const merged = locked.find((c) => c.id === mergedId);
    if (!survivor) throw new MergeError('not_found', 'Contact not found');
    if (!merged) throw new MergeError('not_found', 'Contact not found', 'body.other_id');
    for (const contact of [survivor, merged]) {
      if (contact.mergedIntoId !== null)
        throw new MergeError(
          'already_merged',
          'this record is already merged into another: unmerge it first',
        );
    }
    const fields = mergedFields(survivor, merged, input.choices);
    const sealer = await deps.keyring.patient(tx, orgId, survivorId);
    const before: Sealed = {
      displayName: survivor.displayName,
      phone: survivor.phone,
      language: survivor.language,
      tags: survivor.tags,
      customFields: survivor.customFields,
    };

    const identities = await identityIdsOf(tx, orgId, mergedId);
    const theirConversations = await lockConversationsForMerge(tx, orgId, mergedId);
    const ourConversations = await lockConversationsForMerge(tx, orgId, survivorId);
    // One live conversation per patient and channel account: the merged record's gives way.
    const closedConversations: MovedRows['closedConversations'] = [];
    for (const c of theirConversations) {
      const clash = ourConversations.some(
        (o) => o.channelAccountId === c.channelAccountId && o.status !== 'closed',
      );
      if (c.status !== 'closed' && clash) {
        closedConversations.push({ id: c.id, status: c.status, closedAt: c.closedAt?.toISOString() ?? null });
        await setConversationStatusForMerge(tx, orgId, c.id, 'closed', now);
      }
    }
    const conversationIds = theirConversations.map((c) => c.id);
    const appointmentIds = await patientAppointmentIds(tx, orgId, mergedId);
    const consentIds = (await consentKeysOf(tx, orgId, mergedId)).map((c) => c.id);
    const orderIds = await patientPrescriptionOrderIds(tx, orgId, mergedId);

    const rows = {
      identities,
      conversations: conversationIds,
      appointments: appointmentIds,
      consents: consentIds,
      prescriptionOrders: orderIds,
    };
    await moveRows(tx, orgId, rows, survivorId, now);
    const groupMemberships = await moveGroupMemberships(tx, orgId, mergedId, survivorId);
    await updateContact(tx, deps.keyring, orgId, survivorId, fields, now);
    await setMergedInto(tx, orgId, mergedId, survivorId);

    const [record] = await tx
      .insert(contactMerges)
      .values({
        orgId,
        survivorId,
        mergedId,
        mergedByUserId: input.actor.userId,
        mergedByApiKeyId: input.actor.apiKeyId,
        mergedAt: now,
        fieldChoices: sealer.seal(
          JSON.stringify(choicesRecord(survivor, merged, input.choices)),
          CHOICES_PURPOSE,
        ),
        survivorBefore: sealer.seal(JSON.stringify(before), SNAPSHOT_PURPOSE),
        moved: { ...rows, closedConversations, groupMemberships },
      })
      .returning();
    if (!record) throw new Error('insert into contact_merges returned nothing');
    await audited(tx, input.actor, orgId, 'patient-merge', 'C', record, now);
    return record;
  });
}

/**
 * Undoes a merge, whatever happened since: both records get back their own fields, identities,
 * conversations, appointments and consent records. What came through the merged record's identities
 * after the merge goes back with them: the conversations on channels only its identities used (a new
 * message is filed under the identity it came on), and the consents recorded on those channels.
 * Appointments booked for the survivor after the merge stay with it. A survivor's merges are undone
 * last first; a record merged on into a third one is unmerged from that one first.
 */
export async function unmergeContacts(
  db: Db,
  deps: MergeDeps,
  input: { orgId: string; mergeId: string; actor: ChangeActor; now: Date },
): Promise<ContactMergeRow> {
  const { orgId, mergeId, now } = input;
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select()
      .from(contactMerges)
      .where(and(eq(contactMerges.orgId, orgId), eq(contactMerges.id, mergeId)));
    if (!found) throw new MergeError('not_found', 'Merge not found');
    const { survivorId, mergedId } = found;
    const locked = await lockContactsForMerge(tx, deps.keyring, orgId, [survivorId, mergedId]);
    // Read again under the records' locks: a concurrent unmerge of the same merge has committed by now.
    const [merge] = await tx
      .select()
      .from(contactMerges)
      .where(and(eq(contactMerges.orgId, orgId), eq(contactMerges.id, mergeId)));
    if (!merge || merge.unmergedAt !== null)
      throw new MergeError('already_merged', 'this merge was already undone');
    const survivor = locked.find((c) => c.id === survivorId);
    if (!survivor || !locked.some((c) => c.id === mergedId))
      throw new MergeError('not_found', 'Merge not found');
    if (survivor.mergedIntoId !== null)
      throw new MergeError(
        'not_latest',
        'the survivor was merged into another record since: unmerge that first',
      );
    const [latest] = await tx
      .select({ id: contactMerges.id })
      .from(contactMerges)
      .where(
        and(
          eq(contactMerges.orgId, orgId),
          eq(contactMerges.survivorId, survivorId),
          isNull(contactMerges.unmergedAt),
        ),
      )
      .orderBy(desc(contactMerges.mergedAt), desc(contactMerges.id))
      .limit(1);
    if (latest?.id !== mergeId)
      throw new MergeError('not_latest', 'a later merge into this record must be undone first');

    const { moved } = merge;
    const opener = await deps.keyring.opener(tx, orgId, [merge.survivorBefore]);
    const beforeText = opener.open(merge.survivorBefore, SNAPSHOT_PURPOSE);
    if (beforeText === null) throw new MergeError('not_found', 'Merge not found');
    const before = JSON.parse(beforeText) as Sealed;

    // What came through the merged record's identities since: conversations on channels only they use.
    const identities = await channelTypesOfIdentities(tx, orgId, survivorId);
    const theirTypes = new Set(
      identities.filter((i) => moved.identities.includes(i.id)).map((i) => i.channelType),
    );
    const ourTypes = new Set(
      identities.filter((i) => !moved.identities.includes(i.id)).map((i) => i.channelType),
    );
    const onlyTheirs = new Set([...theirTypes].filter((t) => !ourTypes.has(t)));
    const conversationIds = new Set(moved.conversations);
    const accountTypes = new Map<string, string | undefined>();
    for (const c of await lockConversationsForMerge(tx, orgId, survivorId)) {
      if (c.createdAt < merge.mergedAt) continue;
      if (!accountTypes.has(c.channelAccountId))
        accountTypes.set(c.channelAccountId, (await findChannelAccount(tx, orgId, c.channelAccountId))?.type);
      const type = accountTypes.get(c.channelAccountId);
      if (type && onlyTheirs.has(type)) conversationIds.add(c.id);
    }
    const consentIds = new Set(moved.consents);
    for (const c of await consentKeysOf(tx, orgId, survivorId)) {
      if (c.recordedAt >= merge.mergedAt && onlyTheirs.has(c.channel)) consentIds.add(c.id);
    }

    const rows = {
      identities: moved.identities,
      conversations: [...conversationIds],
      appointments: moved.appointments,
      consents: [...consentIds],
      prescriptionOrders: moved.prescriptionOrders ?? [],
    };
    await moveRows(tx, orgId, rows, mergedId, now);
    if (moved.groupMemberships)
      await restoreGroupMemberships(tx, orgId, { mergedId, survivorId, moved: moved.groupMemberships });
    for (const closed of moved.closedConversations) {
      await setConversationStatusForMerge(
        tx,
        orgId,
        closed.id,
        closed.status as 'open' | 'pending' | 'closed',
        closed.closedAt === null ? null : new Date(closed.closedAt),
      );
    }
    await updateContact(tx, deps.keyring, orgId, survivorId, before, now);
    await setMergedInto(tx, orgId, mergedId, null);
    const [record] = await tx
      .update(contactMerges)
      .set({
        unmergedAt: now,
        unmergedByUserId: input.actor.userId,
        unmergedByApiKeyId: input.actor.apiKeyId,
      })
      .where(and(eq(contactMerges.orgId, orgId), eq(contactMerges.id, mergeId)))
      .returning();
    if (!record) throw new Error('update of contact_merges returned nothing');
    await audited(tx, input.actor, orgId, 'patient-unmerge', 'U', record, now);
    return record;
  });
}

/**
 * Points a record's rows at another record, through each owning module: identities, conversations and
 * what hangs on them (automation sessions, satisfaction answers, red flags), appointments (their
 * reminders follow), consent records, prescription orders.
 */
async function moveRows(
  tx: DbOrTx,
  orgId: string,
  rows: Omit<MovedRows, 'closedConversations'>,
  toContactId: string,
  now: Date,
): Promise<void> {
  await moveIdentities(tx, orgId, rows.identities, toContactId, now);
  await moveConversations(tx, orgId, rows.conversations, toContactId);
  await moveFlowRowsOfConversations(tx, orgId, rows.conversations, toContactId);
  await moveRedFlagsOfConversations(tx, orgId, rows.conversations, toContactId);
  await moveAppointments(tx, orgId, rows.appointments, toContactId);
  await moveConsentRecords(tx, orgId, rows.consents, toContactId);
  await movePrescriptionOrders(tx, orgId, rows.prescriptionOrders ?? [], toContactId);
}

/** Who, when, what: one hash-chained record naming the merge and both patients. */
async function audited(
  tx: DbOrTx,
  actor: ChangeActor,
  orgId: string,
  subtype: string,
  action: 'C' | 'U',
  record: ContactMergeRow,
  now: Date,
): Promise<void> {
  const written = await recordChange(tx, {
    orgId,
    recorded: now,
    actor,
    subtype,
    action,
    entity: { type: 'ContactMerge', id: record.id },
    patientIds: [record.survivorId, record.mergedId],
  });
  if (!written) {
    throw new MergeError(
      'reason_required',
      'Your role must give a reason to change patient data in this clinic: send it in the X-Access-Reason header',
    );
  }
}

/** The merges a record took part in (as survivor or merged), newest first: its merge history. */
export function mergesOfContact(db: DbOrTx, orgId: string, contactId: string): Promise<ContactMergeRow[]> {
  return db
    .select()
    .from(contactMerges)
    .where(
      and(
        eq(contactMerges.orgId, orgId),
        or(eq(contactMerges.survivorId, contactId), eq(contactMerges.mergedId, contactId)),
      ),
    )
    .orderBy(desc(contactMerges.mergedAt), desc(contactMerges.id));
}

/** One record as the merge screen shows it: its fields, identities, and how much hangs on it. */
export interface MergeSide {
  contact: Contact;
  channels: string[];
  counts: { identities: number; conversations: number; appointments: number; consents: number };
}

/** Both records side by side and the fields a person must choose between; undefined when either is not the clinic's (or merged away). */
export async function mergePreview(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  survivorId: string,
  mergedId: string,
): Promise<{ survivor: MergeSide; merged: MergeSide; conflicts: FieldConflict[] } | undefined> {
  const [survivor, merged] = await Promise.all(
    [survivorId, mergedId].map((id) => sideOf(db, keyring, orgId, id)),
  );
  if (!survivor || !merged) return undefined;
  return { survivor, merged, conflicts: fieldConflicts(survivor.contact, merged.contact) };
}

async function sideOf(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  id: string,
): Promise<MergeSide | undefined> {
  const [contact] = await findContactsByIds(db, keyring, orgId, [id]);
  if (!contact || contact.mergedIntoId !== null) return undefined;
  const identities = await identitiesOfContacts(db, keyring, orgId, [id]);
  const conversations = await readPatientConversations(db, orgId, id);
  const appointments = await patientAppointmentIds(db, orgId, id);
  const consents = await consentKeysOf(db, orgId, id);
  return {
    contact,
    channels: [...new Set(identities.map((i) => i.channelType))],
    counts: {
      identities: identities.length,
      conversations: conversations.length,
      appointments: appointments.length,
      consents: consents.length,
    },
  };
}
