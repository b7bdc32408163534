import { businessAccountOf } from '../../channels/business-account-of.ts';
import type { ChannelInbound } from '../../channels/channel-adapter.ts';
import type {
  GroupMessageEvent,
  GroupUpdateEvent,
  InboundEvent,
  InboundMessageEvent,
  MediaRef,
  StatusEvent,
  TemplateEvent,
} from '../../channels/inbound-event.ts';
import type { LeftOutPart, OmittablePart } from '../../channels/omittable-parts.ts';
import { qualifiedExternalId } from '../../channels/qualified-external-id.ts';
import { identityRefOf, movedTo, senderIdentityOf } from '../../channels/sender-identity.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { CHANNEL_NAMES } from '../channel-accounts/channel-types.ts';
import { CONSENT_PURPOSES, recordConsent } from '../consent/consent.service.ts';
import { resolveSenderContact } from '../contacts/contact.service.ts';
import { followIdentityMove, setMarketingPreference } from '../contacts/identity-changes.service.ts';
import { appendInboundMessage } from '../inbox/inbox.service.ts';
import { applyDeletion, applyEdit, applyReaction } from '../inbox/message-changes.service.ts';
import { recordDeliveryReceipt } from '../outbox/delivery-receipt.service.ts';
import { screenInboundMessage } from '../safety/screen-inbound-message.ts';
import { applyTemplateStatus } from '../templates/template.service.ts';
import type { DeliveryReader } from './delivery-reader.ts';
import { followInboundMessage } from './follow-inbound-message.ts';
import type { IngestDeps } from './ingest-deps.ts';
import { surrogateExternalId } from './surrogate-external-id.ts';

/**
 * What a channel's groups tell (WhatsApp Cloud API Groups): handled by the module that keeps groups,
 * handed in by app.ts (ingest imports no such module). Answers whether it took the event: a status of a
 * message sent to a group is the groups', any other status the inbox's.
 */
export type GroupEventHandler = (
  deps: IngestDeps,
  account: ChannelAccount,
  event: GroupMessageEvent | GroupUpdateEvent | StatusEvent,
) => Promise<boolean>;

/**
 * The ingest job's reader for a channel on the port: the adapter translates, and every channel's
 * events are applied the same way — the patient found by the channel's user id, the message appended
 * to their conversation (and screened for red flags like any other), receipts, reactions and edits
 * matched on the stored message.
 */
export function adapterDeliveryReader(
  adapter: ChannelInbound,
  label: string,
  groups?: GroupEventHandler,
): DeliveryReader {
  return {
    label,
    ...(adapter.webhook.encoding ? { encoding: adapter.webhook.encoding } : {}),
    ...(adapter.webhook.readJson ? { readJson: adapter.webhook.readJson } : {}),
    parse: (body, account) =>
      adapter.webhook.parse(body).filter((event) => concerns(adapter, account, event)),
    storeMessage: (deps, account, event, omitted) => storeMessage(deps, adapter, account, event, omitted),
    apply: (deps, account, event) => applyEvent(deps, label, account, event, groups),
  };
}

/**
 * A Meta delivery may batch several numbers or pages: an event naming an account is for that account
 * only; one naming none is for the accounts of its group where the channel has groups (a WhatsApp
 * business account's template update), and for the account whose URL received it otherwise (Telegram).
 */
function concerns(adapter: ChannelInbound, account: ChannelAccount, event: InboundEvent): boolean {
  if (event.accountId !== null) return event.accountId === account.externalId;
  const groups = adapter.webhook.accountGroups;
  if (!groups) return true;
  const group = groups.of(event);
  return group !== null && group === Reflect.get(account.settings, groups.setting);
}

async function storeMessage(
  deps: IngestDeps,
  adapter: ChannelInbound,
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
  // The message says so when its id is one the adapter made up for an unusable one of the provider's.
  const standsIn = adapter.webhook.standsIn?.(externalId) ?? false;
  const leftOut: LeftOutPart[] = standsIn ? ['message_id', ...omitted] : [...omitted];
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const moved = movedTo(event);
    const sender = moved
      ? await followIdentityMove(
          tx,
          deps.keyring,
          account.orgId,
          account.type,
          senderIdentityOf(from),
          moved,
          now,
        )
      : senderIdentityOf(from);
    const { contactId } = await resolveSenderContact(
      tx,
      deps.keyring,
      account.orgId,
      account.type,
      sender,
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
        // A system notice has no text of its own; its body is what an agent needs to read.
        text: text ?? event.system?.body ?? null,
        content: { ...content, ...(leftOut.length > 0 ? { omitted: leftOut } : {}) },
        replyToExternalId: qualifiedExternalId(event.conversation, replyTo),
        occurredAt: new Date(timestamp),
      },
      now,
      followInboundMessage,
    );
    if (!stored.duplicate && event.media.some(isDownloadable) && deps.onMediaReceived) {
      await deps.onMediaReceived(tx, {
        orgId: account.orgId,
        messageId: stored.message.id,
        channelAccountId: account.id,
        channel: account.type,
      });
    }
  });
}

