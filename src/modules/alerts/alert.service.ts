import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { type Alert, alerts } from './alert.schema.ts';

export type AlertKind = 'channel_token_invalid';

/** Opens an alert unless the same one is already open. */
export async function raiseAlert(
  db: DbOrTx,
  input: { orgId: string; channelAccountId: string | null; kind: AlertKind; detail: string },
): Promise<void> {
  await db.insert(alerts).values(input).onConflictDoNothing();
}

export async function openAlerts(db: DbOrTx, orgId: string): Promise<Alert[]> {
  return db
    .select()
    .from(alerts)
    .where(and(eq(alerts.orgId, orgId), isNull(alerts.resolvedAt)))
    .orderBy(desc(alerts.createdAt));
}
