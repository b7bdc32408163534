import type { InboundMessageEvent } from './inbound-event.ts';

/**
 * Parts of a patient's message that can be left out when the database refuses to store them, so the
 * rest (the patient's words above all) still reaches the inbox and the red-flag screening. The text,
 * the type, the sender's id and the message id are never among them: without those there is no message.
 */
export const OMITTABLE_PARTS = ['profile_name', 'username', 'media', 'reply_to', 'details'] as const;
export type OmittablePart = (typeof OMITTABLE_PARTS)[number];

/**
 * What a stored message's `omitted` note names: the parts left out, and `message_id` when WhatsApp's id
 * for it was missing or unusable and one of Careline's stands in for it (see `standInMessageId`).
 */
export type LeftOutPart = OmittablePart | 'message_id';

/**
 * What to try once the whole message was refused: without each part it has, one at a time (so that
 * only the one unusable part is lost), then without all of them.
 */
export function omissionsToTry(event: InboundMessageEvent): OmittablePart[][] {
  const present = OMITTABLE_PARTS.filter((part) => has(event, part));
  return [...present.map((part) => [part]), ...(present.length > 1 ? [present] : [])];
}

/** The message without these parts; what is left is what the patient sent, unchanged. */
export function withoutParts(
  event: InboundMessageEvent,
  parts: readonly OmittablePart[],
): InboundMessageEvent {
  let result: InboundMessageEvent = event;
  for (const part of parts) result = without(result, part);
  return result;
}

function without(event: InboundMessageEvent, part: OmittablePart): InboundMessageEvent {
  switch (part) {
    case 'profile_name':
      return { ...event, from: { ...event.from, name: null } };
    case 'username':
      return { ...event, from: { ...event.from, username: null } };
    case 'media':
      return { ...event, media: [] };
    case 'reply_to':
      return { ...event, replyTo: null };
    case 'details': {
      const {
        location,
        contacts,
        reply,
        flow,
        order,
        system,
        referral,
        referredProduct,
        conversation,
        replyToken,
        webhookEventId,
        redelivery,
        mode,
        updateId,
        trackingData,
        ...kept
      } = event;
      return { ...kept, errors: [], forwarded: null };
    }
  }
}

function has(event: InboundMessageEvent, part: OmittablePart): boolean {
  switch (part) {
    case 'profile_name':
      return event.from.name !== null;
    case 'username':
      return event.from.username !== null;
    case 'media':
      return event.media.length > 0;
    case 'reply_to':
      return event.replyTo !== null;
    case 'details': {
      const stripped = without(event, 'details');
      return (
        event.errors.length > 0 ||
        event.forwarded !== null ||
        Object.keys(event).some((key) => !(key in stripped) && Reflect.get(event, key) != null)
      );
    }
  }
}
