import { and, asc, desc, eq, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import { consentWithdrawals } from '../consent/consent.service.ts';
import { contactLabels } from '../contacts/contact-labels.service.ts';
import { outboundMessageOutcomes } from '../inbox/inbox-report.service.ts';
import {
  type Broadcast,
  type BroadcastRecipient,
  broadcastRecipients,
  broadcasts,
} from './broadcast.schema.ts';
import type { BroadcastReportedState, BroadcastSkipReason } from './broadcast-vocabulary.ts';

export async function insertBroadcast(
  db: DbOrTx,
  values: typeof broadcasts.$inferInsert,
): Promise<Broadcast> {
  const [row] = await db.insert(broadcasts).values(values).returning();
  if (!row) throw new Error('insert into broadcasts returned nothing');
  return row;
}

export async function findBroadcast(db: DbOrTx, orgId: string, id: string): Promise<Broadcast | undefined> {
  const [row] = await db
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.orgId, orgId), eq(broadcasts.id, id)));
  return row;
}

/** Locks the broadcast's row for one pass (or a cancellation): passes of one broadcast never overlap. */
export async function lockBroadcast(db: DbOrTx, orgId: string, id: string): Promise<Broadcast | undefined> {
  const [row] = await db
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.orgId, orgId), eq(broadcasts.id, id)))
    .for('update');
  return row;
}

