import type { DbOrTx } from '../../platform/db/db.ts';
import { makeDueNow } from '../../platform/jobs/job-queue.ts';
import type { Message } from '../inbox/message.schema.ts';
import { adoptExternalId, updateMessageStatus } from '../inbox/message.service.ts';
import { insertReceiptIfNew, receiptsForAny } from './delivery-receipt.repository.ts';
import type { DeliveryReceipt } from './delivery-receipt.schema.ts';
import { type ReportedStatus, statusesThatMayBecome } from './delivery-status.ts';
import { notifyOutboundFailure } from './outbound-failure.ts';
import { outboxSendQueue } from './outbox-queue.ts';

export interface ReceiptInput {
  orgId: string;
  channelAccountId: string;
  externalId: string;
  status: ReportedStatus;
  occurredAt: Date;
  errorCode: number | null;
  errorTitle: string | null;
  errorDetail: string | null;
  /** Our message id echoed back by the provider (WhatsApp biz_opaque_callback_data), if any. */
  correlationId?: string | null;
}

/**
 * Records what the provider says about a message we sent and moves the message forward. A receipt
 * for an id we do not know yet is kept and applied once the send call's answer stores that id.
 */
export async function recordDeliveryReceipt(
  tx: DbOrTx,
  input: ReceiptInput,
  now: Date,
): Promise<Message | undefined> {
  const { correlationId, ...values } = input;
  // A send whose answer we never stored (crash mid-call) is recognised by the id we gave Meta. Its job,
  // waiting for this echo, runs now and finds it sent: the conversation's later sends stop waiting.
  if (correlationId && (await adoptExternalId(tx, input.orgId, correlationId, input.externalId, now)))
    await makeDueNow(tx, outboxSendQueue.name, correlationId);
  const receipt = await insertReceiptIfNew(tx, values);
  if (!receipt) return undefined;
  return applyReceipt(tx, receipt);
}

/**
 * Applies every receipt that arrived before these sends' provider ids were stored, in lifecycle order
 * (one query however many sends).
 */
export async function applyEarlyReceiptsOf(
  tx: DbOrTx,
  sent: readonly { channelAccountId: string; externalId: string }[],
): Promise<void> {
  const receipts = await receiptsForAny(tx, sent);
  for (const receipt of receipts.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())) {
    await applyReceipt(tx, receipt);
  }
}

async function applyReceipt(tx: DbOrTx, receipt: DeliveryReceipt): Promise<Message | undefined> {
  if (!isReportedStatus(receipt.status)) return undefined;
  const message = await updateMessageStatus(
    tx,
    { channelAccountId: receipt.channelAccountId, externalId: receipt.externalId },
    statusesThatMayBecome(receipt.status),
    {
      status: receipt.status,
      at: receipt.occurredAt,
      ...(receipt.status === 'failed'
        ? {
            errorCode: receipt.errorCode,
            errorTitle: receipt.errorTitle,
            errorDetail: receipt.errorDetail,
            // Meta accepts a free-form message and fails it later when the 24-hour window was closed.
            failureReason: receipt.errorCode === 131047 ? 'window_closed' : 'provider_refused',
          }
        : {}),
    },
  );
  if (message?.status === 'failed')
    await notifyOutboundFailure(
      tx,
      {
        orgId: message.orgId,
        messageId: message.id,
        channelAccountId: message.channelAccountId,
        errorCode: receipt.errorCode,
        errorTitle: receipt.errorTitle,
      },
      receipt.occurredAt,
    );
  return message;
}

const REPORTED: readonly string[] = [
  'sent',
  'delivered',
  'read',
  'played',
  'failed',
] satisfies ReportedStatus[];

function isReportedStatus(status: string): status is ReportedStatus {
  return REPORTED.includes(status);
}
