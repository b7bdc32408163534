import { and, asc, eq, gt, inArray, lt, lte, max, min, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/db.ts';
import { rowsOf } from '../db/raw-rows.ts';
import { events } from './event.schema.ts';

/** One row of the events table, as the feed and the streams carry it. */
export interface FeedEvent {
  id: number;
  orgId: string;
  type: string;
  payload: Record<string, unknown>;
}

/** What was committed when a read ran: transactions with ids from xmin on may still be in progress. */
export interface Snapshot {
  xmin: bigint;
  xmax: bigint;
}

/**
 * Every clinic's events after `after`, in id order, with the snapshot they were read in (one
 * statement, so the same one): the feed needs it to tell a transaction still writing from a gap.
 */
export async function readEventsAfter(
  db: DbOrTx,
  after: number,
  limit: number,
): Promise<{ events: FeedEvent[]; snapshot: Snapshot }> {
  const result = await db.execute(sql`
    select pg_current_snapshot()::text as snapshot,
      coalesce((select json_agg(json_build_object(
          'id', e.id, 'orgId', e.org_id, 'type', e.type, 'payload', e.payload) order by e.id)
        from (select * from events where id > ${after} order by id limit ${limit}) e), '[]'::json) as events`);
  const [row] = snapshotRows.parse(rowsOf(result));
  if (!row) throw new Error('the events read returned no row');
  return row;
}

/** A clinic's events in (after, upTo], oldest first: what a reconnecting client missed. */
export async function orgEventsBetween(
  db: DbOrTx,
  orgId: string,
  range: { after: number; upTo: number; limit: number },
): Promise<FeedEvent[]> {
  return db
    .select({ id: events.id, orgId: events.orgId, type: events.type, payload: events.payload })
    .from(events)
    .where(and(eq(events.orgId, orgId), gt(events.id, range.after), lte(events.id, range.upTo)))
    .orderBy(asc(events.id))
    .limit(range.limit);
}

/** The oldest and newest event ids kept (null when there is none). */
export async function eventIdRange(db: DbOrTx): Promise<{ oldest: number | null; newest: number | null }> {
  const [row] = await db.select({ oldest: min(events.id), newest: max(events.id) }).from(events);
  return { oldest: row?.oldest ?? null, newest: row?.newest ?? null };
}

/** The newest event id (0 when there is none): where a feed starting now begins. */
export async function latestEventId(db: DbOrTx): Promise<number> {
  return (await eventIdRange(db)).newest ?? 0;
}

/**
 * Deletes the events up to the newest one created before `olderThan`, in batches so no statement
 * holds many locks; returns how many went. Pruning by id keeps what is left a contiguous tail, so
 * "the oldest id kept" tells exactly whether a client's resume point was pruned (it then gets a reset).
 */
export async function pruneEvents(db: DbOrTx, olderThan: Date, batchSize = 10_000): Promise<number> {
  const [cut] = await db
    .select({ id: max(events.id) })
    .from(events)
    .where(lt(events.createdAt, olderThan));
  const upTo = cut?.id;
  if (upTo === null || upTo === undefined) return 0;
  let deleted = 0;
  for (;;) {
    const batch = db
      .select({ id: events.id })
      .from(events)
      .where(lte(events.id, upTo))
      .orderBy(asc(events.id))
      .limit(batchSize);
    const gone = await db.delete(events).where(inArray(events.id, batch)).returning({ id: events.id });
    deleted += gone.length;
    if (gone.length < batchSize) return deleted;
  }
}

const snapshotRows = z.array(
  z.object({
    snapshot: z
      .string()
      .regex(/^\d+:\d+:/)
      .transform((text): Snapshot => {
        const [xmin = '0', xmax = '0'] = text.split(':');
        return { xmin: BigInt(xmin), xmax: BigInt(xmax) };
      }),
    events: z.array(
      z.object({
        id: z.number().int(),
        orgId: z.string(),
        type: z.string(),
        payload: z.record(z.string(), z.unknown()),
      }),
    ),
  }),
);
