import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { findActiveStaffByIds, type StaffMember } from '../users/user.service.ts';
import {
  findTeam,
  insertTeamIfNameFree,
  listTeamsOfOrg,
  membersOfTeams,
  replaceTeamMembers,
  updateTeamIfNameFree,
} from './team.repository.ts';
import type { AssignmentMode, Team } from './team.schema.ts';

// What other modules may read or change here: they call this service, never the repository.
export {
  findTeam,
  findTeamsByIds,
  listTeamsOfOrg,
  lockTeam,
  membersOfTeams,
  removeMemberFromAllTeams,
  setLastAssigned,
} from './team.repository.ts';

export type TeamWithMembers = Team & { members: StaffMember[] };

export class TeamNotFoundError extends Error {
  constructor() {
    super('team not found');
    this.name = 'TeamNotFoundError';
  }
}

export class DuplicateTeamNameError extends Error {
  readonly teamName: string;

  constructor(teamName: string) {
    super(`the clinic already has a team named ${teamName}`);
    this.teamName = teamName;
    this.name = 'DuplicateTeamNameError';
  }
}

/** Members named by their position in the request, since they are not the clinic's staff. */
export class UnknownMembersError extends Error {
  readonly positions: number[];

  constructor(positions: number[]) {
    super('not members of the clinic’s staff');
    this.positions = positions;
    this.name = 'UnknownMembersError';
  }
}

export async function listTeams(db: DbOrTx, orgId: string): Promise<TeamWithMembers[]> {
  const teams = await listTeamsOfOrg(db, orgId);
  const members = await membersOfTeams(
    db,
    orgId,
    teams.map((t) => t.id),
  );
  return teams.map((t) => ({ ...t, members: members.filter((m) => m.teamId === t.id).map((m) => m.member) }));
}

export async function createTeam(
  db: DbOrTx,
  orgId: string,
  input: { name: string; assignmentMode: AssignmentMode },
): Promise<TeamWithMembers> {
  const team = await insertTeamIfNameFree(db, {
    orgId,
    name: input.name,
    assignmentMode: input.assignmentMode,
  });
  if (!team) throw new DuplicateTeamNameError(input.name);
  return { ...team, members: [] };
}

/** Renames the team or changes how it assigns conversations. */
export async function changeTeam(
  db: DbOrTx,
  orgId: string,
  teamId: string,
  change: { name?: string; assignmentMode?: AssignmentMode },
): Promise<TeamWithMembers> {
  const updated = await updateTeamIfNameFree(db, orgId, teamId, change);
  if (updated === 'name taken') throw new DuplicateTeamNameError(change.name ?? '');
  if (!updated) throw new TeamNotFoundError();
  const members = await membersOfTeams(db, orgId, [updated.id]);
  return { ...updated, members: members.map((m) => m.member) };
}

/** Replaces the team's members; every one must be active staff of the clinic. */
export async function setTeamMembers(
  db: Db,
  orgId: string,
  teamId: string,
  userIds: readonly string[],
): Promise<TeamWithMembers> {
  const team = await findTeam(db, orgId, teamId);
  if (!team) throw new TeamNotFoundError();
  const known = new Set((await findActiveStaffByIds(db, orgId, userIds)).map((u) => u.id));
  const unknown = userIds.flatMap((id, position) => (known.has(id) ? [] : [position]));
  if (unknown.length > 0) throw new UnknownMembersError(unknown);
  await db.transaction((tx) => replaceTeamMembers(tx, orgId, team.id, [...new Set(userIds)]));
  const members = await membersOfTeams(db, orgId, [team.id]);
  return { ...team, members: members.map((m) => m.member) };
}
