import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { conversationsOfTeam } from '../inbox/inbox-report.service.ts';
import { type RedFlagEvent, redFlagEvents } from './red-flag-event.schema.ts';

/** Stores a red flag once per message, however often the message is delivered. */
export async function insertRedFlagEvent(
  db: DbOrTx,
  values: typeof redFlagEvents.$inferInsert,
): Promise<RedFlagEvent | undefined> {
  const [event] = await db.insert(redFlagEvents).values(values).onConflictDoNothing().returning();
  return event;
}

export async function findRedFlagEventOfMessage(
  db: DbOrTx,
  orgId: string,
  messageId: string,
): Promise<RedFlagEvent | undefined> {
  const [event] = await db
    .select()
    .from(redFlagEvents)
    .where(and(eq(redFlagEvents.orgId, orgId), eq(redFlagEvents.messageId, messageId)));
  return event;
}

export async function updateRedFlagEvent(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<
    Pick<
      typeof redFlagEvents.$inferInsert,
      'respondedAt' | 'handledBy' | 'adviceMessageId' | 'adviceSkippedReason'
    >
  >,
): Promise<void> {
  await db
    .update(redFlagEvents)
    .set(values)
    .where(and(eq(redFlagEvents.orgId, orgId), eq(redFlagEvents.id, id)));
}

/** The conversation's red flags nobody has acknowledged yet, oldest first. */
export async function pendingRedFlagEvents(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
): Promise<RedFlagEvent[]> {
  return db
    .select()
    .from(redFlagEvents)
    .where(
      and(
        eq(redFlagEvents.orgId, orgId),
        eq(redFlagEvents.conversationId, conversationId),
        isNull(redFlagEvents.acknowledgedAt),
      ),
    )
    .orderBy(asc(redFlagEvents.raisedAt));
}

export async function acknowledgeRedFlagEvents(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
  by: { userId: string | null; at: Date },
): Promise<RedFlagEvent[]> {
  return db
    .update(redFlagEvents)
    .set({ acknowledgedAt: by.at, acknowledgedByUserId: by.userId })
    .where(
      and(
        eq(redFlagEvents.orgId, orgId),
        eq(redFlagEvents.conversationId, conversationId),
        isNull(redFlagEvents.acknowledgedAt),
      ),
    )
    .returning();
}

/** The latest red flag of each conversation, keyed by conversation id. */
export async function latestRedFlagEvents(
  db: DbOrTx,
  orgId: string,
  conversationIds: readonly string[],
): Promise<Map<string, RedFlagEvent>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([redFlagEvents.conversationId])
    .from(redFlagEvents)
    .where(and(eq(redFlagEvents.orgId, orgId), inArray(redFlagEvents.conversationId, [...conversationIds])))
    .orderBy(redFlagEvents.conversationId, desc(redFlagEvents.raisedAt), desc(redFlagEvents.id));
  return new Map(rows.map((row) => [row.conversationId, row]));
}

/** Whether another red flag of the conversation has already been answered (handed to a person). */
export async function earlierRedFlagAnswered(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
  exceptId: string,
): Promise<boolean> {
  return anyRedFlagOf(db, orgId, conversationId, [
    ne(redFlagEvents.id, exceptId),
    isNotNull(redFlagEvents.respondedAt),
  ]);
}

/** Whether advice for this category already went out in the conversation since `since`. */
export async function adviceSentSince(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
  category: string,
  since: Date,
): Promise<boolean> {
  return anyRedFlagOf(db, orgId, conversationId, [
    eq(redFlagEvents.category, category),
    gte(redFlagEvents.raisedAt, since),
    isNotNull(redFlagEvents.adviceMessageId),
  ]);
}

async function anyRedFlagOf(
  db: DbOrTx,
  orgId: string,
  conversationId: string,
  conditions: SQL[],
): Promise<boolean> {
  const [row] = await db
    .select({ id: redFlagEvents.id })
    .from(redFlagEvents)
    .where(
      and(eq(redFlagEvents.orgId, orgId), eq(redFlagEvents.conversationId, conversationId), ...conditions),
    )
    .limit(1);
  return row !== undefined;
}

export interface RedFlagPeriod {
  from: Date;
  to: Date;
}

/** The clinic's red flags raised in the period, newest first, a page at a time. */
export async function listRedFlagEvents(
  db: DbOrTx,
  orgId: string,
  query: RedFlagPeriod & { limit: number; before?: Date; category?: string },
): Promise<RedFlagEvent[]> {
  return db
    .select()
    .from(redFlagEvents)
    .where(
      and(
        eq(redFlagEvents.orgId, orgId),
        gte(redFlagEvents.raisedAt, query.from),
        lt(redFlagEvents.raisedAt, query.before ?? query.to),
        query.category ? eq(redFlagEvents.category, query.category) : undefined,
      ),
    )
    .orderBy(desc(redFlagEvents.raisedAt), desc(redFlagEvents.id))
    .limit(query.limit);
}

/** Per category: how many, how many acknowledged, and the time to acknowledgement's p50 and p90 (s). */
export async function redFlagFigures(
  db: DbOrTx,
  orgId: string,
  period: RedFlagPeriod & { teamId?: string | undefined },
): Promise<
  Array<{ category: string; count: number; acknowledged: number; p50: number | null; p90: number | null }>
> {
  const seconds = sql`extract(epoch from (${redFlagEvents.acknowledgedAt} - ${redFlagEvents.raisedAt}))`;
  const rows = await db
    .select({
      category: sql<string>`coalesce(${redFlagEvents.category}, 'all')`,
      count: sql<number>`count(*)`.mapWith(Number),
      acknowledged: sql<number>`count(${redFlagEvents.acknowledgedAt})`.mapWith(Number),
      p50: sql<number | null>`percentile_cont(0.5) within group (order by ${seconds})`,
      p90: sql<number | null>`percentile_cont(0.9) within group (order by ${seconds})`,
    })
    .from(redFlagEvents)
    .where(
      and(
        eq(redFlagEvents.orgId, orgId),
        gte(redFlagEvents.raisedAt, period.from),
        lt(redFlagEvents.raisedAt, period.to),
        period.teamId
          ? sql`${redFlagEvents.conversationId} in ${conversationsOfTeam(orgId, period.teamId)}`
          : undefined,
      ),
    )
    .groupBy(sql`rollup(${redFlagEvents.category})`);
  return rows.map((r) => ({
    ...r,
    p50: r.p50 === null ? null : Number(r.p50),
    p90: r.p90 === null ? null : Number(r.p90),
  }));
}
