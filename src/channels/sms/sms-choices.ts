import { LRUCache } from 'lru-cache';
import type { OutboundMessage } from '../outbound-message.ts';

/** One numbered choice as it was sent: its position is its number, from 1. */
export interface SmsChoice {
  id: string;
  title: string;
  /** `list` rows come back as list replies, buttons as button replies. */
  from: 'buttons' | 'list';
}

/** How long a patient's "2" still answers the choices last sent to them. */
export const CHOICES_TTL_MS = 7 * 24 * 3_600_000;

/**
 * The choices last texted to each patient of each number, so that their reply ("2", "cancel") can be
 * read as the button it stands for. Kept in memory, like LINE's reply tokens: a reply that comes after a
 * restart, or to another node, stays a plain text, which reminders (typed "annuler", "oui") and flows
 * (menus matched by number or word) still understand; nothing is lost but the shortcut.
 */
export class SmsChoices {
  private readonly sent: LRUCache<string, { choices: SmsChoice[] }>;

  constructor(ttlMs = CHOICES_TTL_MS) {
    this.sent = new LRUCache({ max: 100_000, ttl: ttlMs });
  }

  /** What was just sent to `to`: its choices, or none (a plain text ends the previous menu). */
  remember(account: string, to: string, message: OutboundMessage): void {
    const choices = choicesOf(message);
    if (choices.length === 0) this.sent.delete(keyOf(account, to));
    else this.sent.set(keyOf(account, to), { choices });
  }

  /** The choice a patient's text names, by its number or its words; null when it names none. */
  match(account: string, from: string, text: string | null): SmsChoice | null {
    if (text === null) return null;
    const remembered = this.sent.get(keyOf(account, from));
    return remembered ? matchChoice(remembered.choices, text) : null;
  }
}

export function choicesOf(message: OutboundMessage): SmsChoice[] {
  if (message.type === 'buttons')
    return message.buttons.map((button) => ({ id: button.id, title: button.title, from: 'buttons' }));
  if (message.type === 'list')
    return message.sections.flatMap((section) =>
      section.rows.map((row) => ({ id: row.id, title: row.title, from: 'list' as const })),
    );
  return [];
}

/**
 * Twilio's reserved keywords (its default Advanced Opt-Out words, what carriers act on): the provider has
 * already opted the patient out (or in, or answered HELP) when one arrives, so it is never read as a
 * choice, even a choice of that title ("Cancel"): the patient's number answers that one.
 */
export const CARRIER_KEYWORDS: ReadonlySet<string> = new Set([
  'stop',
  'stopall',
  'unsubscribe',
  'cancel',
  'end',
  'quit',
  'start',
  'unstop',
  'yes',
  'help',
  'info',
]);

/** "2", "2.", "2)", " 2 " by number; "Confirm", "réschedule !", "ANNULER" by words, without case or accents. */
export function matchChoice(choices: readonly SmsChoice[], text: string): SmsChoice | null {
  if (text.length > 60) return null;
  const number = /^\s*#?(\d{1,2})\s*[.)]?\s*$/.exec(text)?.[1];
  if (number !== undefined) return choices[Number(number) - 1] ?? null;
  const folded = foldWords(text);
  if (folded === '' || CARRIER_KEYWORDS.has(folded)) return null;
  return choices.find((choice) => foldWords(choice.title) === folded) ?? null;
}

/** Lower case, no accents, punctuation and spaces as one space: "Déplacer !" is "deplacer". */
export function foldWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function keyOf(account: string, person: string): string {
  return `${account}\u0000${person}`;
}
