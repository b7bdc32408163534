import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { isUniqueViolation } from '../../platform/db/unique-violation.ts';
import { activeStaffOfOrg } from '../users/active-staff.service.ts';
import type { StaffMember } from '../users/user.service.ts';
import { type Team, teamMembers, teams } from './team.schema.ts';

/** The new team, or undefined when the clinic already has a team of that name. */
export async function insertTeamIfNameFree(
  db: DbOrTx,
  values: typeof teams.$inferInsert,
): Promise<Team | undefined> {
  const [team] = await db.insert(teams).values(values).onConflictDoNothing().returning();
  return team;
}

/**
 * The renamed (or re-moded) team; undefined when it is not the clinic's; `'name taken'` when another
 * team of the clinic has that name. Runs in a savepoint so that the refusal leaves the caller's
 * transaction usable.
 */
export async function updateTeamIfNameFree(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<Pick<Team, 'name' | 'assignmentMode'>>,
): Promise<Team | undefined | 'name taken'> {
  try {
    return await db.transaction(async (savepoint) => {
      const [team] = await savepoint
        .update(teams)
        .set(values)
        .where(and(eq(teams.orgId, orgId), eq(teams.id, id)))
        .returning();
      return team;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'name taken';
    throw error;
  }
}

export async function listTeamsOfOrg(db: DbOrTx, orgId: string): Promise<Team[]> {
  return db.select().from(teams).where(eq(teams.orgId, orgId)).orderBy(asc(teams.name));
}

export async function findTeam(db: DbOrTx, orgId: string, id: string): Promise<Team | undefined> {
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
  return team;
}

export async function findTeamsByIds(db: DbOrTx, orgId: string, ids: readonly string[]): Promise<Team[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), inArray(teams.id, unique)));
}

/**
 * Locks the team until the transaction ends, so automatic assignments to it take turns: two
 * conversations arriving together cannot both read the same "last assigned" and go to the same agent.
 */
export async function lockTeam(tx: DbOrTx, orgId: string, id: string): Promise<Team | undefined> {
  const [team] = await tx
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)))
    .for('update');
  return team;
}

export async function setLastAssigned(tx: DbOrTx, teamId: string, userId: string): Promise<void> {
  await tx.update(teams).set({ lastAssignedUserId: userId }).where(eq(teams.id, teamId));
}

export async function membersOfTeams(
  db: DbOrTx,
  orgId: string,
  teamIds: readonly string[],
): Promise<{ teamId: string; member: StaffMember }[]> {
  if (teamIds.length === 0) return [];
  const { staff, member } = activeStaffOfOrg(db, orgId);
  return db
    .select({ teamId: teamMembers.teamId, member })
    .from(teamMembers)
    .innerJoin(staff, eq(staff.id, teamMembers.userId))
    .where(and(eq(teamMembers.orgId, orgId), inArray(teamMembers.teamId, [...teamIds])))
    .orderBy(asc(staff.name), asc(staff.email));
}

export async function replaceTeamMembers(
  tx: DbOrTx,
  orgId: string,
  teamId: string,
  userIds: readonly string[],
): Promise<void> {
  await tx.delete(teamMembers).where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId)));
  if (userIds.length === 0) return;
  await tx.insert(teamMembers).values(userIds.map((userId) => ({ orgId, teamId, userId })));
}

/** Takes a person out of every team of the clinic; returns the teams they were in. */
export async function removeMemberFromAllTeams(tx: DbOrTx, orgId: string, userId: string): Promise<string[]> {
  const removed = await tx
    .delete(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.userId, userId)))
    .returning({ teamId: teamMembers.teamId });
  return removed.map((r) => r.teamId);
}
