import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { contactSurvivors } from '../contacts/contact-labels.service.ts';
import { type PatientGroup, patientGroupMembers, patientGroups } from './patient-group.schema.ts';

export async function insertPatientGroup(
  db: DbOrTx,
  values: typeof patientGroups.$inferInsert,
): Promise<PatientGroup | undefined> {
  const [group] = await db.insert(patientGroups).values(values).onConflictDoNothing().returning();
  return group;
}

export async function findPatientGroup(
  db: DbOrTx,
  orgId: string,
  groupId: string,
): Promise<PatientGroup | undefined> {
  const [group] = await db
    .select()
    .from(patientGroups)
    .where(and(eq(patientGroups.orgId, orgId), eq(patientGroups.id, groupId)));
  return group;
}

/** Adds only the clinic's own patients; returns how many were new to the group. */
export async function insertGroupMembers(
  db: DbOrTx,
  input: { orgId: string; groupId: string; contactIds: readonly string[]; addedByUserId: string | null },
): Promise<number> {
  if (input.contactIds.length === 0) return 0;
  const patients = contactSurvivors(db);
  const ownPatients = await db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.orgId, input.orgId), inArray(patients.id, [...input.contactIds])));
  if (ownPatients.length === 0) return 0;
  const added = await db
    .insert(patientGroupMembers)
    .values(
      ownPatients.map((patient) => ({
        orgId: input.orgId,
        groupId: input.groupId,
        contactId: patient.id,
        addedByUserId: input.addedByUserId,
      })),
    )
    .onConflictDoNothing()
    .returning({ contactId: patientGroupMembers.contactId });
  return added.length;
}

/**
 * Members of a static group in contact id order, after `afterContactId`: patients merged into another
 * record count as that record (the survivor is who is written to), each once.
 */
export async function staticGroupMembersPage(
  db: DbOrTx,
  input: { orgId: string; groupId: string; afterContactId: string | null; limit: number },
): Promise<string[]> {
  const patients = contactSurvivors(db);
  const member = patients.survivorId;
  const rows = await db
    .selectDistinct({ contactId: member })
    .from(patientGroupMembers)
    .innerJoin(
      patients,
      and(eq(patients.orgId, patientGroupMembers.orgId), eq(patients.id, patientGroupMembers.contactId)),
    )
    .where(
      and(
        eq(patientGroupMembers.orgId, input.orgId),
        eq(patientGroupMembers.groupId, input.groupId),
        input.afterContactId === null ? undefined : gt(member, input.afterContactId),
      ),
    )
    .orderBy(asc(member))
    .limit(input.limit);
  return rows.map((row) => row.contactId);
}

export async function activeGroupCount(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(patientGroups)
    .where(and(eq(patientGroups.orgId, orgId), isNull(patientGroups.archivedAt)));
  return row?.count ?? 0;
}
