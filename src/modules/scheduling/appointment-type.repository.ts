import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { type AppointmentType, appointmentTypes } from './scheduling.schema.ts';

export type AppointmentTypeChange = Partial<Omit<AppointmentType, 'id' | 'orgId' | 'createdAt'>>;

/** The new type, or undefined when the clinic already has a type with that key. */
export async function insertAppointmentTypeIfKeyFree(
  db: DbOrTx,
  values: typeof appointmentTypes.$inferInsert,
): Promise<AppointmentType | undefined> {
  const [type] = await db.insert(appointmentTypes).values(values).onConflictDoNothing().returning();
  return type;
}

/**
 * The changed type; undefined when it is not the clinic's; `'key taken'` when another type of the clinic
 * has that key. Runs in a savepoint so that the refusal leaves the caller's transaction usable.
 */
export async function updateAppointmentTypeIfKeyFree(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: AppointmentTypeChange,
): Promise<AppointmentType | undefined | 'key taken'> {
  try {
    return await db.transaction(async (savepoint) => {
      const [type] = await savepoint
        .update(appointmentTypes)
        .set(values)
        .where(and(eq(appointmentTypes.orgId, orgId), eq(appointmentTypes.id, id)))
        .returning();
      return type;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'key taken';
    throw error;
  }
}

export async function findAppointmentType(
  db: DbOrTx,
  orgId: string,
  id: string,
): Promise<AppointmentType | undefined> {
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.orgId, orgId), eq(appointmentTypes.id, id)));
  return type;
}

export async function findAppointmentTypeByKey(
  db: DbOrTx,
  orgId: string,
  key: string,
): Promise<AppointmentType | undefined> {
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.orgId, orgId), eq(appointmentTypes.key, key)));
  return type;
}

export async function listAppointmentTypesOfOrg(db: DbOrTx, orgId: string): Promise<AppointmentType[]> {
  return db
    .select()
    .from(appointmentTypes)
    .where(eq(appointmentTypes.orgId, orgId))
    .orderBy(asc(appointmentTypes.key));
}
