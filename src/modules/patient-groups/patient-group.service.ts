import type { DbOrTx } from '../../platform/db/db.ts';
import { findAppointmentType } from '../scheduling/appointment-type.service.ts';
import { findPractitioner } from '../scheduling/practitioner.service.ts';
import {
  deleteGroupMembers,
  findPatientGroup,
  insertGroupMembers,
  insertPatientGroup,
  listPatientGroupsWithCounts,
  staticGroupMembersPage,
  staticGroupSize,
  updatePatientGroupRow,
} from './patient-group.repository.ts';
import type { PatientGroup, PatientGroupKind } from './patient-group.schema.ts';
import { type SegmentDeps, segmentAudiencePage, segmentSizeAndSample } from './segment-audience.ts';
import { leafRulesOf, type SegmentDefinition, segmentDefinition } from './segment-rules.ts';

export type { SegmentDeps } from './segment-audience.ts';

export class PatientGroupNotFoundError extends Error {
  constructor() {
    super('patient group not found');
    this.name = 'PatientGroupNotFoundError';
  }
}

/** Members asked of a dynamic group, which has rules instead. */
export class GroupKindError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GroupKindError';
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
  if (group.kind !== 'static')
    throw new GroupKindError(
      'a dynamic group’s patients are whoever its rules match: none are added by hand',
    );
  return insertGroupMembers(db, input);
}

/**
 * The group's audience now, one page of contact ids in id order after `afterContactId` (null = from the
 * start): what a broadcast walks through. Merged-away records count as their survivor; erased patients
 * have no record left. A dynamic group is evaluated now, with the caller's keyring (for sealed fields)
 * and clock.
 */
export async function groupAudiencePage(
  db: DbOrTx,
  input: { orgId: string; groupId: string; afterContactId: string | null; limit: number },
  deps: SegmentDeps,
): Promise<string[]> {
  const group = await getPatientGroup(db, input.orgId, input.groupId);
  if (group.kind === 'static') return staticGroupMembersPage(db, input);
  return segmentAudiencePage(db, deps, { ...input, definition: storedDefinition(group) });
}

/** A dynamic group's rules as stored (checked when written). */
export function storedDefinition(group: PatientGroup): SegmentDefinition {
  const parsed = segmentDefinition.safeParse(group.definition);
  if (!parsed.success) throw new Error(`patient group ${group.id} holds rules that no longer parse`);
  return parsed.data;
}

/** A rule names a practitioner or appointment type the clinic does not have: `path` names the field. */
export class UnknownSegmentReferenceError extends Error {
  readonly path: string;

  constructor(path: string, what: string) {
    super(`${path}: is not one of the clinic’s ${what}`);
    this.path = path;
    this.name = 'UnknownSegmentReferenceError';
  }
}

/** Checks that the practitioners and appointment types the rules name are the clinic's. */
export async function checkSegmentReferences(
  db: DbOrTx,
  orgId: string,
  definition: SegmentDefinition,
): Promise<void> {
  for (const { rule, path } of leafRulesOf(definition)) {
    if (rule.type !== 'appointment') continue;
    if (rule.practitioner_id && !(await findPractitioner(db, orgId, rule.practitioner_id)))
      throw new UnknownSegmentReferenceError(`${path}.practitioner_id`, 'practitioners');
    if (rule.appointment_type_id && !(await findAppointmentType(db, orgId, rule.appointment_type_id)))
      throw new UnknownSegmentReferenceError(`${path}.appointment_type_id`, 'appointment types');
  }
}

export type PatientGroupListed = PatientGroup & { memberCount: number | null };

export function listPatientGroups(
  db: DbOrTx,
  orgId: string,
  options: { includeArchived: boolean },
): Promise<PatientGroupListed[]> {
  return listPatientGroupsWithCounts(db, orgId, options);
}

/** Changes a group's name, description or (a dynamic group's) rules. */
export async function updatePatientGroup(
  db: DbOrTx,
  input: {
    orgId: string;
    groupId: string;
    name?: string | undefined;
    description?: string | null | undefined;
    definition?: SegmentDefinition | undefined;
    now: Date;
  },
): Promise<PatientGroup> {
  const group = await getPatientGroup(db, input.orgId, input.groupId);
  if (input.definition !== undefined && group.kind !== 'dynamic') throw new StaticGroupRulesError();
  const updated = await updatePatientGroupRow(db, input.orgId, input.groupId, {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.definition === undefined ? {} : { definition: input.definition }),
    updatedAt: input.now,
  });
  if (updated === 'name taken') throw new DuplicateGroupNameError(input.name ?? group.name);
  if (!updated) throw new PatientGroupNotFoundError();
  return updated;
}

/** A static group has members, not rules. */
export class StaticGroupRulesError extends Error {
  constructor() {
    super('a static group has members, not rules');
    this.name = 'StaticGroupRulesError';
  }
}

/** Archives a group: no longer offered, kept for the broadcasts that went to it. Archiving again changes nothing. */
export async function archivePatientGroup(
  db: DbOrTx,
  input: { orgId: string; groupId: string; now: Date },
): Promise<PatientGroup> {
  const group = await getPatientGroup(db, input.orgId, input.groupId);
  if (group.archivedAt) return group;
  const updated = await updatePatientGroupRow(db, input.orgId, input.groupId, {
    archivedAt: input.now,
    updatedAt: input.now,
  });
  if (!updated || updated === 'name taken') throw new PatientGroupNotFoundError();
  return updated;
}

/** Removes patients from a static group (a merged record with its survivor); returns how many left. */
export async function removePatientsFromGroup(
  db: DbOrTx,
  input: { orgId: string; groupId: string; contactIds: readonly string[] },
): Promise<number> {
  const group = await getPatientGroup(db, input.orgId, input.groupId);
  if (group.kind !== 'static')
    throw new GroupKindError(
      'a dynamic group’s patients are whoever its rules match: none are removed by hand',
    );
  return deleteGroupMembers(db, input);
}

/** How many patients a group holds now and the first `sampleSize` of them. */
export async function groupSizeAndSample(
  db: DbOrTx,
  deps: SegmentDeps,
  input: { orgId: string; group: PatientGroup; sampleSize: number },
): Promise<{ size: number; sample: string[] }> {
  const { orgId, group } = input;
  if (group.kind === 'dynamic')
    return segmentSizeAndSample(db, deps, {
      orgId,
      definition: storedDefinition(group),
      sampleSize: input.sampleSize,
    });
  return {
    size: await staticGroupSize(db, orgId, group.id),
    sample: await staticGroupMembersPage(db, {
      orgId,
      groupId: group.id,
      afterContactId: null,
      limit: input.sampleSize,
    }),
  };
}

/** An unsaved definition's size and first patients: the preview before a dynamic group is saved. */
export function previewSegment(
  db: DbOrTx,
  deps: SegmentDeps,
  input: { orgId: string; definition: SegmentDefinition; sampleSize: number },
): Promise<{ size: number; sample: string[] }> {
  return segmentSizeAndSample(db, deps, input);
}

/** A static group's members, a page in id order after `afterContactId`. */
export async function staticMembersPage(
  db: DbOrTx,
  input: { orgId: string; groupId: string; afterContactId: string | null; limit: number },
): Promise<string[]> {
  const group = await getPatientGroup(db, input.orgId, input.groupId);
  if (group.kind !== 'static') throw new GroupKindError('a dynamic group has rules, not a list of members');
  return staticGroupMembersPage(db, input);
}
