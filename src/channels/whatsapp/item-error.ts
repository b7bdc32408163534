import type { ItemError } from '../inbound-event.ts';
import type { WaItemError } from './webhook-envelope.schema.ts';

/** A WhatsApp error as stored: `details` moved from `error_data` (current shape) or the top level (legacy). */
export function toItemError(error: WaItemError): ItemError {
  return {
    code: error.code,
    title: error.title ?? error.message,
    details: error.error_data?.details ?? error.details,
  };
}
