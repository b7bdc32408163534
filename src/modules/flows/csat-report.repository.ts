import { and, desc, eq, gte, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import { csatResponses } from './flow.schema.ts';

export interface CsatScope {
  from: Date;
  to: Date;
  teamId?: string | undefined;
}

export interface CsatBucket {
  /** The first day of the bucket on the clinic's clock, YYYY-MM-DD. */
  start: string;
  count: number;
  average: number;
}

const bucketRows = z.array(
  z.object({ start: z.string(), count: z.coerce.number(), average: z.coerce.number() }),
);

/** Answers and mean rating per day or per week (weeks start on Monday) on the clinic's clock. */
export async function csatTrend(
  db: DbOrTx,
  orgId: string,
  scope: CsatScope & { timeZone: string; bucket: 'day' | 'week' },
): Promise<CsatBucket[]> {
  const local = sql`(${csatResponses.createdAt} at time zone ${scope.timeZone})`;
  const start = sql`to_char(date_trunc(${scope.bucket}, ${local}), 'YYYY-MM-DD')`;
  const result = await db.execute(sql`
    select ${start} as start, count(*) as count, round(avg(${csatResponses.rating}), 2) as average
    from ${csatResponses}
    where ${and(...csatConditions(orgId, scope))}
    group by 1 order by 1`);
  return bucketRows.parse(rowsOf(result));
}

export interface SealedCsatComment {
  id: string;
  contactId: string;
  conversationId: string;
  rating: number;
  comment: string;
  createdAt: Date;
}

/** The period's latest answers that carry a comment, newest first, comments still sealed. */
export async function latestCsatComments(
  db: DbOrTx,
  orgId: string,
  scope: CsatScope & { limit: number },
): Promise<SealedCsatComment[]> {
  const rows = await db
    .select({
      id: csatResponses.id,
      contactId: csatResponses.contactId,
      conversationId: csatResponses.conversationId,
      rating: csatResponses.rating,
      comment: csatResponses.comment,
      createdAt: csatResponses.createdAt,
    })
    .from(csatResponses)
    .where(and(...csatConditions(orgId, scope), isNotNull(csatResponses.comment)))
    .orderBy(desc(csatResponses.createdAt), desc(csatResponses.id))
    .limit(scope.limit);
  return rows.map((r) => ({ ...r, comment: r.comment ?? '' }));
}

function csatConditions(orgId: string, scope: CsatScope): SQL[] {
  return [
    eq(csatResponses.orgId, orgId),
    gte(csatResponses.createdAt, scope.from),
    lt(csatResponses.createdAt, scope.to),
    ...(scope.teamId ? [eq(csatResponses.teamId, scope.teamId)] : []),
  ];
}
