import type { SimulatedNumber } from './simulated-number.ts';

export type WebhookValue = Record<string, unknown>;

/** Meta's outer webhook shape for field `messages` (§1.4): one entry, one change per value. */
export function webhookEnvelope(number: SimulatedNumber, ...values: WebhookValue[]) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: number.wabaId,
        changes: values.map((value) => ({ value: { ...metadataOf(number), ...value }, field: 'messages' })),
      },
    ],
  };
}

/** Several values as one: Meta batches statuses (and messages) into one `value` under load. */
export function mergeValues(values: WebhookValue[]): WebhookValue {
  const merged: Record<string, unknown[]> = {};
  for (const value of values) {
    for (const [key, items] of Object.entries(value)) {
      if (!Array.isArray(items)) continue;
      const list = merged[key] ?? [];
      merged[key] = list;
      for (const item of items) {
        // One contact per user, however many of their messages are in the batch.
        if (key === 'contacts' && list.some((known) => JSON.stringify(known) === JSON.stringify(item)))
          continue;
        list.push(item);
      }
    }
  }
  return merged;
}

function metadataOf(number: SimulatedNumber) {
  return {
    messaging_product: 'whatsapp',
    metadata: {
      display_phone_number: number.displayPhoneNumber.replace(/^\+/, ''),
      phone_number_id: number.phoneNumberId,
    },
  };
}

/** Webhook timestamps are Unix seconds as strings. */
export function unixSeconds(at: Date): string {
  return String(Math.floor(at.getTime() / 1000));
}
