import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { contactSurvivors, segmentableContacts } from '../contacts/contact-labels.service.ts';
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
 * record count as that record (the survivor is who is written to), each once. Two statements that each
 * stop at `limit`: the members that are records of their own, read along the members' primary key, and
 * the survivors of the (few) merged ones; their union's first `limit`, so that walking a group of
 * 100,000 takes time in proportion to its size, not to its square.
 */
export async function staticGroupMembersPage(
  db: DbOrTx,
  input: { orgId: string; groupId: string; afterContactId: string | null; limit: number },
): Promise<string[]> {
  const records = segmentableContacts(db);
  const joined = and(eq(records.orgId, input.orgId), eq(records.id, patientGroupMembers.contactId));
  const ofGroup = and(
    eq(patientGroupMembers.orgId, input.orgId),
    eq(patientGroupMembers.groupId, input.groupId),
  );
  const after = input.afterContactId;
  const own = await db
    .select({ contactId: patientGroupMembers.contactId })
    .from(patientGroupMembers)
    .innerJoin(records, joined)
    .where(
      and(
        ofGroup,
        isNull(records.mergedIntoId),
        after === null ? undefined : gt(patientGroupMembers.contactId, after),
      ),
    )
    .orderBy(asc(patientGroupMembers.contactId))
    .limit(input.limit);
  const survivor = sql<string>`${records.mergedIntoId}`;
  const survivors = await db
    .selectDistinct({ contactId: survivor })
    .from(records)
    .innerJoin(patientGroupMembers, and(ofGroup, eq(patientGroupMembers.contactId, records.id)))
    .where(
      and(
        eq(records.orgId, input.orgId),
        isNotNull(records.mergedIntoId),
        after === null ? undefined : gt(records.mergedIntoId, after),
      ),
    )
    .orderBy(asc(survivor))
    .limit(input.limit);
  const ids = [...new Set([...own, ...survivors].map((row) => row.contactId))];
  return ids.sort().slice(0, input.limit);
}

export async function activeGroupCount(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(patientGroups)
    .where(and(eq(patientGroups.orgId, orgId), isNull(patientGroups.archivedAt)));
  return row?.count ?? 0;
}

/** The clinic's groups, archived ones only when asked, newest first, with each static group's member count. */
export async function listPatientGroupsWithCounts(
  db: DbOrTx,
  orgId: string,
  options: { includeArchived: boolean },
): Promise<Array<PatientGroup & { memberCount: number | null }>> {
  const counts = db
    .select({
      groupId: patientGroupMembers.groupId,
      count: sql<number>`count(*)::int`.as('member_count'),
    })
    .from(patientGroupMembers)
    .where(eq(patientGroupMembers.orgId, orgId))
    .groupBy(patientGroupMembers.groupId)
    .as('group_member_count');
  const rows = await db
    .select({ group: patientGroups, count: counts.count })
    .from(patientGroups)
    .leftJoin(counts, eq(counts.groupId, patientGroups.id))
    .where(
      and(
        eq(patientGroups.orgId, orgId),
        options.includeArchived ? undefined : isNull(patientGroups.archivedAt),
      ),
    )
    .orderBy(desc(patientGroups.createdAt), desc(patientGroups.id));
  return rows.map((row) => ({
    ...row.group,
    memberCount: row.group.kind === 'static' ? (row.count ?? 0) : null,
  }));
}

/** Undefined when not found; 'name taken' when another live group of the clinic has the name. */
export async function updatePatientGroupRow(
  db: DbOrTx,
  orgId: string,
  groupId: string,
  values: Partial<Pick<PatientGroup, 'name' | 'description' | 'definition' | 'archivedAt' | 'updatedAt'>>,
): Promise<PatientGroup | undefined | 'name taken'> {
  try {
    return await db.transaction(async (savepoint) => {
      const [group] = await savepoint
        .update(patientGroups)
        .set(values)
        .where(and(eq(patientGroups.orgId, orgId), eq(patientGroups.id, groupId)))
        .returning();
      return group;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'name taken';
    throw error;
  }
}

/** Removes these records (and the records merged into them) from a static group; answers how many went. */
export async function deleteGroupMembers(
  db: DbOrTx,
  input: { orgId: string; groupId: string; contactIds: readonly string[] },
): Promise<number> {
  if (input.contactIds.length === 0) return 0;
  const patients = contactSurvivors(db);
  const records = db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.orgId, input.orgId), inArray(patients.survivorId, [...input.contactIds])));
  const removed = await db
    .delete(patientGroupMembers)
    .where(
      and(
        eq(patientGroupMembers.orgId, input.orgId),
        eq(patientGroupMembers.groupId, input.groupId),
        inArray(patientGroupMembers.contactId, records),
      ),
    )
    .returning({ contactId: patientGroupMembers.contactId });
  return removed.length;
}

