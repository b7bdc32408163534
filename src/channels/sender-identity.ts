import type { InboundMessageEvent, Sender, UserRef } from './inbound-event.ts';

// The inbound events keep the words of the conformance corpus (shared/conformance/MANIFEST.md), where a
// sender's second id is WhatsApp's `bsuid`. The modules that store people speak of any channel: they read
// senders through these functions, so a channel's vocabulary stays on this side of the port.

/** Who wrote, as the modules keep it: the same facts for every channel. */
export interface SenderIdentity {
  /** The channel's id for the person (a wa_id, a Telegram user id, a page-scoped id); null when the
   * channel named them only by {@link scopedId}. */
  externalId: string | null;
  /** A second id scoped to the business, which some channels add (WhatsApp's business-scoped user id). */
  scopedId: string | null;
  /** The id {@link scopedId} is derived from, shared by the businesses of one portfolio. */
  parentScopedId: string | null;
  /** `+` and digits, only when the channel gave a real number. */
  phone: string | null;
  username: string | null;
  profileName: string | null;
}

/** Whose receipt or preference an event reports, by the ids a stored identity is matched on. */
export interface IdentityRef {
  externalId: string | null;
  scopedId: string | null;
}

export function senderIdentityOf(from: Sender): SenderIdentity {
  return {
    ...identityRefOf(from),
    parentScopedId: from.parentBsuid,
    phone: from.phone,
    username: from.username,
    profileName: from.name,
  };
}

export function identityRefOf(user: Pick<UserRef, 'id' | 'bsuid'>): IdentityRef {
  // A person known only by a scoped id has it as their `id` too: it is not a second channel id.
  return { externalId: user.id === user.bsuid ? null : user.id, scopedId: user.bsuid };
}

/**
 * Where a message says the person moved (WhatsApp's `user_changed_number`), the ids they write from now:
 * the new wa_id is the new number's digits.
 */
export function movedTo(
  event: Pick<InboundMessageEvent, 'system'>,
): { externalId: string; phone: string } | null {
  const newId = event.system?.type === 'user_changed_number' ? event.system.newWaId : null;
  return newId ? { externalId: newId, phone: `+${newId}` } : null;
}