/** Newest first, after the cursor (created_at, id) of the previous page. */
export async function listBroadcasts(
  db: DbOrTx,
  orgId: string,
  page: { limit: number; before?: { createdAt: Date; id: string } | undefined },
): Promise<Broadcast[]> {
  const { before } = page;
  return db
    .select()
    .from(broadcasts)
    .where(
      and(
        eq(broadcasts.orgId, orgId),
        before
          ? or(
              lt(broadcasts.createdAt, before.createdAt),
              and(eq(broadcasts.createdAt, before.createdAt), lt(broadcasts.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(broadcasts.createdAt), desc(broadcasts.id))
    .limit(page.limit);
}

export async function updateBroadcast(
  db: DbOrTx,
  orgId: string,
  id: string,
  set: Partial<typeof broadcasts.$inferInsert>,
): Promise<Broadcast | undefined> {
  const [row] = await db
    .update(broadcasts)
    .set({ ...set, passes: sql`${broadcasts.passes} + 1` })
    .where(and(eq(broadcasts.orgId, orgId), eq(broadcasts.id, id)))
    .returning();
  return row;
}

/** Adds patients to the audience; one already in it stays as it is (a re-run never sends twice). */
export async function insertRecipients(
  db: DbOrTx,
  broadcast: Broadcast,
  contactIds: readonly string[],
  dueAt: Date,
): Promise<void> {
  if (contactIds.length === 0) return;
  await db
    .insert(broadcastRecipients)
    .values(
      contactIds.map((contactId) => ({
        orgId: broadcast.orgId,
        broadcastId: broadcast.id,
        contactId,
        state: 'pending' as const,
        dueAt,
      })),
    )
    .onConflictDoNothing();
}

/** Pending recipients whose time has come, locked for this pass. */
export async function claimDueRecipients(
  db: DbOrTx,
  broadcast: Broadcast,
  now: Date,
  limit: number,
): Promise<BroadcastRecipient[]> {
  return db
    .select()
    .from(broadcastRecipients)
    .where(
      and(
        eq(broadcastRecipients.orgId, broadcast.orgId),
        eq(broadcastRecipients.broadcastId, broadcast.id),
        eq(broadcastRecipients.state, 'pending'),
        lte(broadcastRecipients.dueAt, now),
      ),
    )
    .orderBy(asc(broadcastRecipients.dueAt), asc(broadcastRecipients.contactId))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** When the next pending recipient falls due; null when none is pending. */
export async function nextPendingDueAt(db: DbOrTx, broadcast: Broadcast): Promise<Date | null> {
  const [row] = await db
    .select({ dueAt: sql<string | Date | null>`min(${broadcastRecipients.dueAt})` })
    .from(broadcastRecipients)
    .where(
      and(
        eq(broadcastRecipients.orgId, broadcast.orgId),
        eq(broadcastRecipients.broadcastId, broadcast.id),
        eq(broadcastRecipients.state, 'pending'),
      ),
    );
  return row?.dueAt ? new Date(row.dueAt) : null;
}

export type RecipientOutcome =
  | { id: string; kind: 'skip'; reason: BroadcastSkipReason; channel: string | null }
  | { id: string; kind: 'defer'; dueAt: Date }
  | {
      id: string;
      kind: 'queued';
      channel: string;
      conversationId: string;
      messageId: string;
      language: string;
    };

/** Writes what this pass decided for its recipients: one statement per kind of outcome. */
export async function recordRecipientOutcomes(
  db: DbOrTx,
  orgId: string,
  outcomes: readonly RecipientOutcome[],
  now: Date,
): Promise<void> {
  const skipped = outcomes.filter((o) => o.kind === 'skip');
  const deferred = outcomes.filter((o) => o.kind === 'defer');
  const queued = outcomes.filter((o) => o.kind === 'queued');
  if (skipped.length > 0) {
    await db.execute(sql`
      update broadcast_recipients r set state = 'skipped', skip_reason = v.reason, channel = v.channel,
        decided_at = ${now.toISOString()}::timestamptz
      from (select unnest(${uuidArray(skipped.map((o) => o.id))}) as id,
        unnest(${textArray(skipped.map((o) => o.reason))}) as reason,
        unnest(${textArray(skipped.map((o) => o.channel))}) as channel) v
      where r.id = v.id and r.org_id = ${orgId}::uuid and r.state = 'pending'`);
  }
  if (deferred.length > 0) {
    await db.execute(sql`
      update broadcast_recipients r set due_at = v.due_at
      from (select unnest(${uuidArray(deferred.map((o) => o.id))}) as id,
        unnest(${sql`array[${sql.join(
          deferred.map((o) => sql`${o.dueAt.toISOString()}::timestamptz`),
          sql`, `,
        )}]`}) as due_at) v
      where r.id = v.id and r.org_id = ${orgId}::uuid and r.state = 'pending'`);
  }
  if (queued.length > 0) {
    await db.execute(sql`
      update broadcast_recipients r set state = 'queued', channel = v.channel,
        conversation_id = v.conversation_id, message_id = v.message_id, language = v.language,
        decided_at = ${now.toISOString()}::timestamptz
      from (select unnest(${uuidArray(queued.map((o) => o.id))}) as id,
        unnest(${textArray(queued.map((o) => o.channel))}) as channel,
        unnest(${uuidArray(queued.map((o) => o.conversationId))}) as conversation_id,
        unnest(${uuidArray(queued.map((o) => o.messageId))}) as message_id,
        unnest(${textArray(queued.map((o) => o.language))}) as language) v
      where r.id = v.id and r.org_id = ${orgId}::uuid and r.state = 'pending'`);
  }
}

function uuidArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}::uuid`),
    sql`, `,
  )}]::uuid[]`;
}

function textArray(values: ReadonlyArray<string | null>): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}::text`),
    sql`, `,
  )}]::text[]`;
}

/** Every recipient still waiting is skipped as cancelled; answers how many. */
export async function cancelPendingRecipients(db: DbOrTx, broadcast: Broadcast, now: Date): Promise<number> {
  const rows = await db
    .update(broadcastRecipients)
    .set({ state: 'skipped', skipReason: 'cancelled', decidedAt: now })
    .where(
      and(
        eq(broadcastRecipients.orgId, broadcast.orgId),
        eq(broadcastRecipients.broadcastId, broadcast.id),
        eq(broadcastRecipients.state, 'pending'),
      ),
    )
    .returning({ id: broadcastRecipients.id });
  return rows.length;
}

/** Recipients whose messages were withdrawn from the outbox before being sent: skipped as cancelled. */
export async function cancelRecipientsOfMessages(
  db: DbOrTx,
  broadcast: Broadcast,
  messageIds: readonly string[],
  now: Date,
): Promise<void> {
  if (messageIds.length === 0) return;
  await db
    .update(broadcastRecipients)
    .set({ state: 'skipped', skipReason: 'cancelled', decidedAt: now })
    .where(
      and(
        eq(broadcastRecipients.orgId, broadcast.orgId),
        eq(broadcastRecipients.broadcastId, broadcast.id),
        inArray(broadcastRecipients.messageId, [...messageIds]),
      ),
    );
}

/** How many of the broadcast's messages the outbox still holds (queued, or being sent). */
export async function messagesInOutbox(db: DbOrTx, broadcast: Broadcast): Promise<number> {
  const result = await db.execute(sql`
    select count(*) as n from broadcast_recipients r
    join lateral ${outboundMessageOutcomes(broadcast.orgId, sql`r.message_id`)} m on true
    where r.org_id = ${broadcast.orgId}::uuid and r.broadcast_id = ${broadcast.id}::uuid
      and r.state = 'queued' and m.status in ('queued', 'sending')`);
  return z.array(z.object({ n: z.coerce.number() })).parse(rowsOf(result))[0]?.n ?? 0;
}

/** The messages of the broadcast handed to the outbox. */
export async function queuedMessageIdsOf(db: DbOrTx, broadcast: Broadcast): Promise<string[]> {
  const rows = await db
    .select({ messageId: broadcastRecipients.messageId })
    .from(broadcastRecipients)
    .where(
      and(
        eq(broadcastRecipients.orgId, broadcast.orgId),
        eq(broadcastRecipients.broadcastId, broadcast.id),
        eq(broadcastRecipients.state, 'queued'),
      ),
    );
  return rows.flatMap((r) => (r.messageId ? [r.messageId] : []));
}

/** A recipient's state with its message's status folded in (SQL over `r` and `m`). */
const reportedState = sql`case
  when r.state <> 'queued' then r.state
  when m.status in ('queued', 'sending') then 'queued'
  when m.status in ('accepted', 'sent') then 'sent'
  when m.status = 'delivered' then 'delivered'
  when m.status in ('read', 'played') then 'read'
  when m.status in ('failed', 'refused') then 'failed'
  else 'queued' end`;

export interface BroadcastReportRow {
  state: BroadcastReportedState;
  skipReason: string | null;
  errorCode: number | null;
  errorTitle: string | null;
  count: number;
  replied: number;
  optedOut: number;
}

const reportRows = z.array(
  z.object({
    state: z.string(),
    skip_reason: z.string().nullable(),
    error_code: z.coerce.number().nullable(),
    error_title: z.string().nullable(),
    count: z.coerce.number(),
    replied: z.coerce.number(),
    opted_out: z.coerce.number(),
  }),
);

/**
 * The broadcast's figures in one statement: recipients by state (the message's status folded in), skip
 * reason and failure; among those with a message, who wrote back after it and who withdrew health
 * information on its channel after it.
 */
export async function broadcastReportRows(
  db: DbOrTx,
  orgId: string,
  broadcastId: string,
): Promise<BroadcastReportRow[]> {
  const result = await db.execute(sql`
    select state, skip_reason, error_code, error_title, count(*) as count,
      count(*) filter (where replied) as replied, count(*) filter (where opted_out) as opted_out
    from (
      select ${reportedState} as state, r.skip_reason,
        case when m.status in ('failed', 'refused') then m.error_code end as error_code,
        case when m.status in ('failed', 'refused') then coalesce(m.error_title, m.failure_reason) end
          as error_title,
        coalesce(m.replied, false) as replied,
        (m.id is not null and exists (select 1 from ${consentWithdrawals(orgId, 'health_information')} w
          where w.contact_id = r.contact_id and w.channel = r.channel and w.recorded_at > m.occurred_at))
          as opted_out
      from broadcast_recipients r
      left join lateral ${outboundMessageOutcomes(orgId, sql`r.message_id`)} m on true
      where r.org_id = ${orgId}::uuid and r.broadcast_id = ${broadcastId}::uuid
    ) x
    group by state, skip_reason, error_code, error_title`);
  return reportRows.parse(rowsOf(result)).map((r) => ({
    state: r.state as BroadcastReportedState,
    skipReason: r.skip_reason,
    errorCode: r.error_code,
    errorTitle: r.error_title,
    count: r.count,
    replied: r.replied,
    optedOut: r.opted_out,
  }));
}

export interface RecipientListRow {
  id: string;
  contactId: string;
  contactName: string | null;
  channel: string | null;
  state: BroadcastReportedState;
  skipReason: string | null;
  errorCode: number | null;
  errorTitle: string | null;
  messageId: string | null;
  conversationId: string | null;
}

/** A page of the broadcast's recipients in id order after `afterId`, their names still sealed. */
export async function recipientsPage(
  db: DbOrTx,
  orgId: string,
  broadcastId: string,
  page: { state?: BroadcastReportedState | undefined; afterId?: string | undefined; limit: number },
): Promise<RecipientListRow[]> {
  const contact = contactLabels(db);
  const result = await db.execute(sql`
    select * from (
      select r.id, r.contact_id, ${contact.displayName} as contact_name, r.channel, ${reportedState} as state,
        r.skip_reason,
        case when m.status in ('failed', 'refused') then m.error_code end as error_code,
        case when m.status in ('failed', 'refused') then coalesce(m.error_title, m.failure_reason) end
          as error_title,
        r.message_id, r.conversation_id
      from broadcast_recipients r
      join ${contact} on ${contact.id} = r.contact_id and ${contact.orgId} = r.org_id
      left join lateral ${outboundMessageOutcomes(orgId, sql`r.message_id`)} m on true
      where r.org_id = ${orgId}::uuid and r.broadcast_id = ${broadcastId}::uuid
        ${page.afterId ? sql`and r.id > ${page.afterId}::uuid` : sql``}
    ) x
    ${page.state ? sql`where x.state = ${page.state}` : sql``}
    order by x.id
    limit ${page.limit}`);
  return recipientRows.parse(rowsOf(result)).map((r) => ({
    id: r.id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    channel: r.channel,
    state: r.state as BroadcastReportedState,
    skipReason: r.skip_reason,
    errorCode: r.error_code,
    errorTitle: r.error_title,
    messageId: r.message_id,
    conversationId: r.conversation_id,
  }));
}

const recipientRows = z.array(
  z.object({
    id: z.string(),
    contact_id: z.string(),
    contact_name: z.string().nullable(),
    channel: z.string().nullable(),
    state: z.string(),
    skip_reason: z.string().nullable(),
    error_code: z.coerce.number().nullable(),
    error_title: z.string().nullable(),
    message_id: z.string().nullable(),
    conversation_id: z.string().nullable(),
  }),
);

/** Which of these broadcasts' recipients (by broadcast) — for the list's counts. */
export async function recipientCountsOf(
  db: DbOrTx,
  orgId: string,
  broadcastIds: readonly string[],
): Promise<Map<string, number>> {
  if (broadcastIds.length === 0) return new Map();
  const rows = await db
    .select({ broadcastId: broadcastRecipients.broadcastId, count: sql<number>`count(*)::int` })
    .from(broadcastRecipients)
    .where(
      and(eq(broadcastRecipients.orgId, orgId), inArray(broadcastRecipients.broadcastId, [...broadcastIds])),
    )
    .groupBy(broadcastRecipients.broadcastId);
  return new Map(rows.map((r) => [r.broadcastId, Number(r.count)]));
}
