import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type BusyCalendarCopy, busyCalendarCopies } from './scheduling.schema.ts';

/** Keeps this copy of the practitioner's busy calendar in place of the previous one. */
export async function saveBusyCalendarCopy(
  db: DbOrTx,
  copy: typeof busyCalendarCopies.$inferInsert,
): Promise<void> {
  const { practitionerId: _key, ...rest } = copy;
  await db.insert(busyCalendarCopies).values(copy).onConflictDoUpdate({
    target: busyCalendarCopies.practitionerId,
    set: rest,
  });
}

export async function findBusyCalendarCopy(
  db: DbOrTx,
  orgId: string,
  practitionerId: string,
): Promise<BusyCalendarCopy | undefined> {
  const [copy] = await db
    .select()
    .from(busyCalendarCopies)
    .where(and(eq(busyCalendarCopies.orgId, orgId), eq(busyCalendarCopies.practitionerId, practitionerId)));
  return copy;
}

export async function deleteBusyCalendarCopy(
  db: DbOrTx,
  orgId: string,
  practitionerId: string,
): Promise<void> {
  await db
    .delete(busyCalendarCopies)
    .where(and(eq(busyCalendarCopies.orgId, orgId), eq(busyCalendarCopies.practitionerId, practitionerId)));
}

/** The cached external busy time of these practitioners. */
export async function busyCalendarCopiesOf(
  db: DbOrTx,
  orgId: string,
  practitionerIds: readonly string[],
): Promise<Array<Pick<BusyCalendarCopy, 'practitionerId' | 'busy'>>> {
  if (practitionerIds.length === 0) return [];
  return db
    .select({ practitionerId: busyCalendarCopies.practitionerId, busy: busyCalendarCopies.busy })
    .from(busyCalendarCopies)
    .where(
      and(
        eq(busyCalendarCopies.orgId, orgId),
        inArray(busyCalendarCopies.practitionerId, [...new Set(practitionerIds)]),
      ),
    );
}

/** Whether each of these practitioners has a copy, and where it came from (for the practitioner JSON). */
export async function busyCalendarSummaries(
  db: DbOrTx,
  orgId: string,
  practitionerIds: readonly string[],
): Promise<Array<Pick<BusyCalendarCopy, 'practitionerId' | 'source' | 'receivedAt'>>> {
  if (practitionerIds.length === 0) return [];
  return db
    .select({
      practitionerId: busyCalendarCopies.practitionerId,
      source: busyCalendarCopies.source,
      receivedAt: busyCalendarCopies.receivedAt,
    })
    .from(busyCalendarCopies)
    .where(
      and(
        eq(busyCalendarCopies.orgId, orgId),
        inArray(busyCalendarCopies.practitionerId, [...new Set(practitionerIds)]),
      ),
    );
}
