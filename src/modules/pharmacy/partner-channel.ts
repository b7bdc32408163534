import type { OutboundMessage } from '../../channels/channel.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import { findChannelAccount } from '../channel-accounts/channel-account.service.ts';
import { findContact } from '../contacts/contact.service.ts';
import { openOrContinueConversation } from '../inbox/inbox.service.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import { OutboundValidationError, submitOutboundMessage } from '../outbox/outbound-submission.service.ts';
import type { OrderView } from './order-view.ts';
import {
  choices,
  orderMessage,
  type PartnerNote,
  type PartnerOrder,
  partnerNote,
  partnerOrderTemplate,
} from './partner-messages.ts';
import type { PharmacyPartner } from './pharmacy.schema.ts';
import type { PharmacyDeps } from './pharmacy-deps.ts';

export type PartnerDelivery =
  | { sent: true; conversationId: string; as: 'message' | 'template' }
  | { sent: false; conversationId: string | null; why: string };

/**
 * Sends the order to a partner pharmacy's number, from the clinic's number the partner names, in the
 * conversation with that number (the inbox shows it like any other). Inside the channel's window the
 * order itself goes, with its buttons; outside it, the approved template `commande_pharmacie`, whose
 * button brings the order. Neither possible: not delivered, and the timeline says why.
 */
export async function deliverToPartnerChannel(
  deps: PharmacyDeps,
  partner: PharmacyPartner,
  view: OrderView,
  patientName: string | null,
): Promise<PartnerDelivery> {
  const conversationId = await partnerConversation(deps, partner);
  if (!conversationId) return { sent: false, conversationId: null, why: 'channel_unavailable' };
  const order = await partnerOrderOf(deps, view, patientName);
  const first = await submit(deps, partner.orgId, conversationId, orderMessage(order, partner.language));
  if (first === 'queued') return { sent: true, conversationId, as: 'message' };
  if (first === 'invalid') return { sent: false, conversationId, why: 'message_invalid' };
  const template = await submit(
    deps,
    partner.orgId,
    conversationId,
    partnerOrderTemplate(order, partner.language),
  );
  if (template === 'queued') return { sent: true, conversationId, as: 'template' };
  return {
    sent: false,
    conversationId,
    why: template === 'invalid' ? 'window_closed_no_template' : 'window_closed',
  };
}

/** Sends the order again (the template's "show the order", or a pharmacist asking which one). */
export async function resendOrder(
  deps: PharmacyDeps,
  partner: PharmacyPartner,
  conversationId: string,
  view: OrderView,
): Promise<void> {
  const contact = await findContact(deps.db, deps.keyring, view.order.orgId, view.order.contactId);
  const order = await partnerOrderOf(deps, view, contact?.displayName ?? null);
  await submit(deps, partner.orgId, conversationId, orderMessage(order, partner.language));
}

/** Tells the pharmacy what the clinic did: cancelled the order, accepted or refused a substitute. */
export async function tellPartnerOfChange(
  deps: PharmacyDeps,
  partner: PharmacyPartner,
  view: OrderView,
  change: 'cancelled' | 'substitute_accepted' | 'substitute_refused',
  itemId?: string,
): Promise<void> {
  const conversationId = view.order.partnerConversationId ?? (await partnerConversation(deps, partner));
  if (!conversationId) return;
  const item = view.items.find((i) => i.id === itemId);
  const note: PartnerNote =
    change === 'cancelled'
      ? { kind: 'cancelled' }
      : { kind: change, medication: item?.substitute?.medication ?? item?.medication ?? '' };
  await sayToPartner(deps, partner, conversationId, view, note, change !== 'cancelled');
}

/** A short note to the pharmacist about an order, with the buttons its step offers when `withChoices`. */
export async function sayToPartner(
  deps: PharmacyDeps,
  partner: PharmacyPartner,
  conversationId: string,
  view: Pick<OrderView, 'order'>,
  note: PartnerNote,
  withChoices: boolean,
): Promise<void> {
  const org = await findOrgByRef(deps.db, partner.orgId);
  const text = partnerNote(view.order.reference, note, partner.language, org?.timeZone ?? 'Europe/Paris');
  const message: OutboundMessage = withChoices
    ? choices(
        { orderId: view.order.id, step: view.order.step, fulfilment: view.order.fulfilment },
        partner.language,
        text,
      )
    : { type: 'text', text };
  await submit(deps, partner.orgId, conversationId, message);
}

export async function partnerOrderOf(
  deps: PharmacyDeps,
  view: OrderView,
  patientName: string | null,
): Promise<PartnerOrder> {
  const clinic = await findOrgByRef(deps.db, view.order.orgId);
  return {
    orderId: view.order.id,
    reference: view.order.reference,
    clinicName: clinic?.name ?? '',
    patientName,
    fulfilment: view.order.fulfilment,
    deliveryAddress: view.deliveryAddress,
    note: view.note,
    step: view.order.step,
    items: view.items,
  };
}

async function partnerConversation(deps: PharmacyDeps, partner: PharmacyPartner): Promise<string | null> {
  if (!partner.channelAccountId || !partner.partnerContactId) return null;
  const account = await findChannelAccount(deps.db, partner.orgId, partner.channelAccountId);
  if (!account || !deps.senders[account.type]) return null;
  const now = deps.clock.now();
  const conversation = await openOrContinueConversation(
    deps.db,
    partner.orgId,
    account.id,
    partner.partnerContactId,
    now,
    now,
  );
  return conversation.id;
}

async function submit(
  deps: PharmacyDeps,
  orgId: string,
  conversationId: string,
  message: OutboundMessage,
): Promise<'queued' | 'refused' | 'invalid'> {
  try {
    const submission = await submitOutboundMessage(
      { db: deps.db, keyring: deps.keyring, senders: deps.senders, clock: fixedClock(deps.clock.now()) },
      { orgId, conversationId, message, sentByApiKeyId: null },
    );
    return submission.outcome;
  } catch (error) {
    if (!(error instanceof OutboundValidationError)) throw error;
    deps.logger.info({ problems: error.message }, 'a message to a partner pharmacy cannot be sent');
    return 'invalid';
  }
}
