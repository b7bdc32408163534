import { VIBER_LIMITS } from './viber-capabilities.ts';

/**
 * Viber hands a message's `tracking_data` back with the patient's next message. Careline's keyboards
 * carry the ids of their buttons there, so a reply whose text is one of them is known as a tap, not as
 * words the patient typed.
 */
const PREFIX = 'careline:buttons:';

/** The tracking data of a keyboard of these button ids, or null when it would not fit. */
export function trackingDataOf(buttonIds: readonly string[]): string | null {
  const data = `${PREFIX}${JSON.stringify(buttonIds)}`;
  return data.length <= VIBER_LIMITS.trackingDataLength ? data : null;
}

/** The button ids a message's tracking data names ([] when it is not Careline's). */
export function buttonIdsOf(trackingData: string | null): string[] {
  if (trackingData === null || !trackingData.startsWith(PREFIX)) return [];
  try {
    const ids: unknown = JSON.parse(trackingData.slice(PREFIX.length));
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}
