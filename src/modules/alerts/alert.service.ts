import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { requeueWebhookEvent } from '../../channels/webhook-journal.repository.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { type Alert, alerts } from './alert.schema.ts';

/**
 * `channel_token_invalid`: the provider refuses the number's access token. `inbound_not_stored`: a
 * delivery (a patient's message, a receipt) could not be stored; it is kept and can be retried.
 * `inbound_item_refused`: a patient sent something Careline cannot read (no usable sender, an unreadable
 * shape); the delivery is kept as received, and a retry would refuse it the same way.
 */
export type AlertKind =
  | 'channel_token_invalid'
  | 'inbound_not_stored'
  | 'inbound_item_refused'
  /** 80 % of a LINE account's monthly push messages are used (reminders past the limit are held). */
  | 'line_quota_warning'
  /** A webhook subscription was turned off: its receiver failed every attempt at an event for 3 days. */
  | 'webhook_subscription_disabled';

/**
 * Opens an alert unless the same one is already open. A delivery has one open alert at most: that it
 * could not be stored outranks that items of it were refused (the failure's reason names them too, and
 * its retry raises their alert again once the rest is stored), so it takes that alert's place.
 */
export async function raiseAlert(
  db: DbOrTx,
  input: {
    orgId: string;
    channelAccountId: string | null;
    kind: AlertKind;
    detail: string;
    webhookEventId?: number | null;
  },
  now: Date,
): Promise<void> {
  if (input.kind === 'inbound_not_stored' && input.webhookEventId != null) {
    await db
      .update(alerts)
      .set({ resolvedAt: now })
      .where(
        and(
          eq(alerts.webhookEventId, input.webhookEventId),
          eq(alerts.kind, 'inbound_item_refused'),
          isNull(alerts.resolvedAt),
        ),
      );
  }
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
  return retryableDelivery(alert) !== null;
}

/** Kinds whose retry can succeed once the cause is fixed; a refused item would be refused again. */
const RETRYABLE_KINDS: ReadonlySet<string> = new Set<AlertKind>(['inbound_not_stored']);

/** The delivery an open alert's retry processes again, or null when retrying would not help. */
function retryableDelivery(alert: Alert): number | null {
  return alert.resolvedAt === null && RETRYABLE_KINDS.has(alert.kind) ? alert.webhookEventId : null;
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
export async function retryAlert(db: Db, orgId: string, id: string, now: Date): Promise<Alert> {
  return db.transaction(async (tx) => {
    const [alert] = await tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.orgId, orgId), eq(alerts.id, id), isNull(alerts.resolvedAt)))
      .for('update');
    if (!alert) throw new AlertNotFoundError('alert not found or already closed');
    const delivery = retryableDelivery(alert);
    if (delivery === null || !(await requeueWebhookEvent(tx, orgId, delivery))) {
      throw new AlertNotRetryableError('nothing to retry for this alert');
    }
    const [resolved] = await tx
      .update(alerts)
      .set({ resolvedAt: now })
      .where(eq(alerts.id, alert.id))
      .returning();
    return resolved ?? alert;
  });
}

/**
 * An operator has seen to what the alert describes (a token replaced, a refused message followed up):
 * it closes, and stays on record. A delivery it was about stays in the journal as it is.
 */
export async function resolveAlert(db: DbOrTx, orgId: string, id: string, now: Date): Promise<Alert> {
  const [resolved] = await db
    .update(alerts)
    .set({ resolvedAt: now })
    .where(and(eq(alerts.orgId, orgId), eq(alerts.id, id), isNull(alerts.resolvedAt)))
    .returning();
  if (!resolved) throw new AlertNotFoundError('alert not found or already closed');
  return resolved;
}

/**
 * Closes the open alerts of deliveries whose body the journal has forgotten (past the retention
 * period): there is nothing left to retry. The note is added to the alert's detail, saying why.
 */
export async function closeAlertsOfForgottenDeliveries(
  db: DbOrTx,
  webhookEventIds: readonly number[],
  note: string,
  now: Date,
): Promise<number> {
  if (webhookEventIds.length === 0) return 0;
  const closed = await db
    .update(alerts)
    .set({ resolvedAt: now, detail: sql`${alerts.detail} || ${` ${note}`}` })
    .where(and(inArray(alerts.webhookEventId, [...webhookEventIds]), isNull(alerts.resolvedAt)))
    .returning({ id: alerts.id });
  return closed.length;
}
