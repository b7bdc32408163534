import type { DbOrTx } from '../../platform/db/db.ts';
import {
  findPatientGroup,
  insertGroupMembers,
  insertPatientGroup,
  staticGroupMembersPage,
} from './patient-group.repository.ts';
import type { PatientGroup, PatientGroupKind } from './patient-group.schema.ts';

export class PatientGroupNotFoundError extends Error {
  constructor() {
    super('patient group not found');
    this.name = 'PatientGroupNotFoundError';
  }
}

export class DuplicateGroupNameError extends Error {
  readonly groupName: string;

  constructor(groupName: string) {
    super(`the clinic already has a group named ${groupName}`);
    this.groupName = groupName;
    this.name = 'DuplicateGroupNameError';
  }
}

export async function createPatientGroup(
  db: DbOrTx,
  input: {
    orgId: string;
    name: string;
    description?: string | null;
    kind: PatientGroupKind;
    definition?: unknown;
    createdByUserId: string | null;
  },
): Promise<PatientGroup> {
  const group = await insertPatientGroup(db, {
    orgId: input.orgId,
    name: input.name,
    description: input.description ?? null,
    kind: input.kind,
    definition: input.kind === 'dynamic' ? (input.definition ?? null) : null,
    createdByUserId: input.createdByUserId,
  });
  if (group === undefined) throw new DuplicateGroupNameError(input.name);
  return group;
}

export async function getPatientGroup(db: DbOrTx, orgId: string, groupId: string): Promise<PatientGroup> {
  const group = await findPatientGroup(db, orgId, groupId);
  if (group === undefined) throw new PatientGroupNotFoundError();
  return group;
}

/** Adds patients of the clinic to a static group (others are ignored); returns how many were new. */
export async function addPatientsToGroup(
  db: DbOrTx,
  input: { orgId: string; groupId: string; contactIds: readonly string[]; addedByUserId: string | null },
): Promise<number> {
  const group = await getPatientGroup(db, input.orgId, input.groupId);
  if (group.kind !== 'static') throw new Error('only a static group has members added by hand');
  return insertGroupMembers(db, input);
}

/**
 * The group's audience now, one page of contact ids in id order after `afterContactId` (null = from the
 * start): what a broadcast walks through. Merged-away records count as their survivor.
 */
export async function groupAudiencePage(
  db: DbOrTx,
  input: { orgId: string; groupId: string; afterContactId: string | null; limit: number },
): Promise<string[]> {
  const group = await getPatientGroup(db, input.orgId, input.groupId);
  if (group.kind === 'static') return staticGroupMembersPage(db, input);
  throw new Error('dynamic segments are evaluated by segment-audience.ts');
}
