import type { DbOrTx } from '../../platform/db/db.ts';
import { canonicalLanguageTag } from '../contacts/language-tag.ts';
import { findActiveStaffByIds } from '../users/user.service.ts';
import { busyCalendarSummaries, deleteBusyCalendarCopy } from './busy-calendar.repository.ts';
import { enqueueBusyCalendarRefresh } from './busy-calendar-queue.ts';
import {
  findPractitioner,
  insertPractitioner,
  listPractitionersOfOrg,
  lockPractitioner,
  updatePractitioner,
} from './practitioner.repository.ts';
import type { BusyCalendarCopy, Practitioner } from './scheduling.schema.ts';
import { SchedulingNotFoundError, UnknownReferenceError } from './scheduling-errors.ts';

// What other modules may read or change here: they call this service, never the repository.
export { findPractitioner } from './practitioner.repository.ts';

/** A practitioner with where their cached busy calendar came from, if they have one. */
export type PractitionerView = Practitioner & {
  busyCalendar: Pick<BusyCalendarCopy, 'source' | 'receivedAt'> | null;
};

export interface PractitionerInput {
  name: string;
  /** A specialty key: general_practice, paediatrics… */
  specialty: string;
  /** BCP 47 tags; French only when left out. */
  languages?: readonly string[];
  /** The member of staff this practitioner is. */
  userId?: string | null;
  active?: boolean;
  /** An iCalendar URL (http, https or webcal) whose busy times block slots. */
  busyCalendarUrl?: string | null;
}

export async function listPractitioners(db: DbOrTx, orgId: string): Promise<PractitionerView[]> {
  return withBusyCalendars(db, orgId, await listPractitionersOfOrg(db, orgId));
}

export async function getPractitioner(db: DbOrTx, orgId: string, id: string): Promise<PractitionerView> {
  const practitioner = await findPractitioner(db, orgId, id);
  if (!practitioner) throw new SchedulingNotFoundError('Practitioner');
  const [view] = await withBusyCalendars(db, orgId, [practitioner]);
  return view ?? { ...practitioner, busyCalendar: null };
}

/**
 * Adds a practitioner. With a busy calendar URL, its first refresh is queued in the same transaction:
 * wake the job worker afterwards. `UnknownReferenceError` when `userId` is not active staff of the clinic.
 */
export async function createPractitioner(
  db: DbOrTx,
  orgId: string,
  input: PractitionerInput,
): Promise<PractitionerView> {
  await checkUser(db, orgId, input.userId);
  return db.transaction(async (tx) => {
    const practitioner = await insertPractitioner(tx, {
      orgId,
      name: input.name,
      specialty: input.specialty,
      ...(input.languages === undefined ? {} : { languages: canonicalLanguages(input.languages) }),
      userId: input.userId ?? null,
      active: input.active ?? true,
      busyCalendarUrl: input.busyCalendarUrl ?? null,
    });
    if (practitioner.busyCalendarUrl !== null) {
      await enqueueBusyCalendarRefresh(tx, { orgId, practitionerId: practitioner.id });
    }
    return { ...practitioner, busyCalendar: null };
  });
}

/**
 * Changes what is given. A new busy calendar URL drops the copy of the old calendar and queues a
 * refresh (wake the job worker afterwards); removing the URL drops the copy, so it stops blocking.
 */
export async function changePractitioner(
  db: DbOrTx,
  orgId: string,
  id: string,
  change: Partial<PractitionerInput>,
): Promise<PractitionerView> {
  await checkUser(db, orgId, change.userId);
  await db.transaction(async (tx) => {
    const current = await lockPractitioner(tx, orgId, id);
    if (!current) throw new SchedulingNotFoundError('Practitioner');
    const newUrl =
      change.busyCalendarUrl !== undefined && change.busyCalendarUrl !== current.busyCalendarUrl
        ? { busyCalendarUrl: change.busyCalendarUrl }
        : undefined;
    await updatePractitioner(tx, orgId, id, {
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.specialty === undefined ? {} : { specialty: change.specialty }),
      ...(change.languages === undefined ? {} : { languages: canonicalLanguages(change.languages) }),
      ...(change.userId === undefined ? {} : { userId: change.userId }),
      ...(change.active === undefined ? {} : { active: change.active }),
      ...(newUrl === undefined ? {} : { ...newUrl, busyCalendarRefreshedAt: null, busyCalendarError: null }),
    });
    if (newUrl === undefined) return;
    await deleteBusyCalendarCopy(tx, orgId, id);
    if (newUrl.busyCalendarUrl !== null) await enqueueBusyCalendarRefresh(tx, { orgId, practitionerId: id });
  });
  return getPractitioner(db, orgId, id);
}

async function withBusyCalendars(
  db: DbOrTx,
  orgId: string,
  practitioners: Practitioner[],
): Promise<PractitionerView[]> {
  const summaries = await busyCalendarSummaries(
    db,
    orgId,
    practitioners.map((p) => p.id),
  );
  return practitioners.map((p) => {
    const summary = summaries.find((s) => s.practitionerId === p.id);
    return {
      ...p,
      busyCalendar: summary ? { source: summary.source, receivedAt: summary.receivedAt } : null,
    };
  });
}

async function checkUser(db: DbOrTx, orgId: string, userId: string | null | undefined): Promise<void> {
  if (userId === undefined || userId === null) return;
  if ((await findActiveStaffByIds(db, orgId, [userId])).length === 0) {
    throw new UnknownReferenceError('userId', 'is not a member of this clinic’s staff');
  }
}

function canonicalLanguages(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => canonicalLanguageTag(tag) ?? tag))];
}
