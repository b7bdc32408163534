import type { DbOrTx } from '../../platform/db/db.ts';
import {
  type AppointmentTypeChange,
  findAppointmentType,
  insertAppointmentTypeIfKeyFree,
  listAppointmentTypesOfOrg,
  updateAppointmentTypeIfKeyFree,
} from './appointment-type.repository.ts';
import { findPractitionersByIds } from './practitioner.repository.ts';
import type { AppointmentType } from './scheduling.schema.ts';
import {
  DuplicateAppointmentTypeKeyError,
  SchedulingNotFoundError,
  UnknownReferenceError,
} from './scheduling-errors.ts';

// What other modules may read here (a patient segment checks the type its rule names).
export { findAppointmentType } from './appointment-type.repository.ts';

export interface AppointmentTypeInput {
  key: string;
  name: { fr: string; en: string };
  durationMinutes: number;
  bufferBeforeMinutes?: number;
  bufferAfterMinutes?: number;
  minimumNoticeMinutes?: number;
  horizonDays?: number;
  slotStepMinutes?: number;
  /** Who offers it; empty (the default) means every active practitioner. */
  practitionerIds?: readonly string[];
  active?: boolean;
}

export async function listAppointmentTypes(db: DbOrTx, orgId: string): Promise<AppointmentType[]> {
  return listAppointmentTypesOfOrg(db, orgId);
}

export async function getAppointmentType(db: DbOrTx, orgId: string, id: string): Promise<AppointmentType> {
  const type = await findAppointmentType(db, orgId, id);
  if (!type) throw new SchedulingNotFoundError('Appointment type');
  return type;
}

/** `DuplicateAppointmentTypeKeyError` when the key is taken; `UnknownReferenceError` for a stranger. */
export async function createAppointmentType(
  db: DbOrTx,
  orgId: string,
  input: AppointmentTypeInput,
): Promise<AppointmentType> {
  await checkPractitioners(db, orgId, input.practitionerIds);
  const type = await insertAppointmentTypeIfKeyFree(db, {
    ...valuesOf(input),
    orgId,
    key: input.key,
    name: input.name,
    durationMinutes: input.durationMinutes,
  });
  if (!type) throw new DuplicateAppointmentTypeKeyError(input.key);
  return type;
}

/** Changes what is given; appointments already booked keep their times. */
export async function changeAppointmentType(
  db: DbOrTx,
  orgId: string,
  id: string,
  change: Partial<AppointmentTypeInput>,
): Promise<AppointmentType> {
  await checkPractitioners(db, orgId, change.practitionerIds);
  const type = await updateAppointmentTypeIfKeyFree(db, orgId, id, valuesOf(change));
  if (type === 'key taken') throw new DuplicateAppointmentTypeKeyError(change.key ?? '');
  if (!type) throw new SchedulingNotFoundError('Appointment type');
  return type;
}

function valuesOf(input: Partial<AppointmentTypeInput>): AppointmentTypeChange {
  const values: AppointmentTypeChange = {};
  if (input.key !== undefined) values.key = input.key;
  if (input.name !== undefined) values.name = input.name;
  if (input.durationMinutes !== undefined) values.durationMinutes = input.durationMinutes;
  if (input.bufferBeforeMinutes !== undefined) values.bufferBeforeMinutes = input.bufferBeforeMinutes;
  if (input.bufferAfterMinutes !== undefined) values.bufferAfterMinutes = input.bufferAfterMinutes;
  if (input.minimumNoticeMinutes !== undefined) values.minimumNoticeMinutes = input.minimumNoticeMinutes;
  if (input.horizonDays !== undefined) values.horizonDays = input.horizonDays;
  if (input.slotStepMinutes !== undefined) values.slotStepMinutes = input.slotStepMinutes;
  if (input.practitionerIds !== undefined) values.practitionerIds = [...new Set(input.practitionerIds)];
  if (input.active !== undefined) values.active = input.active;
  return values;
}

async function checkPractitioners(
  db: DbOrTx,
  orgId: string,
  ids: readonly string[] | undefined,
): Promise<void> {
  if (ids === undefined || ids.length === 0) return;
  const known = new Set((await findPractitionersByIds(db, orgId, ids)).map((p) => p.id));
  const position = ids.findIndex((id) => !known.has(id));
  if (position >= 0) {
    throw new UnknownReferenceError(`practitionerIds.${position}`, 'is not a practitioner of this clinic');
  }
}
