import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { staffColumns } from './user.repository.ts';
import { users } from './user.schema.ts';

/**
 * The clinic's active staff as a subquery, and each member's fields read from it, for a module that
 * lists its own rows beside the people they name (a team's members) in one statement: PostgreSQL
 * folds the subquery into the outer join. Never the password hash.
 */
export function activeStaffOfOrg(db: DbOrTx, orgId: string) {
  const staff = db
    .select(staffColumns)
    .from(users)
    .where(and(eq(users.orgId, orgId), isNull(users.deactivatedAt)))
    .as('active_staff');
  const member = {
    id: staff.id,
    orgId: staff.orgId,
    name: staff.name,
    email: staff.email,
    role: staff.role,
    capacity: staff.capacity,
    lastSeenAt: staff.lastSeenAt,
    deactivatedAt: staff.deactivatedAt,
    totpEnabledAt: staff.totpEnabledAt,
    createdAt: staff.createdAt,
  };
  return { staff, member };
}
