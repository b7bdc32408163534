import type { Logger } from 'pino';
import type { ChannelAccount } from '../../modules/channel-accounts/channel-account.schema.ts';
import { resolveWhatsAppContact } from '../../modules/contacts/contact.service.ts';
import {
  changeWhatsAppNumber,
  setMarketingPreference,
} from '../../modules/contacts/whatsapp-identity-changes.service.ts';
import type { WhatsAppSenderIdentity } from '../../modules/contacts/whatsapp-sender-identity.ts';
import { appendInboundMessage } from '../../modules/inbox/inbox.service.ts';
import { applyDeletion, applyEdit, applyReaction } from '../../modules/inbox/message-changes.service.ts';
import type { Keyring } from '../../modules/keys/keyring.ts';
import { recordDeliveryReceipt } from '../../modules/outbox/delivery-receipt.service.ts';
import { applyTemplateStatus } from '../../modules/templates/template.service.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { InboundEvent, InboundMessageEvent, Sender, StatusEvent } from '../inbound-event.ts';
import type { LeftOutPart, OmittablePart } from '../omittable-parts.ts';
import { isStandInMessageId } from './stand-in-message-id.ts';

export interface HandlerDeps {
  db: Db;
  logger: Logger;
  /** Seals and opens patient data: messages, names and numbers (identities matched by blind-index hashes). */
  keyring: Keyring;
  clock: Clock;
  /**
   * Called, in the message's transaction, with the stored message when it carries media to download:
   * a file the database refuses fails the message, which is then stored without its media.
   */
  onMediaReceived?: (
    tx: DbOrTx,
    stored: { orgId: string; messageId: string; channelAccountId: string },
  ) => Promise<void>;
}

/** Applies one normalised WhatsApp event for this account. Every branch is idempotent. */
export async function handleWhatsAppEvent(deps: HandlerDeps, account: ChannelAccount, event: InboundEvent) {
  const { db } = deps;
  const orgId = account.orgId;
  switch (event.kind) {
    case 'message':
      return storeMessage(deps, account, event);
    case 'status':
      return storeStatus(deps, account, event);
    case 'reaction':
      return db.transaction(async (tx) => {
        const applied = await applyReaction(tx, {
          channelAccountId: account.id,
          targetExternalId: event.targetId,
          direction: 'inbound',
          emoji: event.emoji,
          externalId: event.externalId,
          at: new Date(event.timestamp),
        });
        if (!applied)
          deps.logger.debug({ channelAccountId: account.id }, 'reaction to an unknown message ignored');
      });
    case 'message_edited':
      return db.transaction((tx) =>
        applyEdit(
          tx,
          deps.keyring,
          {
            channelAccountId: account.id,
            originalExternalId: event.originalId,
            text: event.text,
            at: new Date(event.timestamp),
          },
          deps.clock.now(),
        ),
      );
    case 'message_deleted':
      return db.transaction((tx) =>
        applyDeletion(tx, {
          channelAccountId: account.id,
          originalExternalId: event.originalId,
          at: new Date(event.timestamp),
        }),
      );
    case 'user_preference':
      if (event.value === 'signup') return;
      return db.transaction((tx) =>
        setMarketingPreference(
          tx,
          deps.keyring,
          orgId,
          { waId: event.user.phone ? event.user.id : null, bsuid: event.user.bsuid },
          event.value === 'stop' ? 'stop' : 'resume',
          event.timestamp ? new Date(event.timestamp) : deps.clock.now(),
          deps.clock.now(),
        ),
      );
    case 'template_event':
      if (event.field !== 'message_template_status_update' || !event.event || !event.wabaId) return;
      return db.transaction((tx) =>
        applyTemplateStatus(
          tx,
          orgId,
          event.wabaId ?? '',
          {
            externalId: event.templateId,
            name: event.templateName,
            language: event.language,
            status: event.event ?? 'UNKNOWN',
            reason: event.reason,
            category: event.category,
          },
          event.timestamp ? new Date(event.timestamp) : deps.clock.now(),
        ),
      );
    case 'other':
      // An item refused at parse time (unusable sender, malformed) or not handled: the reason names
      // fields, never values, and the raw delivery stays in the journal. A patient's refused item is
      // also shown to operators: the webhook job raises an alert about its delivery.
      deps.logger[event.fromPatient ? 'warn' : 'info'](
        { channelAccountId: account.id, rawType: event.rawType, externalId: event.externalId },
        `WhatsApp item not stored: ${event.reason}`,
      );
      return;
    default:
      // Echoes, account and quality updates, errors: journaled, not acted on yet.
      deps.logger.debug(
        { kind: event.kind, channelAccountId: account.id },
        'WhatsApp event kind not acted on',
      );
  }
}

