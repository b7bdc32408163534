import { Temporal } from 'temporal-polyfill';

/**
 * What a pharmacist's short typed answer says: "prêt 15h", "ready 3pm", "rupture", "il manque le 2",
 * "en livraison, 30 min", "refus : ordonnance expirée", "substitut : Doliprane 500 mg". Read as words,
 * not patterns: the text is folded (case, accents) and cut into words; known phrases are matched
 * longest first (so "pas dispo" is not read as "dispo"); a time is read from the words around it. What
 * follows "refus :" is the reason and what follows "substitut :" the medicine, never read as answers.
 */
export type AnswerIntent =
  | 'available'
  | 'ready'
  | 'partly'
  | 'unavailable'
  | 'delivery'
  | 'handed_over'
  | 'declined'
  | 'substitute';

export type AnswerTime =
  | { kind: 'clock'; hour: number; minute: number; tomorrow: boolean }
  | { kind: 'in'; minutes: number };

export interface PharmacistAnswer {
  /** The one thing the answer says; null when it says nothing known, or several things that clash. */
  intent: AnswerIntent | null;
  /** Every intent found, when they clash (the question to ask offers them). */
  clashing: AnswerIntent[];
  time: AnswerTime | null;
  /** The reason of a refusal, the words after "refus" / "decline". */
  reason: string | null;
  /** The medicine proposed instead, the words after "substitut" / "substitute". */
  substitute: string | null;
  /** Words that look like an order reference (R7K2Q), upper-cased. */
  references: string[];
}

const PHRASES: ReadonlyArray<readonly [AnswerIntent, string]> = [
  ['handed_over', 'remis'],
  ['handed_over', 'remise'],
  ['handed_over', 'recupere'],
  ['handed_over', 'recuperee'],
  ['handed_over', 'livre'],
  ['handed_over', 'livree'],
  ['handed_over', 'delivered'],
  ['handed_over', 'picked up'],
  ['handed_over', 'collected'],
  ['handed_over', 'handed over'],
  ['handed_over', 'handed'],
  ['handed_over', 'servi'],
  ['handed_over', 'servie'],
  ['delivery', 'en livraison'],
  ['delivery', 'livraison'],
  ['delivery', 'en route'],
  ['delivery', 'on the way'],
  ['delivery', 'on its way'],
  ['delivery', 'out for delivery'],
  ['delivery', 'delivering'],
  ['delivery', 'livreur'],
  ['delivery', 'parti'],
  ['delivery', 'partie'],
  ['ready', 'pret'],
  ['ready', 'prete'],
  ['ready', 'prets'],
  ['ready', 'pretes'],
  ['ready', 'ready'],
  ['ready', 'prepare'],
  ['ready', 'preparee'],
  ['ready', 'a retirer'],
  ['ready', 'peut passer'],
  ['ready', 'can collect'],
  ['ready', 'can pick up'],
  ['ready', 'for pickup'],
  ['unavailable', 'rupture'],
  ['unavailable', 'indisponible'],
  ['unavailable', 'indispo'],
  ['unavailable', 'pas dispo'],
  ['unavailable', 'pas disponible'],
  ['unavailable', 'pas en stock'],
  ['unavailable', 'plus en stock'],
  ['unavailable', 'plus de stock'],
  ['unavailable', 'epuise'],
  ['unavailable', 'out of stock'],
  ['unavailable', 'unavailable'],
  ['unavailable', 'not available'],
  ['unavailable', 'not in stock'],
  ['unavailable', 'sold out'],
  ['unavailable', 'none'],
  ['unavailable', 'we don t have'],
  ['unavailable', 'n avons pas'],
  ['unavailable', 'n ai pas'],
  ['partly', 'partiel'],
  ['partly', 'partielle'],
  ['partly', 'partiellement'],
  ['partly', 'il manque'],
  ['partly', 'manque'],
  ['partly', 'manquant'],
  ['partly', 'incomplet'],
  ['partly', 'incomplete'],
  ['partly', 'sauf'],
  ['partly', 'partly'],
  ['partly', 'partial'],
  ['partly', 'partially'],
  ['partly', 'missing'],
  ['partly', 'except'],
  ['available', 'dispo'],
  ['available', 'disponible'],
  ['available', 'disponibles'],
  ['available', 'en stock'],
  ['available', 'on l a'],
  ['available', 'tout est la'],
  ['available', 'available'],
  ['available', 'in stock'],
  ['available', 'we have it'],
  ['available', 'ok'],
  ['available', 'oui'],
  ['available', 'yes'],
  ['declined', 'refus'],
  ['declined', 'refuse'],
  ['declined', 'refusee'],
  ['declined', 'je refuse'],
  ['declined', 'decline'],
  ['declined', 'declined'],
  ['declined', 'impossible'],
  ['declined', 'cannot'],
  ['declined', 'can t'],
  ['declined', 'ne peux pas'],
  ['substitute', 'substitut'],
  ['substitute', 'substitute'],
  ['substitute', 'remplacer par'],
  ['substitute', 'remplace par'],
  ['substitute', 'a la place'],
  ['substitute', 'instead'],
  ['substitute', 'generique'],
  ['substitute', 'generic'],
  ['substitute', 'equivalent'],
];

