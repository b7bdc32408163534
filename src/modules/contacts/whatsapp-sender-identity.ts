/** What a WhatsApp webhook tells us about who wrote: a phone (wa_id), a BSUID, or both. */
export interface WhatsAppSenderIdentity {
  /** Digits without "+", as Meta sends them; null for users known only by a BSUID. */
  waId: string | null;
  /** E.164 with "+", when waId is a valid phone number. */
  phone: string | null;
  bsuid: string | null;
  parentBsuid: string | null;
  username: string | null;
  profileName: string | null;
}