/**
 * Stores a patient's message, its sender and its media registrations in one transaction. `omitted`
 * names the parts left out because the database refused them: the message says so in its content, as
 * it says when its id is one of Careline's standing in for an unusable one.
 */
export async function storeMessage(
  deps: HandlerDeps,
  account: ChannelAccount,
  event: InboundMessageEvent,
  omitted: readonly OmittablePart[] = [],
) {
  if (!event.externalId) {
    deps.logger.warn({ channelAccountId: account.id }, 'WhatsApp message without id skipped');
    return;
  }
  const { kind, channel, accountId, externalId, timestamp, from, type, text, replyTo, ...content } = event;
  const leftOut: LeftOutPart[] = isStandInMessageId(externalId) ? ['message_id', ...omitted] : [...omitted];
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    let sender = senderIdentity(from);
    const newWaId = event.system?.type === 'user_changed_number' ? event.system.newWaId : null;
    if (
      newWaId &&
      sender.waId &&
      (await changeWhatsAppNumber(tx, deps.keyring, account.orgId, sender.waId, newWaId, now))
    ) {
      // The notice belongs to the patient's history, now filed under the new number.
      sender = { ...sender, waId: newWaId, phone: `+${newWaId}` };
    }
    const { contactId } = await resolveWhatsAppContact(tx, deps.keyring, account.orgId, sender, now);
    const stored = await appendInboundMessage(
      tx,
      deps.keyring,
      {
        orgId: account.orgId,
        channelAccountId: account.id,
        contactId,
        externalId,
        type,
        // A system notice has no text of its own; its body is what an agent needs to read.
        text: text ?? event.system?.body ?? null,
        content: { ...content, ...(leftOut.length > 0 ? { omitted: leftOut } : {}) },
        replyToExternalId: replyTo,
        occurredAt: new Date(timestamp),
      },
      now,
    );
    if (!stored.duplicate && event.media.some((m) => m.id !== null) && deps.onMediaReceived) {
      await deps.onMediaReceived(tx, {
        orgId: account.orgId,
        messageId: stored.message.id,
        channelAccountId: account.id,
      });
    }
  });
}

async function storeStatus(deps: HandlerDeps, account: ChannelAccount, event: StatusEvent) {
  const externalId = event.externalId;
  if (!externalId) return;
  const firstError = event.errors[0];
  await deps.db.transaction((tx) =>
    recordDeliveryReceipt(
      tx,
      {
        orgId: account.orgId,
        channelAccountId: account.id,
        externalId,
        status: event.status,
        occurredAt: new Date(event.timestamp),
        errorCode: event.errorCode,
        errorTitle: firstError?.title ?? null,
        errorDetail: firstError?.details ?? null,
        correlationId: event.bizOpaqueCallbackData,
      },
      deps.clock.now(),
    ),
  );
}

export function senderIdentity(from: Sender): WhatsAppSenderIdentity {
  return {
    waId: from.id === from.bsuid ? null : from.id,
    phone: from.phone,
    bsuid: from.bsuid,
    parentBsuid: from.parentBsuid,
    username: from.username,
    profileName: from.name,
  };
}
