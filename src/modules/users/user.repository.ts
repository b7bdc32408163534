import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { users } from './user.schema.ts';

/** What the inbox shows of a member of the care team; never the password hash. */
export const staffColumns = {
  id: users.id,
  orgId: users.orgId,
  name: users.name,
  email: users.email,
  role: users.role,
  capacity: users.capacity,
  lastSeenAt: users.lastSeenAt,
  createdAt: users.createdAt,
};

export interface StaffMember {
  id: string;
  orgId: string;
  name: string | null;
  email: string;
  role: 'admin' | 'agent';
  capacity: number;
  lastSeenAt: Date | null;
  createdAt: Date;
}

export async function listStaffOfOrg(db: DbOrTx, orgId: string): Promise<StaffMember[]> {
  return db
    .select(staffColumns)
    .from(users)
    .where(eq(users.orgId, orgId))
    .orderBy(asc(users.name), asc(users.email));
}

/** The clinic's staff among these ids; anyone of another clinic is left out. */
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
