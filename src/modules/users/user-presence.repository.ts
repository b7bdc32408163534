import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { users } from './user.schema.ts';

/** The user has the inbox open now: "online" for assignment (users.last_seen_at). */
export async function touchLastSeen(db: DbOrTx, orgId: string, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
}
