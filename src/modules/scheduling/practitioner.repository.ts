import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type Practitioner, practitioners } from './scheduling.schema.ts';

export async function insertPractitioner(
  db: DbOrTx,
  values: typeof practitioners.$inferInsert,
): Promise<Practitioner> {
  const [practitioner] = await db.insert(practitioners).values(values).returning();
  if (!practitioner) throw new Error('insert into practitioners returned nothing');
  return practitioner;
}

export async function updatePractitioner(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<Omit<Practitioner, 'id' | 'orgId' | 'createdAt'>>,
): Promise<Practitioner | undefined> {
  const [practitioner] = await db
    .update(practitioners)
    .set(values)
    .where(and(eq(practitioners.orgId, orgId), eq(practitioners.id, id)))
    .returning();
  return practitioner;
}

export async function findPractitioner(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<Practitioner | undefined> {
  const [practitioner] = await db
    .select()
    .from(practitioners)
    .where(and(eq(practitioners.orgId, orgId), eq(practitioners.id, id)));
  return practitioner;
}

/**
 * Locks the practitioner until the transaction ends: bookings of one practitioner take turns, so two
 * patients racing for one slot cannot both see it free.
 */
export async function lockPractitioner(
  tx: DbOrTx,
  orgId: string,
  id: string,
): Promise<Practitioner | undefined> {
  const [practitioner] = await tx
    .select()
    .from(practitioners)
    .where(and(eq(practitioners.orgId, orgId), eq(practitioners.id, id)))
    .for('update');
  return practitioner;
}

export async function listPractitionersOfOrg(db: DbOrTx, orgId: string): Promise<Practitioner[]> {
  return db
    .select()
    .from(practitioners)
    .where(eq(practitioners.orgId, orgId))
    .orderBy(asc(practitioners.name), asc(practitioners.id));
}

export async function findPractitionersByIds(
  db: DbOrTx,
  orgId: string,
  ids: readonly string[],
): Promise<Practitioner[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .select()
    .from(practitioners)
    .where(and(eq(practitioners.orgId, orgId), inArray(practitioners.id, unique)));
}

/**
 * The practitioner whatever the clinic: only for the iCalendar feed, which calendar apps fetch without
 * an API key, and which the caller opens only when the feed token matches.
 */
export async function findPractitionerForFeed(db: DbOrTx, id: string): Promise<Practitioner | undefined> {
  const [practitioner] = await db.select().from(practitioners).where(eq(practitioners.id, id));
  return practitioner;
}
