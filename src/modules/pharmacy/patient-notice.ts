import type { OutboundMessage } from '../../channels/outbound-message.ts';
import { windowState } from '../../channels/window-state.ts';
import { frenchSpacing } from '../../platform/text/french-spacing.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import { listChannelAccountsOfOrg } from '../channel-accounts/channel-account.service.ts';
import { consentingChannelsOf } from '../consent/consent.service.ts';
import { findContact } from '../contacts/contact.service.ts';
import { patientLanguage } from '../flows/flow-host-context.ts';
import { conversationsOfContact } from '../inbox/conversation.service.ts';
import { openOrContinueConversation } from '../inbox/inbox.service.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import { OutboundValidationError, submitOutboundMessage } from '../outbox/outbound-submission.service.ts';
import type { OrderView } from './order-view.ts';
import { localTime } from './partner-messages.ts';
import { patientNoticeTemplate } from './patient-templates.ts';
import { findPartner } from './pharmacy.repository.ts';
import type { PharmacyDeps } from './pharmacy-deps.ts';

export type PatientNotice = { sent: true; channel: string; template?: string } | { sent: false; why: string };

/**
 * Tells the patient their medicines are ready for pickup or on their way, only when they agreed to
 * pharmacy notifications on a channel: on the channel of their most recent conversation among those,
 * in their language, through the outbox and its window rules (outside WhatsApp's 24 hours, the approved
 * template `commande_prete` or `commande_en_livraison`). Never the medicines' names (a phone's
 * lock screen shows the message), never a price. Not told: the reason is returned for the timeline.
 */
export async function notifyPatientOfStep(deps: PharmacyDeps, view: OrderView): Promise<PatientNotice> {
  const { order } = view;
  if (order.step !== 'ready_for_pickup' && order.step !== 'out_for_delivery')
    return { sent: false, why: 'not_a_notified_step' };
  const consents = (
    await consentingChannelsOf(deps.db, order.orgId, [order.contactId], 'pharmacy_notifications')
  ).get(order.contactId);
  if (!consents || consents.size === 0) return { sent: false, why: 'no_consent' };
  const accounts = await listChannelAccountsOfOrg(deps.db, order.orgId);
  const accountOf = (id: string) => accounts.find((a) => a.id === id);
  const [latest] = (await conversationsOfContact(deps.db, order.orgId, order.contactId, 20)).filter((c) => {
    const account = accountOf(c.channelAccountId);
    return account !== undefined && consents.has(account.type) && deps.senders[account.type] !== undefined;
  });
  const account = latest ? accountOf(latest.channelAccountId) : undefined;
  const sender = account ? deps.senders[account.type] : undefined;
  if (!latest || !account || !sender) return { sent: false, why: 'no_conversation_on_a_consented_channel' };
  // One after the other: in a transaction, one connection.
  const org = await findOrgByRef(deps.db, order.orgId);
  const contact = await findContact(deps.db, deps.keyring, order.orgId, order.contactId);
  const partner = await findPartner(deps.db, order.orgId, order.pharmacyId);
  if (!org || !contact) return { sent: false, why: 'patient_unknown' };
  const now = deps.clock.now();
  const conversation =
    latest.status === 'closed'
      ? await openOrContinueConversation(deps.db, order.orgId, account.id, contact.id, now, now)
      : latest;
  const language = patientLanguage(contact, org);
  // Decided before sending, so a closed window leaves no refused message in the patient's timeline.
  const policy = sender.windowOf?.(account) ?? sender.window;
  const templateOnly = windowState(policy, conversation.lastInboundAt, now).allows === 'templates';
  const who = {
    language,
    name: contact.displayName,
    pharmacy: partner?.name ?? '',
    timeZone: org.timeZone,
    now,
  };
  const message: OutboundMessage = templateOnly
    ? patientNoticeTemplate(view, who)
    : { type: 'text', text: patientText(view, { ...who, address: partner?.address ?? null }) };
  try {
    const submission = await submitOutboundMessage(
      { db: deps.db, keyring: deps.keyring, senders: deps.senders, clock: fixedClock(now) },
      { orgId: order.orgId, conversationId: conversation.id, message, sentByApiKeyId: null },
    );
    if (submission.outcome === 'refused') return { sent: false, why: 'window_closed' };
  } catch (error) {
    if (!(error instanceof OutboundValidationError)) throw error;
    // A template the clinic has not had approved (or synced) is refused at submission.
    return { sent: false, why: templateOnly ? 'window_closed_no_template' : 'message_invalid' };
  }
  return message.type === 'template'
    ? { sent: true, channel: account.type, template: message.name }
    : { sent: true, channel: account.type };
}

export function patientText(
  view: Pick<OrderView, 'order'>,
  who: {
    language: 'fr' | 'en';
    name: string | null;
    pharmacy: string;
    address: string | null;
    timeZone: string;
    now: Date;
  },
): string {
  const { order } = view;
  const fr = who.language === 'fr';
  const hello = fr ? `Bonjour${who.name ? ` ${who.name}` : ''},` : `Hello${who.name ? ` ${who.name}` : ''},`;
  const when = (d: Date | null) =>
    d && d > who.now ? localTime(d, who.timeZone, who.language, who.now) : null;
  let text: string;
  if (order.step === 'ready_for_pickup') {
    const from = when(order.readyAt);
    const where = who.address ? (fr ? ` (${who.address})` : ` (${who.address})`) : '';
    text = fr
      ? `${hello} votre commande à la pharmacie ${who.pharmacy}${where} est prête. Vous pouvez la retirer${from ? ` à partir de ${from}` : ''}. Pensez à apporter votre ordonnance et votre carte Vitale.`
      : `${hello} your order at ${who.pharmacy}${where} is ready for pickup${from ? ` from ${from}` : ''}. Please bring your prescription.`;
  } else {
    const eta = when(order.eta);
    text = fr
      ? `${hello} votre commande de la pharmacie ${who.pharmacy} est en cours de livraison${eta ? `, arrivée prévue vers ${eta}` : ''}.`
      : `${hello} your order from ${who.pharmacy} is out for delivery${eta ? `, expected around ${eta}` : ''}.`;
  }
  return fr ? frenchSpacing(text) : text;
}
