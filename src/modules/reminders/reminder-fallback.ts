import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import type { OutboundFailure } from '../outbox/outbound-failure.ts';
import { reminders } from './reminder.schema.ts';
import type { ReminderBlockReason } from './reminder-channel.ts';
import { enqueueReminderDispatch } from './reminder-dispatch-queue.ts';

/** Meta: the number is not on WhatsApp (or its app is too old to receive). */
const NOT_ON_WHATSAPP = 131026;
/** Meta's template errors (paused, disabled, missing, parameters not matching the approved text). */
const TEMPLATE_ERRORS = { from: 132000, to: 132099 };
/** What LINE's error policy says when the plan's monthly pushes are used up. */
const LINE_MONTHLY_LIMIT = /monthly (message )?(quota|limit)/i;

/** Why the channel failed a reminder in a way another channel may not: null for failures it would share. */
export function fallbackReasonOf(
  failure: Pick<OutboundFailure, 'errorCode' | 'errorTitle'>,
): ReminderBlockReason | null {
  const { errorCode, errorTitle } = failure;
  if (errorCode === NOT_ON_WHATSAPP) return 'not_on_whatsapp';
  if (errorCode !== null && errorCode >= TEMPLATE_ERRORS.from && errorCode <= TEMPLATE_ERRORS.to)
    return 'template_unavailable';
  if (errorTitle && LINE_MONTHLY_LIMIT.test(errorTitle)) return 'line_quota_reached';
  return null;
}

/**
 * The outbox's failure listener (app.ts registers it): a reminder whose message the provider failed —
 * not on WhatsApp (131026), template paused or rejected, LINE quota used up — is planned again at once
 * with that channel left out, so the next channel the patient agreed on takes it; that happens once:
 * a reminder that fell back already is marked failed with the reason, no third channel is tried.
 */
export async function fallBackFromFailedReminder(
  tx: DbOrTx,
  failure: OutboundFailure,
  now: Date,
): Promise<void> {
  const reason = fallbackReasonOf(failure);
  if (!reason) return;
  const [reminder] = await tx
    .select()
    .from(reminders)
    .where(
      and(
        eq(reminders.orgId, failure.orgId),
        eq(reminders.messageId, failure.messageId),
        eq(reminders.status, 'sent'),
      ),
    )
    .for('update');
  if (!reminder) return;
  if (reminder.fallbackFrom !== null) {
    await tx.update(reminders).set({ status: 'failed', reason }).where(eq(reminders.id, reminder.id));
    return;
  }
  const account = await findChannelAccount(tx, failure.orgId, failure.channelAccountId);
  const channel = reminder.channel ?? account?.type ?? null;
  if (!channel) return;
  // Still due (its due time has passed): the next dispatcher run takes it, on another channel.
  await tx
    .update(reminders)
    .set({
      status: 'scheduled',
      reason: null,
      messageId: null,
      sentAt: null,
      fallbackFrom: channel,
      fallbackReason: reason,
    })
    .where(eq(reminders.id, reminder.id));
  await enqueueReminderDispatch(tx, now, `fallback:${reminder.id}`);
}
