import { AtomIndex } from './atom-index.ts';
import { classifyMessage, classifyTokens } from './classifier/red-flag-classifier.ts';
import { type CompiledLexicon, type CompiledPattern, compileLexicons } from './compile-lexicon.ts';
import { englishLexicon } from './lexicon.en.ts';
import { frenchLexicon } from './lexicon.fr.ts';
import type { Concept } from './lexicon.schema.ts';
import { MessageMatcher, type PatternMatch } from './match-pattern.ts';
import { isDenied, isHedged } from './negation.ts';
import { composeNumbers } from './number-words.ts';
import { findPastEvents } from './past-events.ts';
import { PatternSieve } from './pattern-sieve.ts';
import { RED_FLAG_CATEGORIES, type RedFlagCategory } from './red-flag-category.ts';
import { RED_FLAG_COMBINATIONS } from './red-flag-combinations.ts';
import { readsAsWithoutHint, type Token, tokenise } from './tokenise.ts';

export interface RedFlagFinding {
  category: RedFlagCategory;
  /** The patient's own words that raised it, as typed; « … » joins the parts of a combination. */
  matched: string;
}

export interface RedFlagScreening {
  flagged: boolean;
  /** One per category, most urgent first (the order of `RED_FLAG_CATEGORIES`). */
  findings: RedFlagFinding[];
}

export interface ScreeningOptions {
  /** The conversation's language, a hint only: both languages are always checked. */
  language?: 'fr' | 'en';
}

const LEXICON = compileLexicons([frenchLexicon, englishLexicon]);
const INDEXES = new WeakMap<CompiledLexicon, AtomIndex>();

/**
 * Never read as history: talk of suicide, past or present, is for a clinician to hear; a baby's age
 * (« né il y a 2 mois ») and a birth (« accouché il y a 3 semaines ») are states, not past events; a farewell
 * is said now, whatever span it thanks for ("thanks for everything you've done for me over the years").
 */
const NEVER_PAST: ReadonlySet<string> = new Set([
  'suicidal_thoughts',
  'young_infant',
  'pregnant',
  'farewell_sign',
  'goodbye_said',
]);

/** Denials that « mais », "but" right after undo: "I'm not suicidal but…" is a disclosure, not a denial. */
const HEDGED_DENIALS: ReadonlySet<string> = new Set(['suicidal_thoughts']);

/**
 * Reads a patient's message for signs of an emergency, in French and in English, as patients type them
 * on a phone (no accents, typos, SMS spelling). A finding directly denied ("pas de douleur thoracique")
 * is not one; anything else that looks like an emergency is, since a bot must never sit on one.
 */
export function screenForRedFlags(text: string, options: ScreeningOptions = {}): RedFlagScreening {
  const tokens = tokenise(text, options);
  const { screening, dismissedSign, ordinaryWording } = readWithLexicon(text, tokens, options);
  // A sign the lexicon read and set aside (denied, long over, an idiom) stays set aside: it is the one
  // reading that understands « je n'ai jamais eu de convulsions ».
  if (screening.flagged || dismissedSign) return screening;
  // The lexicon reads one pattern at a time; patients keep finding wordings no pattern foresaw. A
  // classifier trained on the whole evaluation set reads what the lexicon let through.
  // The classifier reads the message as `tokenise(text)` does: the lexicon's tokens, unless a language
  // hint made them differ.
  const second = classifyTokens(text, readsAsWithoutHint(options) ? tokens : tokenise(text));
  if (second === null) return screening;
  // What carries its finding may be wording the lexicon knows as ordinary (« je ne veux pas mourir »,
  // "my boss will kill me"): without those words, the finding must still stand.
  if (classifyMessage(withoutOrdinaryWording(text, ordinaryWording)) === null) return screening;
  return { flagged: true, findings: [{ category: second.category, matched: second.matched }] };
}

function readWithLexicon(text: string, tokens: readonly Token[], options: ScreeningOptions): LexiconReading {
  const reading = readWithLexiconOnce(LEXICON, text, tokens);
  if (reading.screening.flagged || text.length > TELEGRAPHIC_MAX_LENGTH) return reading;
  // « poitrine. respire plus. aide » : someone in distress types in fragments, and a full stop between
  // them is no clause boundary. A short message is read again as one run of words.
  const joined = text.replace(FRAGMENT_BREAKS, ' ');
  if (joined === text) return reading;
  const again = readWithLexiconOnce(LEXICON, joined, tokenise(joined, options));
  return {
    screening: again.screening,
    dismissedSign: reading.dismissedSign || again.dismissedSign,
    ordinaryWording: reading.ordinaryWording,
  };
}

interface LexiconReading {
  screening: RedFlagScreening;
  /** A whole sign matched and was set aside: denied, told as long over, or part of an exclusion. */
  dismissedSign: boolean;
  /** Where the lexicon read wording it knows to be ordinary (an idiom, an exclusion): [start, end). */
  ordinaryWording: ReadonlyArray<readonly [number, number]>;
}

