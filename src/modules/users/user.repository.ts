import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type User, type UserRole, users } from './user.schema.ts';

/** What the inbox shows of a member of the care team; never the password hash. */
export const staffColumns = {
  id: users.id,
  orgId: users.orgId,
  name: users.name,
  email: users.email,
  role: users.role,
  capacity: users.capacity,
  lastSeenAt: users.lastSeenAt,
  deactivatedAt: users.deactivatedAt,
  totpEnabledAt: users.totpEnabledAt,
  createdAt: users.createdAt,
};

export interface StaffMember {
  id: string;
  orgId: string;
  name: string | null;
  email: string;
  role: UserRole;
  capacity: number;
  lastSeenAt: Date | null;
  /** Null while the person may sign in and be given conversations. */
  deactivatedAt: Date | null;
  /** When they turned two-factor sign-in on; null = password only. */
  totpEnabledAt: Date | null;
  createdAt: Date;
}

export async function listStaffOfOrg(
  db: DbOrTx,
  orgId: string,
  options: { includeDeactivated: boolean } = { includeDeactivated: false },
): Promise<StaffMember[]> {
  return db
    .select(staffColumns)
    .from(users)
    .where(and(eq(users.orgId, orgId), options.includeDeactivated ? undefined : isNull(users.deactivatedAt)))
    .orderBy(asc(users.name), asc(users.email));
}

/** The clinic's staff among these ids, deactivated or not; anyone of another clinic is left out. */
export async function findStaffByIds(
  db: DbOrTx,
  orgId: string,
  ids: readonly string[],
): Promise<StaffMember[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .select(staffColumns)
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, unique)));
}

/** Those of these ids who are the clinic's staff and still active: who may join a team. */
export async function findActiveStaffByIds(
  db: DbOrTx,
  orgId: string,
  ids: readonly string[],
): Promise<StaffMember[]> {
  return (await findStaffByIds(db, orgId, ids)).filter((u) => u.deactivatedAt === null);
}

/** The new member, or undefined when the e-mail already names an account (of any clinic). */
export async function insertUserIfEmailFree(
  db: DbOrTx,
  values: typeof users.$inferInsert,
): Promise<StaffMember | undefined> {
  const [user] = await db.insert(users).values(values).onConflictDoNothing().returning(staffColumns);
  return user;
}

/**
 * Locks the clinic's active administrators until the transaction ends, so that two changes made at
 * once cannot each count the other as the admin who remains.
 */
export async function lockActiveAdmins(tx: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'admin'), isNull(users.deactivatedAt)))
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((r) => r.id);
}

export async function lockStaffMember(
  tx: DbOrTx,
  orgId: string,
  id: string,
): Promise<StaffMember | undefined> {
  const [user] = await tx
    .select(staffColumns)
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .for('update');
  return user;
}

export async function updateStaffMember(
  db: DbOrTx,
  orgId: string,
  id: string,
  values: Partial<
    Pick<
      User,
      'name' | 'role' | 'capacity' | 'deactivatedAt' | 'passwordHash' | 'failedLogins' | 'lockedUntil'
    >
  >,
): Promise<StaffMember | undefined> {
  const [user] = await db
    .update(users)
    .set(values)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)))
    .returning(staffColumns);
  return user;
}
