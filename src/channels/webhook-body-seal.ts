import type { FieldCipher } from '../platform/crypto/field-cipher.ts';

/** What identifies a journaled body: its account and hash (the journal row's unique key). */
export interface JournaledBodyKey {
  channelAccountId: string;
  bodySha256: string;
}

/**
 * Encrypts a delivery's body for the journal. The envelope is bound to its row's key, so a body
 * copied onto another delivery (or another clinic's) does not decrypt there.
 */
export function sealWebhookBody(cipher: FieldCipher, key: JournaledBodyKey, body: Buffer): string {
  return cipher.encrypt(body, associatedDataOf(key)).toString('base64');
}

/**
 * The journaled body as text, or null once it has been forgotten (processed, or past retention).
 * Bodies journaled before encryption (still plain until the retention job seals them) are read as is.
 * Throws FieldCipherError when the envelope does not decrypt (its key is no longer configured).
 */
export function openWebhookBody(
  cipher: FieldCipher,
  event: JournaledBodyKey & { sealedBody: string | null; rawBody: string | null },
): string | null {
  if (event.sealedBody !== null) return cipher.decryptText(event.sealedBody, associatedDataOf(event));
  return event.rawBody;
}

function associatedDataOf(key: JournaledBodyKey): string {
  return `webhook_events:${key.channelAccountId}:${key.bodySha256}`;
}
