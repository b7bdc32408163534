import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { webhookEvents } from '../../channels/webhook-event.schema.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { anyOf, deletedRows } from '../../platform/db/row-deletion.ts';
import { events } from '../../platform/events/event.schema.ts';
import { jobs } from '../../platform/jobs/job.schema.ts';
import { type Erasure, erasures } from './erasure.schema.ts';
import type { ErasureScope } from './erasure-scope.ts';

/**
 * The erasure's own record, and the deletions of an erasure in the platform's tables (jobs, live
 * events, the webhook journal); each module deletes its own rows through its patient-data service.
 */

/** Queued, failed or finished jobs about them: sends, automation turns and timers, downloads. */
export function deleteTheirJobs(tx: DbOrTx, s: ErasureScope): Promise<number> {
  return deletedRows(
    tx,
    jobs,
    and(
      eq(jobs.orgId, s.orgId),
      or(
        anyOf(sql`${jobs.payload}->>'conversationId'`, s.conversationIds),
        anyOf(sql`${jobs.payload}->>'messageId'`, s.messageIds),
        anyOf(sql`${jobs.payload}->>'mediaFileId'`, s.mediaFileIds),
        anyOf(sql`${jobs.payload}->>'appointmentId'`, s.appointmentIds),
        sql`${jobs.payload}->>'contactId' = ${s.contactId}`,
      ),
    ),
  );
}

/** Live-update events naming their conversations or appointments (ids only, but ids that link). */
export async function deleteTheirLiveEvents(tx: DbOrTx, s: ErasureScope): Promise<number> {
  const rows = await tx
    .delete(events)
    .where(
      and(
        eq(events.orgId, s.orgId),
        or(
          anyOf(sql`${events.payload}->>'conversationId'`, s.conversationIds),
          anyOf(sql`${events.payload}->>'appointmentId'`, s.appointmentIds),
          sql`${events.payload}->>'contactId' = ${s.contactId}`,
        ),
      ),
    )
    .returning({ id: events.id });
  return rows.length;
}

/** The clinic's journaled deliveries still holding a body (failed or waiting): few, by design. */
export function journalBodiesOf(tx: DbOrTx, orgId: string) {
  return tx
    .select({
      id: webhookEvents.id,
      channelAccountId: webhookEvents.channelAccountId,
      bodySha256: webhookEvents.bodySha256,
      sealedBody: webhookEvents.sealedBody,
      rawBody: webhookEvents.rawBody,
    })
    .from(webhookEvents)
    .where(
      and(
        eq(webhookEvents.orgId, orgId),
        isNull(webhookEvents.processedAt),
        or(isNotNull(webhookEvents.sealedBody), isNotNull(webhookEvents.rawBody)),
      ),
    );
}

/** Forgets journaled bodies and the jobs that would process them. */
export async function forgetJournalBodies(tx: DbOrTx, orgId: string, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(webhookEvents)
    .set({ sealedBody: null, rawBody: null })
    .where(and(eq(webhookEvents.orgId, orgId), inArray(webhookEvents.id, [...ids])));
  await tx.delete(jobs).where(inArray(sql`${jobs.payload}->>'webhookEventId'`, ids.map(String)));
}

export async function insertErasure(
  tx: DbOrTx,
  values: Pick<Erasure, 'orgId' | 'reference' | 'erasedByUserId' | 'erasedByApiKeyId' | 'removed'>,
): Promise<Erasure> {
  const [row] = await tx.insert(erasures).values(values).returning();
  if (!row) throw new Error('insert into erasures returned nothing');
  return row;
}

/** The clinic's erasures, newest first. */
export function listErasures(db: DbOrTx, orgId: string, limit: number): Promise<Erasure[]> {
  return db
    .select()
    .from(erasures)
    .where(eq(erasures.orgId, orgId))
    .orderBy(desc(erasures.erasedAt))
    .limit(limit);
}
