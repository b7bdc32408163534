import { and, desc, eq, gt, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { KeysetPosition } from '../../platform/db/keyset-cursor.ts';
import { type StockNotice, stockNotices } from './stock-notice.schema.ts';

export async function insertStockNotice(
  db: DbOrTx,
  values: typeof stockNotices.$inferInsert,
): Promise<StockNotice> {
  const [notice] = await db.insert(stockNotices).values(values).returning();
  if (!notice) throw new Error('stock notice not inserted');
  return notice;
}

/** Whose notices a list reads: an org's own, and (for a clinic) those its paired pharmacies published. */
export interface NoticeScope {
  /** The org's own notices; when `partnerIds` is given, only those about these partners. */
  orgId: string;
  partnerIds?: string[];
  /** Careline pharmacies whose published notices (no partner) are read too. */
  publishedBy?: string[];
}

/** Newest first, limit + 1 rows; `activeAt` keeps only those started, not expired and not withdrawn. */
export async function listStockNoticesPage(
  db: DbOrTx,
  scope: NoticeScope,
  filter: { activeAt?: Date; medicationKey?: string; after?: KeysetPosition; limit: number },
): Promise<StockNotice[]> {
  const own =
    scope.partnerIds === undefined
      ? eq(stockNotices.orgId, scope.orgId)
      : scope.partnerIds.length > 0
        ? and(eq(stockNotices.orgId, scope.orgId), inArray(stockNotices.partnerPharmacyId, scope.partnerIds))
        : undefined;
  const published =
    scope.publishedBy && scope.publishedBy.length > 0
      ? and(inArray(stockNotices.orgId, scope.publishedBy), isNull(stockNotices.partnerPharmacyId))
      : undefined;
  const whose = [own, published].filter((c): c is SQL => c !== undefined);
  if (whose.length === 0) return [];
  const { activeAt, medicationKey, after, limit } = filter;
  return db
    .select()
    .from(stockNotices)
    .where(
      and(
        or(...whose),
        activeAt
          ? and(
              isNull(stockNotices.withdrawnAt),
              lte(stockNotices.startsAt, activeAt),
              gt(stockNotices.expiresAt, activeAt),
            )
          : undefined,
        medicationKey !== undefined ? eq(stockNotices.medicationKey, medicationKey) : undefined,
        after
          ? or(
              lt(stockNotices.createdAt, after.at),
              and(eq(stockNotices.createdAt, after.at), sql`${stockNotices.id} < ${after.id}`),
            )
          : undefined,
      ),
    )
    .orderBy(desc(stockNotices.createdAt), desc(stockNotices.id))
    .limit(limit + 1);
}

/** The org's notice, withdrawn at `at` (kept as it was when already withdrawn); undefined when not its. */
export async function withdrawStockNoticeRow(
  db: DbOrTx,
  orgId: string,
  id: string,
  at: Date,
): Promise<StockNotice | undefined> {
  const [notice] = await db
    .update(stockNotices)
    .set({ withdrawnAt: sql`coalesce(${stockNotices.withdrawnAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(stockNotices.orgId, orgId), eq(stockNotices.id, id)))
    .returning();
  return notice;
}
