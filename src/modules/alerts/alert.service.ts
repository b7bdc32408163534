import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { requeueWebhookEvent } from '../../channels/webhook-journal.repository.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { type Alert, alerts } from './alert.schema.ts';

/**
 * `channel_token_invalid`: the provider refuses the number's access token. `inbound_not_stored`: a
 * delivery (a patient's message, a receipt) could not be stored; it is kept and can be retried.
 */
export type AlertKind = 'channel_token_invalid' | 'inbound_not_stored';

/** Opens an alert unless the same one is already open. */
export async function raiseAlert(
  db: DbOrTx,
  input: {
    orgId: string;
    channelAccountId: string | null;
    kind: AlertKind;
    detail: string;
    webhookEventId?: number | null;
  },
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

/** An operator can have what the alert is about done again: a delivery that could not be stored. */
export function isRetryable(alert: Alert): boolean {
  return alert.resolvedAt === null && alert.webhookEventId !== null;
}

export class AlertNotFoundError extends Error {
  override name = 'AlertNotFoundError';
}

export class AlertNotRetryableError extends Error {
  override name = 'AlertNotRetryableError';
}

/**
 * Queues the alert's delivery to be processed again and closes the alert, in one transaction. If it
 * fails again, the processing raises a new alert saying why.
 */
export async function retryAlert(db: Db, orgId: string, id: string): Promise<Alert> {
  return db.transaction(async (tx) => {
    const [alert] = await tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.orgId, orgId), eq(alerts.id, id), isNull(alerts.resolvedAt)))
      .for('update');
    if (!alert) throw new AlertNotFoundError('alert not found or already closed');
    if (alert.webhookEventId === null || !(await requeueWebhookEvent(tx, orgId, alert.webhookEventId))) {
      throw new AlertNotRetryableError('nothing to retry for this alert');
    }
    const [resolved] = await tx
      .update(alerts)
      .set({ resolvedAt: new Date() })
      .where(eq(alerts.id, alert.id))
      .returning();
    return resolved ?? alert;
  });
}

/**
 * Closes the open alerts of deliveries whose body the journal has forgotten (past the retention
 * period): there is nothing left to retry. The note is added to the alert's detail, saying why.
 */
export async function closeAlertsOfForgottenDeliveries(
  db: DbOrTx,
  webhookEventIds: readonly number[],
  note: string,
): Promise<number> {
  if (webhookEventIds.length === 0) return 0;
  const closed = await db
    .update(alerts)
    .set({ resolvedAt: new Date(), detail: sql`${alerts.detail} || ${` ${note}`}` })
    .where(and(inArray(alerts.webhookEventId, [...webhookEventIds]), isNull(alerts.resolvedAt)))
    .returning({ id: alerts.id });
  return closed.length;
}
