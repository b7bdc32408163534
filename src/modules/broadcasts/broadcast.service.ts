import type { Db, DbOrTx } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { Keyring } from '../keys/keyring.ts';
import { cancelQueuedMessages } from '../outbox/outbound-cancel.service.ts';
import { getPatientGroup, PatientGroupNotFoundError } from '../patient-groups/patient-group.service.ts';
import { listTemplates } from '../templates/template.service.ts';
import {
  type BroadcastReportRow,
  broadcastReportRows,
  cancelPendingRecipients,
  cancelRecipientsOfMessages,
  findBroadcast,
  insertBroadcast,
  listBroadcasts,
  lockBroadcast,
  queuedMessageIdsOf,
  type RecipientListRow,
  recipientsPage,
  updateBroadcast,
} from './broadcast.repository.ts';
import type { Broadcast } from './broadcast.schema.ts';
import { enqueueBroadcastPass } from './broadcast-queue.ts';
import type { QuietHours } from './broadcast-time-zone.ts';
import {
  BROADCAST_LANGUAGES,
  type BroadcastContent,
  type BroadcastLanguage,
  type BroadcastReportedState,
} from './broadcast-vocabulary.ts';

/** Bad input found against the clinic's data (a group, a template): the field and why. */
export class BroadcastInputError extends Error {
  readonly field: string;
  readonly status: 400 | 422;

  constructor(status: 400 | 422, field: string, message: string) {
    super(message);
    this.field = field;
    this.status = status;
    this.name = 'BroadcastInputError';
  }
}

export class BroadcastNotFoundError extends Error {
  constructor() {
    super('broadcast not found');
    this.name = 'BroadcastNotFoundError';
  }
}

/** A broadcast that has ended (completed or cancelled) cannot be cancelled. */
export class BroadcastFinishedError extends Error {
  readonly status: string;

  constructor(status: string) {
    super(`the broadcast is already ${status}`);
    this.status = status;
    this.name = 'BroadcastFinishedError';
  }
}

export interface NewBroadcast {
  orgId: string;
  createdByUserId: string | null;
  name: string;
  groupId: string;
  content: BroadcastContent;
  defaultLanguage: BroadcastLanguage;
  /** Absent: now. */
  sendAt?: Date | undefined;
  quietHours?: QuietHours | undefined;
}

/** A send_at this far in the past still counts as "now" (clocks of a client and the server differ). */
const PAST_TOLERANCE_MS = 60_000;

/**
 * Creates a broadcast and queues its first pass at its time. The group must be the clinic's and not
 * archived (422 `body.group_id`); each template must be in the clinic's registry, approved and not of
 * the MARKETING category (422 `body.content.<lang>.template`): a broadcast is health information.
 */
export async function createBroadcast(
  deps: { db: Db; clock: Clock },
  input: NewBroadcast,
): Promise<Broadcast> {
  const { db } = deps;
  const now = deps.clock.now();
  if (input.sendAt && input.sendAt.getTime() < now.getTime() - PAST_TOLERANCE_MS)
    throw new BroadcastInputError(400, 'body.send_at', 'must not be in the past');
  if (!input.content[input.defaultLanguage])
    throw new BroadcastInputError(400, 'body.default_language', 'must be one of the languages of content');
  try {
    const group = await getPatientGroup(db, input.orgId, input.groupId);
    if (group.archivedAt) throw new BroadcastInputError(422, 'body.group_id', 'the group is archived');
  } catch (error) {
    if (error instanceof PatientGroupNotFoundError)
      throw new BroadcastInputError(422, 'body.group_id', 'no group of the clinic has this id');
    throw error;
  }
  await checkTemplates(db, input.orgId, input.content);
  return db.transaction(async (tx) => {
    const broadcast = await insertBroadcast(tx, {
      orgId: input.orgId,
      name: input.name,
      groupId: input.groupId,
      status: 'scheduled',
      sendAt: input.sendAt && input.sendAt > now ? input.sendAt : now,
      content: input.content,
      defaultLanguage: input.defaultLanguage,
      createdByUserId: input.createdByUserId,
      ...(input.quietHours ? { quietStart: input.quietHours.start, quietEnd: input.quietHours.end } : {}),
      createdAt: now,
      updatedAt: now,
    });
    // The job queue runs by the database's clock: a broadcast for now is due at once.
    await enqueueBroadcastPass(
      tx,
      broadcast,
      0,
      input.sendAt && input.sendAt > now ? input.sendAt : new Date(0),
    );
    return broadcast;
  });
}

async function checkTemplates(db: DbOrTx, orgId: string, content: BroadcastContent): Promise<void> {
  const wanted = BROADCAST_LANGUAGES.flatMap((language) => {
    const template = content[language]?.template;
    return template ? [{ language, template }] : [];
  });
  if (wanted.length === 0) return;
  const registry = await listTemplates(db, orgId);
  for (const { language, template } of wanted) {
    const field = `body.content.${language}.template`;
    const found = registry.filter((t) => t.name === template.name && t.language === template.language);
    if (found.length === 0)
      throw new BroadcastInputError(
        422,
        field,
        `the clinic has no template ${template.name} in ${template.language}`,
      );
    if (found.some((t) => (t.category ?? '').toUpperCase() === 'MARKETING'))
      throw new BroadcastInputError(
        422,
        field,
        'a MARKETING template cannot carry a health broadcast (WhatsApp’s health policy)',
      );
    if (!found.some((t) => t.status.toUpperCase() === 'APPROVED'))
      throw new BroadcastInputError(422, field, `template ${template.name} is not approved`);
  }
}