/** The message with the wording the lexicon knows to be ordinary blanked out. */
function withoutOrdinaryWording(text: string, spans: LexiconReading['ordinaryWording']): string {
  let blanked = text;
  for (const [start, end] of spans)
    blanked = blanked.slice(0, start) + ' '.repeat(end - start) + blanked.slice(end);
  return blanked;
}

/** Messages up to this long are short enough to read as telegraphic fragments. */
const TELEGRAPHIC_MAX_LENGTH = 80;
const FRAGMENT_BREAKS = /[.;:!?…]+/g;

/** The same screening with another lexicon (a clinic's additions, tests). */
export function screenWithLexicon(
  lexicon: CompiledLexicon,
  text: string,
  options: ScreeningOptions = {},
): RedFlagScreening {
  return readWithLexiconOnce(lexicon, text, tokenise(text, options)).screening;
}

/** `typed`: the text's tokens (`tokenise`), before numbers said in words are composed. */
function readWithLexiconOnce(
  lexicon: CompiledLexicon,
  text: string,
  typed: readonly Token[],
): LexiconReading {
  // « trente-huit », "thirty nine point eight": a number said in words is one number, as if typed.
  const tokens = composeNumbers(typed, lexicon.words);
  const matcher = new MessageMatcher(tokens, lexicon, indexOf(lexicon));
  const excluded = new Set<number>();
  for (const index of PatternSieve.of(lexicon.exclusions, (pattern) => pattern).candidates(matcher)) {
    const pattern = lexicon.exclusions[index];
    if (pattern === undefined) continue;
    for (const match of matcher.matches(pattern)) for (const at of match.tokenIndexes) excluded.add(at);
  }
  // Exclusions of one concept only (« 7 wks pregnant » is no baby's age).
  const excludedForConcept = new Map<string, Set<number>>();
  const conceptExclusions = lexicon.conceptExclusions;
  for (const index of PatternSieve.of(conceptExclusions, (entry) => entry.pattern).candidates(matcher)) {
    const entry = conceptExclusions[index];
    if (entry === undefined) continue;
    const { concept, pattern } = entry;
    for (const match of matcher.matches(pattern)) {
      const set = excludedForConcept.get(concept) ?? new Set<number>();
      for (const at of match.tokenIndexes) set.add(at);
      excludedForConcept.set(concept, set);
    }
  }
  // A category's dismissals anywhere in the message (« pas de cloque » for a burn of the hand).
  const dismissedCategories = new Set<string>();
  for (const index of PatternSieve.of(lexicon.dismissals, (entry) => entry.pattern).candidates(matcher)) {
    const entry = lexicon.dismissals[index];
    if (entry !== undefined && matcher.matches(entry.pattern).length > 0)
      dismissedCategories.add(entry.category);
  }
  // Wording the lexicon knows to be ordinary (an idiom, « 7 wks pregnant »): the message was understood.
  let dismissedSign = excludedForConcept.size > 0;
  const past = findPastEvents(matcher, lexicon, text);
  const earliest = <K extends string>(
    entries: ReadonlyArray<{ key: K; pattern: CompiledPattern }>,
    onDismissed: () => void = () => {},
  ) =>
    earliestStandingMatches(entries, matcher, excluded, excludedForConcept, {
      onDismissed,
      isPast: (key, match, pattern) =>
        (pattern.dismissible && dismissedCategories.has(key)) ||
        (NEVER_PAST.has(key) && !pattern.pastApplies ? false : past.holds(match)),
      isDenied: (key, match) =>
        isDenied(matcher.tokens, firstIndex(match), lexicon.words) &&
        !(HEDGED_DENIALS.has(key) && isHedged(matcher.tokens, lastIndex(match), lexicon.words)),
    });
  const quote = (match: PatternMatch): string => {
    const first = tokens[firstIndex(match)];
    const last = tokens[match.tokenIndexes.at(-1) ?? 0];
    return first === undefined || last === undefined ? '' : text.slice(first.start, last.end);
  };

  const found = new Map<RedFlagCategory, { at: number; matched: string }>();
  const { categoryEntries, conceptEntries } = entriesOf(lexicon);
  const categoryMatches = earliest(categoryEntries, () => {
    dismissedSign = true;
  });
  for (const [category, match] of categoryMatches) {
    found.set(category, { at: firstIndex(match), matched: quote(match) });
  }
  const conceptMatches = earliest(conceptEntries);
  for (const combination of RED_FLAG_COMBINATIONS) {
    // Most messages hold no combination: no list is built for them.
    if (!combination.all.every((concept) => conceptMatches.has(concept))) continue;
    const parts = combination.all.flatMap((concept) => conceptMatches.get(concept) ?? []);
    parts.sort((a, b) => firstIndex(a) - firstIndex(b));
    const at = firstIndex(parts[0]);
    const known = found.get(combination.category);
    if (known === undefined || at < known.at) {
      found.set(combination.category, { at, matched: parts.map(quote).join(' … ') });
    }
  }

  const findings = RED_FLAG_CATEGORIES.flatMap((category) => {
    const finding = found.get(category);
    return finding === undefined ? [] : [{ category, matched: finding.matched }];
  });
  const ordinaryWording = [...excluded].flatMap((index) => {
    const token = tokens[index];
    return token === undefined ? [] : [[token.start, token.end] as const];
  });
  return { screening: { flagged: findings.length > 0, findings }, dismissedSign, ordinaryWording };
}

