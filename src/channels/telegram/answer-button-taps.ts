import type { InboundEvent } from '../inbound-event.ts';

/**
 * Telegram shows a spinner on a tapped inline button until the bot calls `answerCallbackQuery`. The
 * webhook's answer may carry one Bot API call, so the tap is answered there, once it is stored, rather
 * than by a request of our own. An update holds at most one tap.
 */
export function answerButtonTap(events: readonly InboundEvent[]): Record<string, unknown> | null {
  for (const event of events) {
    if (event.kind === 'message' && event.rawType === 'callback_query')
      return { method: 'answerCallbackQuery', callback_query_id: event.externalId };
  }
  return null;
}