export async function getBroadcast(db: DbOrTx, orgId: string, id: string): Promise<Broadcast> {
  const broadcast = await findBroadcast(db, orgId, id);
  if (!broadcast) throw new BroadcastNotFoundError();
  return broadcast;
}

export async function broadcastsPage(
  db: DbOrTx,
  orgId: string,
  page: { limit: number; before?: { createdAt: Date; id: string } | undefined },
): Promise<{ data: Broadcast[]; next: { createdAt: Date; id: string } | null }> {
  const rows = await listBroadcasts(db, orgId, { limit: page.limit + 1, before: page.before });
  const data = rows.slice(0, page.limit);
  const last = data.at(-1);
  return { data, next: rows.length > page.limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}

/**
 * Cancels a broadcast in flight: no pass sends anything after it (the pass holds the broadcast's row,
 * so the cancellation waits for a pass under way and the next one stops), every patient still waiting
 * is skipped as `cancelled`, and its messages still queued in the outbox (not handed to the provider)
 * are withdrawn. Messages already with the provider go on.
 */
export async function cancelBroadcast(
  deps: { db: Db; clock: Clock },
  input: { orgId: string; id: string; userId: string | null },
): Promise<{ broadcast: Broadcast; withdrawn: number }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const broadcast = await lockBroadcast(tx, input.orgId, input.id);
    if (!broadcast) throw new BroadcastNotFoundError();
    if (broadcast.status === 'cancelled' || broadcast.status === 'completed')
      throw new BroadcastFinishedError(broadcast.status);
    await cancelPendingRecipients(tx, broadcast, now);
    const withdrawn = await cancelQueuedMessages(
      tx,
      input.orgId,
      await queuedMessageIdsOf(tx, broadcast),
      now,
      'The broadcast was cancelled before this message was sent.',
    );
    await cancelRecipientsOfMessages(tx, broadcast, withdrawn, now);
    const updated = await updateBroadcast(tx, input.orgId, input.id, {
      status: 'cancelled',
      cancelledAt: now,
      cancelledByUserId: input.userId,
      updatedAt: now,
    });
    if (!updated) throw new BroadcastNotFoundError();
    return { broadcast: updated, withdrawn: withdrawn.length };
  });
}

export interface BroadcastReport {
  targeted: number;
  pending: number;
  skipped: { total: number; by_reason: Record<string, number> };
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: { total: number; by_error: Array<{ code: number | null; reason: string | null; count: number }> };
  replied: number;
  opted_out: number;
}

/**
 * The live figures of a broadcast, from one set-based query: `sent` counts every message the provider
 * took (delivered and read ones too), `delivered` those delivered or read, `read` those read.
 */
export async function broadcastReport(db: DbOrTx, orgId: string, id: string): Promise<BroadcastReport> {
  return reportOf(await broadcastReportRows(db, orgId, id));
}

export function reportOf(rows: readonly BroadcastReportRow[]): BroadcastReport {
  const count = (states: readonly BroadcastReportedState[]) =>
    rows.filter((r) => states.includes(r.state)).reduce((n, r) => n + r.count, 0);
  const byReason: Record<string, number> = {};
  for (const r of rows.filter((row) => row.state === 'skipped'))
    byReason[r.skipReason ?? 'unknown'] = (byReason[r.skipReason ?? 'unknown'] ?? 0) + r.count;
  const byError = rows
    .filter((r) => r.state === 'failed')
    .map((r) => ({ code: r.errorCode, reason: r.errorTitle, count: r.count }))
    .sort((a, b) => b.count - a.count);
  return {
    targeted: rows.reduce((n, r) => n + r.count, 0),
    pending: count(['pending']),
    skipped: { total: count(['skipped']), by_reason: byReason },
    queued: count(['queued']),
    sent: count(['sent', 'delivered', 'read']),
    delivered: count(['delivered', 'read']),
    read: count(['read']),
    failed: { total: count(['failed']), by_error: byError },
    replied: rows.reduce((n, r) => n + r.replied, 0),
    opted_out: rows.reduce((n, r) => n + r.optedOut, 0),
  };
}

export type BroadcastRecipientEntry = RecipientListRow;

/** A page of the broadcast's recipients with the patients' names opened (id order). */
export async function broadcastRecipientsPage(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  id: string,
  page: { state?: BroadcastReportedState | undefined; afterId?: string | undefined; limit: number },
): Promise<{ data: BroadcastRecipientEntry[]; nextCursor: string | null }> {
  await getBroadcast(db, orgId, id);
  const rows = await recipientsPage(db, orgId, id, { ...page, limit: page.limit + 1 });
  const data = rows.slice(0, page.limit);
  const opener = await keyring.opener(
    db,
    orgId,
    data.map((r) => r.contactName),
  );
  const last = data.at(-1);
  return {
    data: data.map((r) => ({ ...r, contactName: opener.open(r.contactName, 'contacts.display_name') })),
    nextCursor: rows.length > page.limit && last ? last.id : null,
  };
}
