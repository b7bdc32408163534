import type { ChannelAdapter } from '../../channels/channel-adapter.ts';
import type { InboundEvent, InboundMessageEvent, StatusEvent } from '../../channels/inbound-event.ts';
import type { LeftOutPart, OmittablePart } from '../../channels/omittable-parts.ts';
import { qualifiedExternalId } from '../../channels/qualified-external-id.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { resolveChannelContact } from '../contacts/contact.service.ts';
import { appendInboundMessage } from '../inbox/inbox.service.ts';
import { applyDeletion, applyEdit, applyReaction } from '../inbox/message-changes.service.ts';
import { recordDeliveryReceipt } from '../outbox/delivery-receipt.service.ts';
import type { DeliveryReader } from './delivery-reader.ts';
import type { IngestDeps } from './ingest-deps.ts';
import { surrogateExternalId } from './surrogate-external-id.ts';

type IdChannel = Exclude<ChannelAccount['type'], 'whatsapp'>;

/**
 * The ingest job's reader for a channel on the port: the adapter translates, and every channel's
 * events are applied the same way — the patient found by the channel's user id, the message appended
 * to their conversation (and screened for red flags like any other), receipts, reactions and edits
 * matched on the stored message.
 */
export function adapterDeliveryReader(adapter: ChannelAdapter, label: string): DeliveryReader {
  const channel = adapter.channel as IdChannel;
  return {
    label,
    // A Meta delivery may batch several pages; the path-routed channels name no account in events.
    parse: (body, account) =>
      adapter.webhook
        .parse(body)
        .filter((event) => event.accountId === null || event.accountId === account.externalId),
    storeMessage: (deps, account, event, omitted) => storeMessage(deps, channel, account, event, omitted),
    apply: (deps, account, event) => applyEvent(deps, label, account, event),
  };
}

async function storeMessage(
  deps: IngestDeps,
  channel: IdChannel,
  account: ChannelAccount,
  event: InboundMessageEvent,
  omitted: readonly OmittablePart[],
): Promise<void> {
  const {
    kind,
    channel: _channel,
    accountId,
    externalId: providerId,
    timestamp,
    from,
    type,
    text,
    replyTo,
    ...content
  } = event;
  // A tap delivered without an id (Messenger's older postbacks) is still the patient's: it gets one.
  const externalId = providerId || surrogateExternalId(event);
  const leftOut: LeftOutPart[] = [...omitted];
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { contactId } = await resolveChannelContact(
      tx,
      deps.keyring,
      account.orgId,
      channel,
      { externalId: from.id, profileName: from.name, username: from.username },
      now,
    );
    const stored = await appendInboundMessage(
      tx,
      deps.keyring,
      {
        orgId: account.orgId,
        channelAccountId: account.id,
        contactId,
        externalId: qualifiedExternalId(event.conversation, externalId),
        type,
        text,
        content: { ...content, ...(leftOut.length > 0 ? { omitted: leftOut } : {}) },
        replyToExternalId: qualifiedExternalId(event.conversation, replyTo),
        occurredAt: new Date(timestamp),
      },
      now,
    );
    if (!stored.duplicate && event.media.length > 0 && deps.onMediaReceived) {
      await deps.onMediaReceived(tx, {
        orgId: account.orgId,
        messageId: stored.message.id,
        channelAccountId: account.id,
      });
    }
  });
}

async function applyEvent(
  deps: IngestDeps,
  label: string,
  account: ChannelAccount,
  event: InboundEvent,
): Promise<void> {
  const { db } = deps;
  switch (event.kind) {
    case 'status':
      return storeStatuses(deps, account, event);
    case 'reaction':
      return db.transaction(async (tx) => {
        const applied = await applyReaction(tx, {
          channelAccountId: account.id,
          targetExternalId: qualifiedExternalId(event.conversation, event.targetId),
          direction: 'inbound',
          emoji: event.emoji,
          externalId: qualifiedExternalId(event.conversation, event.externalId),
          at: new Date(event.timestamp),
        });
        if (!applied)
          deps.logger.debug({ channelAccountId: account.id }, 'reaction to an unknown message ignored');
      });
    case 'message_edited':
      await db.transaction((tx) =>
        applyEdit(
          tx,
          deps.keyring,
          {
            channelAccountId: account.id,
            originalExternalId: qualifiedExternalId(event.conversation, event.originalId),
            text: event.text,
            at: new Date(event.timestamp),
          },
          deps.clock.now(),
        ),
      );
      return;
    case 'message_deleted':
      await db.transaction((tx) =>
        applyDeletion(tx, {
          channelAccountId: account.id,
          originalExternalId: qualifiedExternalId(event.conversation, event.originalId),
          at: new Date(event.timestamp),
        }),
      );
      return;
    case 'other':
      // The reason names fields, never values; the raw delivery stays in the journal.
      deps.logger[event.fromPatient ? 'warn' : 'info'](
        { channelAccountId: account.id, rawType: event.rawType },
        `${label} item not stored: ${event.reason}`,
      );
      return;
    default:
      // Echoes from another inbox, follows and unfollows, errors: journaled, not acted on yet.
      deps.logger.debug(
        { kind: event.kind, channelAccountId: account.id },
        `${label} event kind not acted on`,
      );
  }
}

/** A receipt names one message, or (Messenger) every message up to a watermark, given as a list of ids. */
async function storeStatuses(deps: IngestDeps, account: ChannelAccount, event: StatusEvent): Promise<void> {
  const ids = event.externalId !== null ? [event.externalId] : (event.externalIds ?? []);
  if (ids.length === 0) return;
  const firstError = event.errors[0];
  await deps.db.transaction(async (tx) => {
    for (const externalId of ids) {
      await recordDeliveryReceipt(
        tx,
        {
          orgId: account.orgId,
          channelAccountId: account.id,
          externalId,
          status: event.status,
          occurredAt: new Date(event.timestamp),
          errorCode: event.errorCode,
          errorTitle: firstError?.title ?? null,
          errorDetail: firstError?.details ?? event.errorDescription ?? null,
          correlationId: null,
        },
        deps.clock.now(),
      );
    }
  });
}
