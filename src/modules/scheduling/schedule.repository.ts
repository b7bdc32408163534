import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type Location, locations, type Schedule, schedules } from './scheduling.schema.ts';

export type ScheduleChange = Partial<
  Pick<Schedule, 'locationId' | 'hours' | 'breaks' | 'exceptions' | 'validFrom' | 'validTo'>
>;

export async function insertSchedule(db: DbOrTx, values: typeof schedules.$inferInsert): Promise<Schedule> {
  const [schedule] = await db.insert(schedules).values(values).returning();
  if (!schedule) throw new Error('insert into schedules returned nothing');
  return schedule;
}

export async function updateSchedule(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: ScheduleChange,
): Promise<Schedule | undefined> {
  const [schedule] = await db
    .update(schedules)
    .set(values)
    .where(and(eq(schedules.orgId, orgId), eq(schedules.id, id)))
    .returning();
  return schedule;
}

export async function findSchedule(db: DbOrTx, orgId: string, id: string): Promise<Schedule | undefined> {
  const [schedule] = await db
    .select()
    .from(schedules)
    .where(and(eq(schedules.orgId, orgId), eq(schedules.id, id)));
  return schedule;
}

export async function listSchedulesOfOrg(
  db: DbOrTx,
  orgId: string,
  filter: { practitionerId?: string } = {},
): Promise<Schedule[]> {
  return db
    .select()
    .from(schedules)
    .where(
      and(
        eq(schedules.orgId, orgId),
        filter.practitionerId === undefined ? undefined : eq(schedules.practitionerId, filter.practitionerId),
      ),
    )
    .orderBy(asc(schedules.createdAt), asc(schedules.id));
}

/** The schedules of these practitioners with the place each is worked at (its time zone above all). */
export async function schedulesWithLocations(
  db: DbOrTx,
  orgId: string,
  practitionerIds: readonly string[],
): Promise<Array<{ schedule: Schedule; location: Location }>> {
  if (practitionerIds.length === 0) return [];
  return db
    .select({ schedule: schedules, location: locations })
    .from(schedules)
    .innerJoin(locations, and(eq(locations.id, schedules.locationId), eq(locations.orgId, orgId)))
    .where(and(eq(schedules.orgId, orgId), inArray(schedules.practitionerId, [...new Set(practitionerIds)])))
    .orderBy(asc(schedules.createdAt), asc(schedules.id));
}
