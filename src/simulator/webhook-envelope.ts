import type { SimulatedNumber } from './simulated-number.ts';

/** Meta's outer webhook shape for field `messages` (§1.4): one entry, one change. */
export function webhookEnvelope(number: SimulatedNumber, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: number.wabaId,
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: number.displayPhoneNumber.replace(/^\+/, ''),
                phone_number_id: number.phoneNumberId,
              },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

/** Webhook timestamps are Unix seconds as strings. */
export function unixSeconds(at: Date): string {
  return String(Math.floor(at.getTime() / 1000));
}
