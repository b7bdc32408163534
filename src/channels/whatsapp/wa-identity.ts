import type { Sender, UserRef } from '../inbound-event.ts';
import type { WaContact } from './webhook-envelope.schema.ts';

const WA_ID_DIGITS = /^\d{6,15}$/;

/**
 * `+` and the wa_id digits when the wa_id looks like a phone number (E.164 allows at most 15 digits),
 * else null: documentation placeholders such as `PHONE_NUMBER` and group ids must never become phones.
 */
export function phoneFromWaId(waId: string | null): string | null {
  return waId !== null && WA_ID_DIGITS.test(waId) ? `+${waId}` : null;
}

/**
 * The message author. `id` is the wa_id (`from`), else the business-scoped user id; null when the
 * message names nobody at all. Profile fields come from the `contacts[]` entry that is this user.
 */
export function senderOf(
  from: string | null,
  fromUserId: string | null,
  fromParentUserId: string | null,
  contacts: readonly WaContact[],
): Sender | null {
  const contact = matchingContact(contacts, from, fromUserId) ?? loneContactFor(contacts, from, fromUserId);
  const bsuid = fromUserId ?? contact?.user_id ?? null;
  const id = from ?? bsuid;
  if (id === null) return null;
  return {
    id,
    phone: phoneFromWaId(from ?? contact?.wa_id ?? null),
    bsuid,
    parentBsuid: fromParentUserId ?? contact?.parent_user_id ?? null,
    name: contact?.profile?.name ?? null,
    username: contact?.profile?.username ?? null,
  };
}

/** A user we wrote to or who changed a preference: `bsuid` given, else from the matching contact. */
export function userRefOf(
  waId: string | null,
  userId: string | null,
  contacts: readonly WaContact[],
): UserRef | null {
  const id = waId ?? userId;
  if (id === null) return null;
  const bsuid = userId ?? matchingContact(contacts, waId, null)?.user_id ?? null;
  return { id, phone: phoneFromWaId(waId), bsuid };
}

/** The contact with this wa_id or this BSUID. */
function matchingContact(
  contacts: readonly WaContact[],
  waId: string | null,
  userId: string | null,
): WaContact | undefined {
  return contacts.find(
    (contact) => (waId !== null && contact.wa_id === waId) || (userId !== null && contact.user_id === userId),
  );
}

/**
 * Meta sends the author as the only contact, and a BSUID-only author comes with no `from` at all, so a
 * lone contact is the author unless it names someone else. Test payloads where `contacts[]` belongs to
 * another wa_id exist; matching first keeps their profile off the wrong person.
 */
function loneContactFor(
  contacts: readonly WaContact[],
  from: string | null,
  fromUserId: string | null,
): WaContact | undefined {
  const [only, ...rest] = contacts;
  if (only === undefined || rest.length > 0) return undefined;
  const namesSomeoneElse =
    (only.wa_id !== null && from !== null) || (only.user_id !== null && fromUserId !== null);
  return namesSomeoneElse ? undefined : only;
}
