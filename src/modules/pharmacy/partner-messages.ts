import { Temporal } from 'temporal-polyfill';
import type { OutboundMessage } from '../../channels/channel.ts';
import { frenchSpacing } from '../../platform/text/french-spacing.ts';
import { clockTime } from '../scheduling/patient-wording.ts';
import type { OrderItemView } from './order-view.ts';
import type { Fulfilment, OrderStep, PartnerLanguage, ResponseStep } from './pharmacy-vocabulary.ts';

// What a partner pharmacy reads on its number: the order, the buttons to answer it, and Careline's
// acknowledgements and questions. French or English, as the clinic set for the partner. Never a price.

/** A button's id: what was tapped, on which order (and which medicine, for "which one is missing?"). */
export type PartnerTap =
  | { kind: 'step'; step: ResponseStep; orderId: string }
  | { kind: 'missing'; orderId: string; itemId: string }
  | { kind: 'show'; orderId: string };

const PREFIX = 'pharmacy';

export function partnerTapId(tap: PartnerTap): string {
  switch (tap.kind) {
    case 'step':
      return `${PREFIX}:${tap.step}:${tap.orderId}`;
    case 'missing':
      return `${PREFIX}:missing:${tap.orderId}:${tap.itemId}`;
    case 'show':
      return `${PREFIX}:show:${tap.orderId}`;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TAPPABLE: readonly string[] = [
  'available',
  'partly_available',
  'unavailable',
  'ready_for_pickup',
  'out_for_delivery',
  'handed_over',
  'declined',
];

export function parsePartnerTapId(id: string): PartnerTap | undefined {
  const [prefix, kind, orderId, itemId, ...rest] = id.split(':');
  if (prefix !== PREFIX || !orderId || !UUID.test(orderId) || rest.length > 0) return undefined;
  if (kind === 'show' && itemId === undefined) return { kind: 'show', orderId };
  if (kind === 'missing' && itemId && UUID.test(itemId)) return { kind: 'missing', orderId, itemId };
  if (kind && TAPPABLE.includes(kind) && itemId === undefined)
    return { kind: 'step', step: kind as ResponseStep, orderId };
  return undefined;
}

const STEP_BUTTON: Record<PartnerLanguage, Record<ResponseStep, string>> = {
  fr: {
    available: 'Disponible',
    partly_available: 'Partiellement dispo',
    unavailable: 'Indisponible',
    ready_for_pickup: 'Prêt à retirer',
    out_for_delivery: 'En livraison',
    handed_over: 'Remis au patient',
    declined: 'Refuser',
  },
  en: {
    available: 'Available',
    partly_available: 'Partly available',
    unavailable: 'Unavailable',
    ready_for_pickup: 'Ready for pickup',
    out_for_delivery: 'Out for delivery',
    handed_over: 'Handed over',
    declined: 'Decline',
  },
};

/** The (at most three) answers offered as buttons at each step; the others can be typed. */
function offeredSteps(step: OrderStep, fulfilment: Fulfilment): ResponseStep[] {
  const ready: ResponseStep = fulfilment === 'pickup' ? 'ready_for_pickup' : 'out_for_delivery';
  switch (step) {
    case 'sent':
      return ['available', 'partly_available', 'unavailable'];
    case 'available':
      return [ready, 'partly_available', 'declined'];
    case 'partly_available':
      return [ready, 'available', 'declined'];
    case 'unavailable':
      return ['available', 'partly_available', 'declined'];
    case 'ready_for_pickup':
    case 'out_for_delivery':
      return ['handed_over'];
    default:
      return [];
  }
}

export interface PartnerOrder {
  orderId: string;
  reference: string;
  clinicName: string;
  patientName: string | null;
  fulfilment: Fulfilment;
  deliveryAddress: string | null;
  note: string | null;
  step: OrderStep;
  items: OrderItemView[];
}

const T = {
  fr: {
    title: (ref: string, clinic: string) => `Ordonnance ${ref} – ${clinic}`,
    patient: 'Patient :',
    pickup: 'Retrait à la pharmacie',
    delivery: 'Livraison :',
    quantity: 'qté :',
    substitution: 'substitution autorisée',
    noSubstitution: 'non substituable',
    note: 'Note :',
    howTo:
      'Répondez avec les boutons, ou écrivez par exemple « dispo », « prêt 15h », « partiel », « rupture », « refus : motif ». Indiquez la référence si plusieurs commandes sont en cours.',
  },
  en: {
    title: (ref: string, clinic: string) => `Prescription ${ref} – ${clinic}`,
    patient: 'Patient:',
    pickup: 'Pickup at the pharmacy',
    delivery: 'Delivery:',
    quantity: 'qty:',
    substitution: 'substitution allowed',
    noSubstitution: 'no substitution',
    note: 'Note:',
    howTo:
      'Answer with the buttons, or type for example “available”, “ready 3pm”, “partly”, “out of stock”, “decline: reason”. Add the reference when several orders are open.',
  },
} as const;

function spaced(language: PartnerLanguage, text: string): string {
  return language === 'fr' ? frenchSpacing(text) : text;
}

export function itemLine(item: OrderItemView, language: PartnerLanguage): string {
  const t = T[language];
  const what = [item.medication, item.strength, item.form].filter(Boolean).join(' ');
  return `${item.position + 1}. ${what} — ${t.quantity} ${item.quantity} — ${item.posology} — ${
    item.substitutionAllowed ? t.substitution : t.noSubstitution
  }`;
}

/** The order as the pharmacist reads it, with buttons for the first answer. Within WhatsApp's 1024 characters. */
export function orderMessage(order: PartnerOrder, language: PartnerLanguage): OutboundMessage {
  const t = T[language];
  const lines = [
    t.title(order.reference, order.clinicName),
    `${t.patient} ${order.patientName ?? '—'}`,
    order.fulfilment === 'pickup' ? t.pickup : `${t.delivery} ${order.deliveryAddress ?? ''}`,
    '',
    ...order.items.map((item) => itemLine(item, language)),
    ...(order.note ? ['', `${t.note} ${order.note}`] : []),
    '',
    t.howTo,
  ];
  return choices(order, language, clip(spaced(language, lines.join('\n')), 1024));
}

/** Buttons for the answers that fit the order's step now, under `body`; plain text when none is left. */
export function choices(
  order: Pick<PartnerOrder, 'orderId' | 'step' | 'fulfilment'>,
  language: PartnerLanguage,
  body: string,
): OutboundMessage {
  const offered = offeredSteps(order.step, order.fulfilment);
  if (offered.length === 0) return { type: 'text', text: body };
  return {
    type: 'buttons',
    body: clip(body, 1024),
    buttons: offered.map((step) => ({
      id: partnerTapId({ kind: 'step', step, orderId: order.orderId }),
      title: STEP_BUTTON[language][step],
    })),
  };
}

/** "Which medicine is missing?": one row per medicine of the order. */
export function missingItemQuestion(order: PartnerOrder, language: PartnerLanguage): OutboundMessage {
  return {
    type: 'list',
    body: spaced(
      language,
      language === 'fr'
        ? `${order.reference} : quel médicament manque ?`
        : `${order.reference}: which medicine is missing?`,
    ),
    buttonLabel: language === 'fr' ? 'Choisir' : 'Choose',
    sections: [
      {
        rows: order.items.slice(0, 10).map((item) => ({
          id: partnerTapId({ kind: 'missing', orderId: order.orderId, itemId: item.id }),
          title: clip(`${item.position + 1}. ${item.medication}`, 24),
          ...(item.strength ? { description: clip(item.strength, 72) } : {}),
        })),
      },
    ],
  };
}

/** "Which order?": the open orders of this pharmacy, to pick the one an answer is about. */
export function whichOrderQuestion(
  orders: Array<Pick<PartnerOrder, 'orderId' | 'reference' | 'step'>>,
  language: PartnerLanguage,
  answerStep: ResponseStep | null,
): OutboundMessage {
  return {
    type: 'list',
    body: spaced(
      language,
      language === 'fr'
        ? 'Plusieurs commandes sont en cours. De laquelle s’agit-il ?'
        : 'Several orders are open. Which one is it about?',
    ),
    buttonLabel: language === 'fr' ? 'Choisir' : 'Choose',
    sections: [
      {
        rows: orders.slice(0, 10).map((o) => ({
          id: partnerTapId(
            answerStep
              ? { kind: 'step', step: answerStep, orderId: o.orderId }
              : { kind: 'show', orderId: o.orderId },
          ),
          title: o.reference,
        })),
      },
    ],
  };
}

export type PartnerNote =
  | { kind: 'recorded'; step: ResponseStep; readyAt: Date | null; eta: Date | null }
  | { kind: 'refused'; current: OrderStep }
  | { kind: 'not_understood' }
  | { kind: 'ask_reason' }
  | { kind: 'ask_substitute' }
  | { kind: 'substitute_recorded' }
  | { kind: 'cancelled' }
  | { kind: 'substitute_accepted'; medication: string }
  | { kind: 'substitute_refused'; medication: string }
  | { kind: 'no_open_order' };

const STEP_WORDS: Record<PartnerLanguage, Record<OrderStep, string>> = {
  fr: {
    sent: 'envoyée',
    available: 'disponible',
    partly_available: 'partiellement disponible',
    unavailable: 'indisponible',
    ready_for_pickup: 'prête à retirer',
    out_for_delivery: 'en livraison',
    handed_over: 'remise au patient',
    declined: 'refusée',
    cancelled: 'annulée par le cabinet',
  },
  en: {
    sent: 'sent',
    available: 'available',
    partly_available: 'partly available',
    unavailable: 'unavailable',
    ready_for_pickup: 'ready for pickup',
    out_for_delivery: 'out for delivery',
    handed_over: 'handed over',
    declined: 'declined',
    cancelled: 'cancelled by the clinic',
  },
};

/** Careline's short answer to the pharmacist, naming the order. */
export function partnerNote(
  reference: string,
  note: PartnerNote,
  language: PartnerLanguage,
  timeZone: string,
): string {
  const fr = language === 'fr';
  const at = (d: Date | null) => (d ? localTime(d, timeZone, language) : null);
  let text: string;
  switch (note.kind) {
    case 'recorded': {
      const when = at(note.readyAt) ?? at(note.eta);
      const step = STEP_WORDS[language][note.step];
      text = fr
        ? `${reference} : noté, commande ${step}${when ? ` (${when})` : ''}. Merci !`
        : `${reference}: noted, order ${step}${when ? ` (${when})` : ''}. Thank you!`;
      break;
    }
    case 'refused':
      text = fr
        ? `${reference} : la commande est ${STEP_WORDS.fr[note.current]}, cette réponse ne s’applique plus.`
        : `${reference}: the order is ${STEP_WORDS.en[note.current]}, this answer no longer applies.`;
      break;
    case 'not_understood':
      text = fr
        ? `${reference} : je n’ai pas compris. Touchez un bouton, ou écrivez « dispo », « prêt 15h », « partiel », « rupture », « en livraison 16h », « remis » ou « refus : motif ».`
        : `${reference}: I did not understand. Tap a button, or type “available”, “ready 3pm”, “partly”, “out of stock”, “out for delivery 4pm”, “handed over” or “decline: reason”.`;
      break;
    case 'ask_reason':
      text = fr
        ? `${reference} : pourquoi refusez-vous ? Écrivez « refus : » suivi du motif.`
        : `${reference}: why do you decline? Type “decline:” followed by the reason.`;
      break;
    case 'ask_substitute':
      text = fr
        ? `${reference} : noté. Vous pouvez proposer un substitut en écrivant « substitut : » suivi du nom et du dosage.`
        : `${reference}: noted. You can propose a substitute by typing “substitute:” followed by its name and strength.`;
      break;
    case 'substitute_recorded':
      text = fr
        ? `${reference} : substitut proposé au cabinet, vous serez prévenu de sa réponse.`
        : `${reference}: substitute proposed to the clinic; you will be told its answer.`;
      break;
    case 'cancelled':
      text = fr
        ? `${reference} : le cabinet a annulé cette commande. Merci de ne pas la préparer.`
        : `${reference}: the clinic cancelled this order. Please do not prepare it.`;
      break;
    case 'substitute_accepted':
      text = fr
        ? `${reference} : le cabinet accepte le substitut ${note.medication}.`
        : `${reference}: the clinic accepts the substitute ${note.medication}.`;
      break;
    case 'substitute_refused':
      text = fr
        ? `${reference} : le cabinet refuse le substitut ${note.medication}.`
        : `${reference}: the clinic refuses the substitute ${note.medication}.`;
      break;
    case 'no_open_order':
      text = fr ? 'Aucune commande en cours pour votre pharmacie.' : 'No open order for your pharmacy.';
      break;
  }
  return spaced(language, text);
}

/** "15 h 30" today, "demain 9 h" / "tomorrow 9:00 am", or the date for later. */
export function localTime(at: Date, timeZone: string, language: PartnerLanguage, now?: Date): string {
  const local = Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
  const time = clockTime(local.hour, local.minute, language);
  if (!now) return time;
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate();
  const days = local.toPlainDate().since(today).days;
  if (days === 0) return time;
  if (days === 1) return language === 'fr' ? `demain ${time}` : `tomorrow ${time}`;
  return `${local.toPlainDate().toString()} ${time}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * The template a first order goes out with when the pharmacy has not written within WhatsApp's 24
 * hours (UTILITY, fr and en, approved by Meta): {{1}} the clinic, {{2}} the reference; its quick reply
 * "Voir la commande" / "Show the order" brings the order itself, the window then being open.
 */
export const PARTNER_ORDER_TEMPLATE = 'commande_pharmacie';
export const PARTNER_ORDER_TEMPLATE_TEXT: Record<PartnerLanguage, { body: string; button: string }> = {
  fr: {
    body: 'Nouvelle ordonnance {{2}} de {{1}}. Touchez « Voir la commande » pour l’afficher et y répondre.',
    button: 'Voir la commande',
  },
  en: {
    body: 'New prescription order {{2}} from {{1}}. Tap “Show the order” to see and answer it.',
    button: 'Show the order',
  },
};

export function partnerOrderTemplate(
  order: Pick<PartnerOrder, 'orderId' | 'reference' | 'clinicName'>,
  language: PartnerLanguage,
): OutboundMessage {
  return {
    type: 'template',
    name: PARTNER_ORDER_TEMPLATE,
    language,
    components: {
      body: [order.clinicName, order.reference],
      buttons: [
        { index: 0, subType: 'quick_reply', payload: partnerTapId({ kind: 'show', orderId: order.orderId }) },
      ],
    },
  };
}
