import type { SimulatedNumber } from './simulated-number.ts';
import { webhookEnvelope } from './webhook-envelope.ts';

export type MarketingPreference = 'stop' | 'resume';

const DETAILS: Record<MarketingPreference, string> = {
  stop: 'User requested to stop marketing messages',
  resume: 'User requested to resume marketing messages',
};

/** Meta's `user_preferences` webhook (conformance other/user-preferences-*.json); timestamp is a number. */
export function userPreferencesWebhook(
  number: SimulatedNumber,
  user: { waId: string; name: string },
  value: MarketingPreference,
  at: Date,
) {
  const envelope = webhookEnvelope(number, {
    contacts: [{ profile: { name: user.name }, wa_id: user.waId }],
    user_preferences: [
      {
        wa_id: user.waId,
        detail: DETAILS[value],
        category: 'marketing_messages',
        value,
        timestamp: Math.floor(at.getTime() / 1000),
      },
    ],
  });
  return {
    ...envelope,
    entry: envelope.entry.map((entry) => ({
      ...entry,
      changes: entry.changes.map((change) => ({ ...change, field: 'user_preferences' })),
    })),
  };
}
