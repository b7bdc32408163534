import type { TemplateMessage } from '../../channels/outbound-message.ts';
import type { OrderView } from './order-view.ts';
import { localTime } from './partner-messages.ts';

/**
 * The templates that tell a patient outside WhatsApp's 24-hour window that their order is ready or on
 * its way (UTILITY, fr and en, approved by Meta): {{1}} the patient's name, {{2}} the pharmacy, {{3}}
 * when. Fixed words around three values, as Meta reviews them; never the medicines' names or a price.
 */
export const PATIENT_READY_TEMPLATE = 'commande_prete';
export const PATIENT_DELIVERY_TEMPLATE = 'commande_en_livraison';

type Language = 'fr' | 'en';

export const PATIENT_TEMPLATE_TEXT: Readonly<
  Record<typeof PATIENT_READY_TEMPLATE | typeof PATIENT_DELIVERY_TEMPLATE, Readonly<Record<Language, string>>>
> = {
  [PATIENT_READY_TEMPLATE]: {
    fr: 'Bonjour {{1}}, votre commande à la pharmacie {{2}} est prête. Vous pouvez la retirer {{3}}. Pensez à apporter votre ordonnance.',
    en: 'Hello {{1}}, your order at {{2}} is ready for pickup {{3}}. Please bring your prescription.',
  },
  [PATIENT_DELIVERY_TEMPLATE]: {
    fr: 'Bonjour {{1}}, votre commande de la pharmacie {{2}} est en cours de livraison, arrivée prévue {{3}}.',
    en: 'Hello {{1}}, your order from {{2}} is out for delivery, expected {{3}}.',
  },
};

/**
 * The template for an order ready for pickup or out for delivery. A template's values may not be empty:
 * a patient without a name is greeted politely, an unknown time reads "now" or "soon".
 */
export function patientNoticeTemplate(
  view: Pick<OrderView, 'order'>,
  who: { language: Language; name: string | null; pharmacy: string; timeZone: string; now: Date },
): TemplateMessage {
  const { order } = view;
  const fr = who.language === 'fr';
  const name = who.name?.trim() || (fr ? 'Madame, Monsieur' : 'there');
  const at = (d: Date | null) =>
    d && d > who.now ? localTime(d, who.timeZone, who.language, who.now) : null;
  const ready = order.step === 'ready_for_pickup';
  const when = ready ? at(order.readyAt) : at(order.eta);
  const third = ready
    ? when
      ? fr
        ? `à partir de ${when}`
        : `from ${when}`
      : fr
        ? 'dès maintenant'
        : 'now'
    : when
      ? fr
        ? `vers ${when}`
        : `around ${when}`
      : fr
        ? 'sous peu'
        : 'soon';
  return {
    type: 'template',
    name: ready ? PATIENT_READY_TEMPLATE : PATIENT_DELIVERY_TEMPLATE,
    language: who.language,
    components: { body: [name, who.pharmacy || (fr ? 'votre pharmacie' : 'your pharmacy'), third] },
  };
}
