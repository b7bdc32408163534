import type { DbOrTx } from '../../platform/db/db.ts';
import {
  deleteMemberships,
  deleteMembershipsOf,
  groupIdsOfMember,
  groupsOfMember,
  insertMemberships,
} from './patient-group.repository.ts';

/**
 * One patient's group memberships, for the privacy module (export, erasure) and patient-merge (a merge
 * moves them to the survivor, an unmerge moves them back).
 */

/** The static groups the patient is in, oldest membership first. */
export function readPatientGroupMemberships(
  tx: DbOrTx,
  orgId: string,
  contactId: string,
): Promise<Array<{ groupId: string; name: string; addedAt: Date }>> {
  return groupsOfMember(tx, orgId, [contactId]);
}

/**
 * Erasure: the patient's memberships and those of the records merged into them (erased with them), so
 * that their rows can go. Answers how many memberships went.
 */
export function deletePatientGroupMemberships(
  tx: DbOrTx,
  orgId: string,
  contactIds: readonly string[],
): Promise<number> {
  return deleteMembershipsOf(tx, orgId, contactIds);
}

/** What a merge did to group memberships: what its undoing puts back. */
export interface MovedMemberships {
  /** The groups the merged record was in (it leaves them). */
  groups: string[];
  /** Those of them the survivor joined through the merge (it was not in them before). */
  joined: string[];
}

/** Merge: the merged record's memberships become the survivor's (groups it already is in stay as they are). */
export async function moveGroupMemberships(
  tx: DbOrTx,
  orgId: string,
  fromContactId: string,
  toContactId: string,
): Promise<MovedMemberships> {
  const groups = await groupIdsOfMember(tx, orgId, fromContactId);
  if (groups.length === 0) return { groups: [], joined: [] };
  const already = new Set(await groupIdsOfMember(tx, orgId, toContactId));
  const joined = groups.filter((id) => !already.has(id));
  await insertMemberships(tx, orgId, toContactId, joined);
  await deleteMemberships(tx, orgId, fromContactId, groups);
  return { groups, joined };
}

/** Unmerge: the merged record is back in its groups, and the survivor leaves those it only joined by the merge. */
export async function restoreGroupMemberships(
  tx: DbOrTx,
  orgId: string,
  input: { mergedId: string; survivorId: string; moved: MovedMemberships },
): Promise<void> {
  await insertMemberships(tx, orgId, input.mergedId, input.moved.groups);
  await deleteMemberships(tx, orgId, input.survivorId, input.moved.joined);
}