/** Phrases as word lists, longest first: the longest phrase at a position wins. */
const MATCHERS = PHRASES.map(([intent, phrase]) => ({ intent, words: phrase.split(' ') })).sort(
  (a, b) => b.words.length - a.words.length,
);

/** Intents whose words, when found, are followed by free text that is not an answer. */
const TAKES_REST: ReadonlySet<AnswerIntent> = new Set(['declined', 'substitute']);

const MINUTE_UNITS = new Set(['min', 'mn', 'mins', 'minute', 'minutes']);
const HOUR_UNITS = new Set(['h', 'heure', 'heures', 'hour', 'hours', 'hr', 'hrs']);
const RELATIVE = new Set(['dans', 'in', 'sous']);
const TOMORROW = new Set(['demain', 'tomorrow']);

interface Word {
  text: string;
  /** Where the word ends in the original text: what follows a "refus" is cut from there. */
  end: number;
}

export function parsePharmacistAnswer(input: string): PharmacistAnswer {
  const words = wordsOf(input);
  const found: AnswerIntent[] = [];
  const rest: Word[] = [];
  let reason: string | null = null;
  let substitute: string | null = null;
  let index = 0;
  while (index < words.length) {
    const match = MATCHERS.find((m) => m.words.every((w, k) => words[index + k]?.text === w));
    if (!match) {
      rest.push(words[index] as Word);
      index += 1;
      continue;
    }
    found.push(match.intent);
    index += match.words.length;
    if (TAKES_REST.has(match.intent)) {
      const end = (words[index - 1] as Word).end;
      const tail = trimTail(input.slice(end));
      if (match.intent === 'declined') reason = tail || null;
      else substitute = tail || null;
      break;
    }
  }
  const intents = reduce([...new Set(found)]);
  return {
    intent: intents.length === 1 ? (intents[0] ?? null) : null,
    clashing: intents.length > 1 ? intents : [],
    time: timeOf(rest),
    reason,
    substitute,
    references: rest.filter((w) => /^r[a-z2-9]{4}$/.test(w.text)).map((w) => w.text.toUpperCase()),
  };
}

/**
 * Several intents that say one thing: "ok, prêt 15h" is ready, "dispo sauf le 2" partly available,
 * "rupture, substitut : X" a substitute, "prêt, en livraison" out for delivery.
 */
function reduce(intents: AnswerIntent[]): AnswerIntent[] {
  const has = (i: AnswerIntent) => intents.includes(i);
  let left = intents;
  const drop = (i: AnswerIntent) => {
    left = left.filter((x) => x !== i);
  };
  if (left.length > 1) drop('available');
  if (has('substitute')) {
    drop('partly');
    drop('unavailable');
  }
  if (has('partly')) drop('unavailable');
  if (has('delivery') || has('handed_over')) drop('ready');
  if (has('handed_over')) drop('delivery');
  return left;
}

