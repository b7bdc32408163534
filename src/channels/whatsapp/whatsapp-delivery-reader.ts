import type { InboundEvent } from '../inbound-event.ts';
import { parseWhatsAppWebhook } from './parse-webhook.ts';
import { handleWhatsAppEvent, storeMessage } from './whatsapp-event-handlers.ts';

/** The account a delivery was journaled for, as far as reading it goes. */
interface WhatsAppAccountRef {
  externalId: string;
  settings: { wabaId?: string };
}

/**
 * WhatsApp's deliveries for the ingest job (its `DeliveryReader`, wired in app.ts): Meta's envelope, and
 * identities by phone and BSUID.
 */
export const whatsappDeliveryReader = {
  label: 'WhatsApp',
  parse: (body: unknown, account: WhatsAppAccountRef): InboundEvent[] =>
    parseWhatsAppWebhook(body).filter((event) => concerns(account, event)),
  storeMessage,
  apply: async (...args: Parameters<typeof handleWhatsAppEvent>): Promise<void> => {
    await handleWhatsAppEvent(...args);
  },
};

/** Number-level events name the phone number id; business-level ones (templates) the WABA. */
function concerns(account: WhatsAppAccountRef, event: InboundEvent): boolean {
  if (event.accountId !== null) return event.accountId === account.externalId;
  return 'wabaId' in event && event.wabaId !== null && event.wabaId === account.settings.wabaId;
}
