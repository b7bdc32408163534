import { foldText } from '../flows/engine/fold-text.ts';
import { CONSENT_PURPOSES, type ConsentPurpose } from './consent.schema.ts';

/** What a keyword does to the patient's consents on the channel it was written on. */
export type ConsentKeywordAction =
  | { kind: 'withdraw_all' }
  | { kind: 'withdraw_reminders' }
  | { kind: 'restore_reminders' }
  | { kind: 'withdraw_health_information' }
  | { kind: 'restore_health_information' };

export interface ConsentKeywordMatch {
  action: ConsentKeywordAction;
  /** The purposes recorded, each as one ledger line. */
  purposes: readonly ConsentPurpose[];
  granted: boolean;
}

// Keys are folded (lower case, no accents, punctuation as single spaces): "ARRÊT !" is "arret".
const KEYWORDS: ReadonlyMap<string, ConsentKeywordAction> = new Map([
  ['stop', { kind: 'withdraw_all' }],
  ['arret', { kind: 'withdraw_all' }],
  ['unsubscribe', { kind: 'withdraw_all' }],
  ['desabonner', { kind: 'withdraw_all' }],
  ['stop rappels', { kind: 'withdraw_reminders' }],
  ['stop reminders', { kind: 'withdraw_reminders' }],
  ['start', { kind: 'restore_reminders' }],
  ['reprendre', { kind: 'restore_reminders' }],
  ['unstop', { kind: 'restore_reminders' }],
  ['resume', { kind: 'restore_reminders' }],
  // Health broadcasts (tips, news of the clinic): this purpose only, reminders go on.
  ['stop conseils', { kind: 'withdraw_health_information' }],
  ['stop infos', { kind: 'withdraw_health_information' }],
  ['stop info', { kind: 'withdraw_health_information' }],
  ['stop health tips', { kind: 'withdraw_health_information' }],
  ['stop news', { kind: 'withdraw_health_information' }],
  ['start conseils', { kind: 'restore_health_information' }],
  ['start infos', { kind: 'restore_health_information' }],
  ['start info', { kind: 'restore_health_information' }],
  ['start health tips', { kind: 'restore_health_information' }],
  ['start news', { kind: 'restore_health_information' }],
]);

/**
 * What carriers and Twilio take as STOP on SMS besides Careline's own words (Twilio's default opt-out
 * keywords, CTIA's guidelines): the provider refuses every message after one of them (21610), so
 * Careline records the same withdrawal. Elsewhere « end » or « cancel » is a patient talking.
 */
const SMS_KEYWORDS: ReadonlyMap<string, ConsentKeywordAction> = new Map([
  ['stopall', { kind: 'withdraw_all' }],
  ['cancel', { kind: 'withdraw_all' }],
  ['end', { kind: 'withdraw_all' }],
  ['quit', { kind: 'withdraw_all' }],
]);

/** The provider's own opt-out words (Twilio's defaults): it confirms them itself and blocks what follows. */
const SMS_PROVIDER_STOPS = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit']);

/**
 * Whether the SMS provider took this message as an opt-out: it answers it itself and refuses every later
 * message (Twilio's 21610), so Careline sends no confirmation of its own. ARRÊT or STOP RAPPELS are
 * Careline's words only: their confirmation goes out.
 */
export function isProviderStop(text: string | null | undefined, channel: string): boolean {
  return channel === 'sms' && !!text && text.length <= 40 && SMS_PROVIDER_STOPS.has(foldText(text));
}

/** HELP on SMS (carriers require an answer: who is writing and how to stop); AIDE in French. */
const SMS_HELP = new Set(['help', 'aide', 'info']);

/** Whether a whole message asks for help the way carriers expect on SMS; never on other channels. */
export function isHelpKeyword(text: string | null | undefined, channel: string): boolean {
  return channel === 'sms' && !!text && text.length <= 40 && SMS_HELP.has(foldText(text));
}

/**
 * The consent keyword a whole message is, ignoring case, accents and punctuation, or null. Only the
 * whole message counts: "stop" inside a sentence ("stop the pain") is a patient talking, not a request.
 */
export function matchConsentKeyword(
  text: string | null | undefined,
  channel?: string,
): ConsentKeywordMatch | null {
  if (!text || text.length > 40) return null;
  // Telegram's app sends « /start » by itself when a person opens a bot: a greeting, not a request to
  // receive reminders again (which would also swallow the welcome a first message gets).
  if (/^\/start(?:@\w+)?(?:\s|$)/i.test(text.trim())) return null;
  const folded = foldText(text);
  const action = KEYWORDS.get(folded) ?? (channel === 'sms' ? SMS_KEYWORDS.get(folded) : undefined);
  if (!action) return null;
  switch (action.kind) {
    case 'withdraw_all':
      return { action, purposes: CONSENT_PURPOSES, granted: false };
    case 'withdraw_reminders':
      return { action, purposes: ['appointment_reminders'], granted: false };
    case 'restore_reminders':
      return { action, purposes: ['appointment_reminders'], granted: true };
    case 'withdraw_health_information':
      return { action, purposes: ['health_information'], granted: false };
    case 'restore_health_information':
      return { action, purposes: ['health_information'], granted: true };
  }
}