/** The first time the words give: "15h30", "15:30", "3pm", "3 pm", "à 15 h", "dans 30 min", "in 2 hours", "demain 9h". */
function timeOf(words: Word[]): AnswerTime | null {
  const tomorrow = words.some((w) => TOMORROW.has(w.text));
  for (let i = 0; i < words.length; i += 1) {
    const word = (words[i] as Word).text;
    const next = words[i + 1]?.text;
    const relative = i > 0 && RELATIVE.has((words[i - 1] as Word).text);
    const number = wholeNumber(word);
    // "30 min", "dans 2 h", "in 2 hours"
    if (number !== null && next && MINUTE_UNITS.has(next)) return { kind: 'in', minutes: number };
    if (number !== null && next && HOUR_UNITS.has(next) && relative)
      return { kind: 'in', minutes: number * 60 };
    // "30min", "dans 2h"
    const glued = splitUnit(word);
    if (glued && MINUTE_UNITS.has(glued.unit)) return { kind: 'in', minutes: glued.value };
    if (glued && HOUR_UNITS.has(glued.unit) && relative && glued.minutes === null)
      return { kind: 'in', minutes: glued.value * 60 };
    // "15h", "15h30", "15 h", "15 h 30", "15:30"
    if (glued && glued.unit === 'h') return clock(glued.value, glued.minutes ?? 0, tomorrow);
    if (number !== null && next && HOUR_UNITS.has(next)) {
      const after = wholeNumber(words[i + 2]?.text ?? '');
      return clock(number, after !== null && after < 60 ? after : 0, tomorrow);
    }
    const colon = word.split(':');
    if (colon.length === 2) {
      const [h, m] = colon.map(wholeNumber);
      if (h !== null && h !== undefined && m !== null && m !== undefined) {
        const meridiem = next === 'am' || next === 'pm' ? next : null;
        return clock(twelveHour(h, meridiem), m, tomorrow);
      }
    }
    // "3pm", "3:30pm", "3 pm"
    const ampm = word.endsWith('am') || word.endsWith('pm') ? word.slice(-2) : null;
    if (ampm) {
      const body = word.slice(0, -2);
      const [h, m] = body.split(':').map(wholeNumber);
      if (h !== null && h !== undefined) return clock(twelveHour(h, ampm), m ?? 0, tomorrow);
    }
    if (number !== null && (next === 'am' || next === 'pm'))
      return clock(twelveHour(number, next), 0, tomorrow);
  }
  return null;
}

function clock(hour: number, minute: number, tomorrow: boolean): AnswerTime | null {
  if (hour > 23 || minute > 59) return null;
  return { kind: 'clock', hour, minute, tomorrow };
}

function twelveHour(hour: number, meridiem: string | null): number {
  if (meridiem === 'pm' && hour < 12) return hour + 12;
  if (meridiem === 'am' && hour === 12) return 0;
  return hour;
}

/** "15h30" → 15, h, 30; "30min" → 30, min; "2h" → 2, h. */
function splitUnit(word: string): { value: number; unit: string; minutes: number | null } | null {
  let digits = 0;
  while (digits < word.length && isDigit(word[digits] as string)) digits += 1;
  if (digits === 0 || digits > 3 || digits === word.length) return null;
  const value = Number(word.slice(0, digits));
  const tail = word.slice(digits);
  if (tail.startsWith('h') && tail.length > 1) {
    const minutes = wholeNumber(tail.slice(1));
    return minutes !== null ? { value, unit: 'h', minutes } : null;
  }
  return { value, unit: tail, minutes: null };
}

function wholeNumber(text: string): number | null {
  if (text.length === 0 || text.length > 3 || ![...text].every(isDigit)) return null;
  return Number(text);
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** Folded words: lower case, no accents, apostrophes as spaces ("n'avons" → "n", "avons"). */
function wordsOf(input: string): Word[] {
  const words: Word[] = [];
  let current = '';
  for (let i = 0; i <= input.length; i += 1) {
    const c = i < input.length ? fold(input[i] as string) : ' ';
    const inWord =
      (c >= 'a' && c <= 'z') || isDigit(c) || (c === ':' && current !== '' && isDigit(current.at(-1) ?? ''));
    if (inWord) current += c;
    else if (current !== '') {
      words.push({ text: current.endsWith(':') ? current.slice(0, -1) : current, end: i });
      current = '';
    }
  }
  return words;
}

function fold(c: string): string {
  return c
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** The free text after a keyword, without the ":" or "-" that introduced it. */
function trimTail(text: string): string {
  let start = 0;
  while (start < text.length && ' :-–—,.\u00a0\u202f'.includes(text[start] as string)) start += 1;
  return text.slice(start).trim().slice(0, 500);
}

/**
 * The instant a time means, in the pharmacy's clinic's time zone: "15h" said at 17:00 is tomorrow's
 * 15:00 (a pharmacy does not answer about the past); "dans 30 min" is thirty minutes from now.
 */
export function instantOf(time: AnswerTime, now: Date, timeZone: string): Date {
  if (time.kind === 'in') return new Date(now.getTime() + time.minutes * 60_000);
  const local = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone);
  let at = local.with({
    hour: time.hour,
    minute: time.minute,
    second: 0,
    millisecond: 0,
    microsecond: 0,
    nanosecond: 0,
  });
  if (time.tomorrow || Temporal.ZonedDateTime.compare(at, local.subtract({ minutes: 5 })) < 0)
    at = at.add({ days: 1 });
  return new Date(at.epochMilliseconds);
}