async function applyEvent(
  deps: IngestDeps,
  label: string,
  account: ChannelAccount,
  event: InboundEvent,
  groups: GroupEventHandler | undefined,
): Promise<void> {
  const { db } = deps;
  switch (event.kind) {
    case 'status':
      if (event.group !== undefined && groups && (await groups(deps, account, event))) return;
      return storeStatuses(deps, account, event);
    case 'group_message':
    case 'group_update':
      if (groups) await groups(deps, account, event);
      else deps.logger.debug({ channelAccountId: account.id }, `${label} group event not acted on`);
      return;
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
          screenInboundMessage,
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
    case 'user_preference':
      if (event.value === 'signup') return;
      await db.transaction((tx) =>
        setMarketingPreference(
          tx,
          deps.keyring,
          account.orgId,
          account.type,
          identityRefOf(event.user),
          event.value === 'stop' ? 'stop' : 'resume',
          event.timestamp ? new Date(event.timestamp) : deps.clock.now(),
          deps.clock.now(),
        ),
      );
      return;
    case 'template_event':
      return applyTemplateEvent(deps, account, event);
    case 'lifecycle':
      if (event.event === 'unsubscribe' && event.user.id !== null)
        return withdrawConsent(deps, account, event.user.id, event.timestamp);
      deps.logger.debug(
        { channelAccountId: account.id, event: event.event },
        `${label} lifecycle not acted on`,
      );
      return;
    case 'other':
      // The reason names fields, never values; the raw delivery stays in the journal.
      deps.logger[event.fromPatient ? 'warn' : 'info'](
        { channelAccountId: account.id, rawType: event.rawType, externalId: event.externalId },
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

/**
 * The patient unsubscribed from the clinic's account (Viber `unsubscribed`): the channel will refuse
 * every message to them, so every purpose's consent on it is withdrawn, with the signal as its words.
 */
async function withdrawConsent(
  deps: IngestDeps,
  account: ChannelAccount,
  userId: string,
  timestamp: string | null,
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { contactId } = await resolveSenderContact(
      tx,
      deps.keyring,
      account.orgId,
      account.type,
      senderIdentityOf({
        id: userId,
        phone: null,
        bsuid: null,
        parentBsuid: null,
        name: null,
        username: null,
      }),
      now,
    );
    for (const purpose of CONSENT_PURPOSES)
      await recordConsent(tx, deps.keyring, {
        orgId: account.orgId,
        contactId,
        channel: account.type,
        purpose,
        granted: false,
        method: 'chat',
        textShown: `${CHANNEL_NAMES[account.type]}: unsubscribed from ${account.name}`,
        at: timestamp ? new Date(timestamp) : now,
      });
  });
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
          correlationId: event.bizOpaqueCallbackData,
        },
        deps.clock.now(),
      );
    }
  });
}

/** A template's review or status changed at the provider (WhatsApp: approved, rejected, paused). */
async function applyTemplateEvent(deps: IngestDeps, account: ChannelAccount, event: TemplateEvent) {
  const businessAccountId = businessAccountOf(event);
  if (event.field !== 'message_template_status_update' || !event.event || !businessAccountId) return;
  const { event: status } = event;
  await deps.db.transaction((tx) =>
    applyTemplateStatus(
      tx,
      account.orgId,
      account.type,
      businessAccountId,
      {
        externalId: event.templateId,
        name: event.templateName,
        language: event.language,
        status,
        reason: event.reason,
        category: event.category,
      },
      event.timestamp ? new Date(event.timestamp) : deps.clock.now(),
    ),
  );
}

/** A medium the provider lets us fetch: by its id, or (Messenger, Telegram) by a URL. */
function isDownloadable(media: MediaRef): boolean {
  return media.id !== null || media.url !== null;
}