/**
 * For each key (a category, a concept), its earliest match that is not on excluded words, not told as a
 * past event and not denied. A match that starts inside a denied one of the same key is denied too: in « pas
 * d'idées suicidaires », « suicidaires » alone is no finding, and in "no pain in the chest really, more burning
 * up my throat" the chest read again with the burning is still the chest denied.
 */
function earliestStandingMatches<K extends string>(
  entries: Entries<K>,
  matcher: MessageMatcher,
  excluded: ReadonlySet<number>,
  excludedForKey: ReadonlyMap<string, ReadonlySet<number>>,
  reading: {
    isPast: (key: K, match: PatternMatch, pattern: CompiledPattern) => boolean;
    isDenied: (key: K, match: PatternMatch) => boolean;
    onDismissed: () => void;
  },
): Map<K, PatternMatch> {
  const candidates: Array<{ key: K; match: PatternMatch; denied: boolean }> = [];
  for (const index of PatternSieve.of(entries, (entry) => entry.pattern).candidates(matcher)) {
    const entry = entries[index];
    if (entry === undefined) continue;
    const { key, pattern } = entry;
    for (const match of matcher.matches(pattern)) {
      const excludedHere = excludedForKey.get(key);
      if (
        match.tokenIndexes.some((index) => excluded.has(index) || excludedHere?.has(index) === true) ||
        reading.isPast(key, match, pattern)
      ) {
        reading.onDismissed();
        continue;
      }
      const denied = pattern.negatable && reading.isDenied(key, match);
      if (denied) reading.onDismissed();
      candidates.push({ key, match, denied });
    }
  }
  if (candidates.length === 0) return new Map();
  const denied = new DeniedSpans(candidates.filter((c) => c.denied));
  const earliest = new Map<K, PatternMatch>();
  for (const { key, match, denied: isDenied } of candidates) {
    if (isDenied) continue;
    const known = earliest.get(key);
    if (known !== undefined && firstIndex(known) <= firstIndex(match)) continue;
    if (!denied.covers(key, match)) earliest.set(key, match);
  }
  return earliest;
}

/** Denied matches by key, to tell in O(log n) whether a match starts inside one of them (no quadratic scan). */
class DeniedSpans<K> {
  readonly #byKey = new Map<K, { firsts: number[]; reach: number[] }>();

  constructor(spans: ReadonlyArray<{ key: K; match: PatternMatch }>) {
    const sorted = [...spans].sort((a, b) => firstIndex(a.match) - firstIndex(b.match));
    for (const { key, match } of sorted) {
      let spansOfKey = this.#byKey.get(key);
      if (spansOfKey === undefined) {
        spansOfKey = { firsts: [], reach: [] };
        this.#byKey.set(key, spansOfKey);
      }
      // reach[i]: the furthest last token among the first i + 1 spans.
      spansOfKey.firsts.push(firstIndex(match));
      spansOfKey.reach.push(Math.max(spansOfKey.reach.at(-1) ?? -1, lastIndex(match)));
    }
  }

  covers(key: K, match: PatternMatch): boolean {
    const spans = this.#byKey.get(key);
    if (spans === undefined) return false;
    let low = 0;
    let high = spans.firsts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((spans.firsts[middle] ?? 0) <= firstIndex(match)) low = middle + 1;
      else high = middle;
    }
    return low > 0 && (spans.reach[low - 1] ?? -1) >= firstIndex(match);
  }
}

type Entries<K> = ReadonlyArray<{ key: K; pattern: CompiledPattern }>;
const ENTRIES = new WeakMap<
  CompiledLexicon,
  { categoryEntries: Entries<RedFlagCategory>; conceptEntries: Entries<Concept> }
>();

/** The lexicon's patterns keyed by what they find, built once per lexicon rather than per message. */
function entriesOf(lexicon: CompiledLexicon) {
  let entries = ENTRIES.get(lexicon);
  if (entries === undefined) {
    entries = {
      categoryEntries: lexicon.categories.map(({ category, pattern }) => ({ key: category, pattern })),
      conceptEntries: lexicon.concepts.map(({ concept, pattern }) => ({ key: concept, pattern })),
    };
    ENTRIES.set(lexicon, entries);
  }
  return entries;
}

function indexOf(lexicon: CompiledLexicon): AtomIndex {
  let index = INDEXES.get(lexicon);
  if (index === undefined) {
    index = new AtomIndex(lexicon);
    INDEXES.set(lexicon, index);
  }
  return index;
}

function firstIndex(match: PatternMatch | undefined): number {
  return match?.tokenIndexes[0] ?? 0;
}

function lastIndex(match: PatternMatch): number {
  return match.tokenIndexes.at(-1) ?? 0;
}
