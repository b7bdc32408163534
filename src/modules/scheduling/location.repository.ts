import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type Location, locations } from './scheduling.schema.ts';

export async function insertLocation(db: DbOrTx, values: typeof locations.$inferInsert): Promise<Location> {
  const [location] = await db.insert(locations).values(values).returning();
  if (!location) throw new Error('insert into locations returned nothing');
  return location;
}

export async function updateLocation(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<Pick<Location, 'name' | 'address' | 'timeZone'>>,
): Promise<Location | undefined> {
  const [location] = await db
    .update(locations)
    .set(values)
    .where(and(eq(locations.orgId, orgId), eq(locations.id, id)))
    .returning();
  return location;
}

export async function findLocation(db: DbOrTx, orgId: string, id: string): Promise<Location | undefined> {
  const [location] = await db
    .select()
    .from(locations)
    .where(and(eq(locations.orgId, orgId), eq(locations.id, id)));
  return location;
}

export async function listLocationsOfOrg(db: DbOrTx, orgId: string): Promise<Location[]> {
  return db
    .select()
    .from(locations)
    .where(eq(locations.orgId, orgId))
    .orderBy(asc(locations.name), asc(locations.id));
}

export async function findLocationsByIds(
  db: DbOrTx,
  orgId: string,
  ids: readonly string[],
): Promise<Location[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .select()
    .from(locations)
    .where(and(eq(locations.orgId, orgId), inArray(locations.id, unique)));
}
