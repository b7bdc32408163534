import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { raiseAlert } from '../alerts/alert.service.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { linePushQuotas } from './reminder.schema.ts';

/** The share of the month's pushes past which the clinic's administrators are warned (once a month). */
export const LINE_QUOTA_WARNING_SHARE = 0.8;
/** How long the provider's figures are trusted before they are read again (pushes are counted between). */
export const LINE_QUOTA_READ_EVERY_MS = 5 * 60_000;

/**
 * Reads a LINE account's plan limit and this month's pushes from LINE (`GET /v2/bot/message/quota`
 * and `/quota/consumption`); null when LINE could not be asked (the last figures then stand).
 */
export type LinePushQuotaReader = (
  account: ChannelAccount,
) => Promise<{ limit: number | null; used: number } | null>;

/**
 * Whether one more push from this LINE account stays within the month's quota; when it does, it is
 * counted (reminders are always pushes: a reply token is never at hand for them). The provider's
 * figures are read at most every {@link LINE_QUOTA_READ_EVERY_MS} (and at each new month), the pushes
 * queued since counted here; at {@link LINE_QUOTA_WARNING_SHARE} of the limit the clinic's
 * administrators get an alert, once a month per account. The row is locked: dispatchers side by side
 * count each push once.
 */
export async function takeLinePush(
  tx: DbOrTx,
  read: LinePushQuotaReader,
  account: ChannelAccount,
  now: Date,
): Promise<boolean> {
  const month = now.toISOString().slice(0, 7);
  const [row] = await tx
    .select()
    .from(linePushQuotas)
    .where(eq(linePushQuotas.channelAccountId, account.id))
    .for('update');
  let state = row && row.month === month ? row : undefined;
  const stale = !state?.readAt || now.getTime() - state.readAt.getTime() >= LINE_QUOTA_READ_EVERY_MS;
  if (stale) {
    const figures = await read(account);
    if (figures)
      state = {
        channelAccountId: account.id,
        orgId: account.orgId,
        month,
        quotaLimit: figures.limit,
        used: figures.used,
        readAt: now,
        warnedMonth: row?.warnedMonth ?? null,
      };
  }
  const current = state ?? {
    channelAccountId: account.id,
    orgId: account.orgId,
    month,
    quotaLimit: null,
    used: 0,
    readAt: null,
    warnedMonth: row?.warnedMonth ?? null,
  };
  const limit = current.quotaLimit;
  if (limit !== null && current.used + 1 > limit) {
    await save(tx, current);
    return false;
  }
  const used = current.used + 1;
  const warn = limit !== null && used >= LINE_QUOTA_WARNING_SHARE * limit && current.warnedMonth !== month;
  if (warn && limit !== null)
    await raiseAlert(
      tx,
      {
        orgId: account.orgId,
        channelAccountId: account.id,
        kind: 'line_quota_warning',
        detail: `${used} of the ${limit} LINE push messages of ${month} are used; reminders past the limit go on another channel or are held`,
      },
      now,
    );
  await save(tx, { ...current, used, warnedMonth: warn ? month : current.warnedMonth });
  return true;
}

async function save(tx: DbOrTx, values: typeof linePushQuotas.$inferInsert): Promise<void> {
  const { channelAccountId, ...changes } = values;
  await tx
    .insert(linePushQuotas)
    .values(values)
    .onConflictDoUpdate({ target: linePushQuotas.channelAccountId, set: changes });
}