/** How many people a static group holds (merged records counted once, as their survivor). */
export async function staticGroupSize(db: DbOrTx, orgId: string, groupId: string): Promise<number> {
  const patients = contactSurvivors(db);
  const [row] = await db
    .select({ count: sql<number>`count(distinct ${patients.survivorId})::int` })
    .from(patientGroupMembers)
    .innerJoin(
      patients,
      and(eq(patients.orgId, patientGroupMembers.orgId), eq(patients.id, patientGroupMembers.contactId)),
    )
    .where(and(eq(patientGroupMembers.orgId, orgId), eq(patientGroupMembers.groupId, groupId)));
  return row?.count ?? 0;
}

/** The groups a patient record is a member of, with when it was added: for the patient's export. */
export async function groupsOfMember(
  db: DbOrTx,
  orgId: string,
  contactIds: readonly string[],
): Promise<Array<{ groupId: string; name: string; addedAt: Date }>> {
  if (contactIds.length === 0) return [];
  return db
    .select({ groupId: patientGroups.id, name: patientGroups.name, addedAt: patientGroupMembers.addedAt })
    .from(patientGroupMembers)
    .innerJoin(
      patientGroups,
      and(eq(patientGroups.orgId, orgId), eq(patientGroups.id, patientGroupMembers.groupId)),
    )
    .where(and(eq(patientGroupMembers.orgId, orgId), inArray(patientGroupMembers.contactId, [...contactIds])))
    .orderBy(asc(patientGroupMembers.addedAt));
}

/** Every membership of these records (an erasure). */
export async function deleteMembershipsOf(
  db: DbOrTx,
  orgId: string,
  contactIds: readonly string[],
): Promise<number> {
  if (contactIds.length === 0) return 0;
  const removed = await db
    .delete(patientGroupMembers)
    .where(and(eq(patientGroupMembers.orgId, orgId), inArray(patientGroupMembers.contactId, [...contactIds])))
    .returning({ groupId: patientGroupMembers.groupId });
  return removed.length;
}

/** The static groups a record is a member of. */
export async function groupIdsOfMember(db: DbOrTx, orgId: string, contactId: string): Promise<string[]> {
  const rows = await db
    .select({ groupId: patientGroupMembers.groupId })
    .from(patientGroupMembers)
    .where(and(eq(patientGroupMembers.orgId, orgId), eq(patientGroupMembers.contactId, contactId)));
  return rows.map((row) => row.groupId);
}

/** Makes a record a member of these groups, keeping when the memberships began. */
export async function insertMemberships(
  db: DbOrTx,
  orgId: string,
  contactId: string,
  groupIds: readonly string[],
): Promise<void> {
  if (groupIds.length === 0) return;
  await db
    .insert(patientGroupMembers)
    .values(groupIds.map((groupId) => ({ orgId, groupId, contactId })))
    .onConflictDoNothing();
}

/** Ends a record's membership of these groups. */
export async function deleteMemberships(
  db: DbOrTx,
  orgId: string,
  contactId: string,
  groupIds: readonly string[],
): Promise<void> {
  if (groupIds.length === 0) return;
  await db
    .delete(patientGroupMembers)
    .where(
      and(
        eq(patientGroupMembers.orgId, orgId),
        eq(patientGroupMembers.contactId, contactId),
        inArray(patientGroupMembers.groupId, [...groupIds]),
      ),
    );
}
