import {
  type CompiledLexicon,
  type CompiledPattern,
  compileLexicons,
  type LexiconWords,
} from './compile-lexicon.ts';
import { englishLexicon } from './lexicon.en.ts';
import { frenchLexicon } from './lexicon.fr.ts';
import { MessageMatcher, type PatternMatch } from './match-pattern.ts';
import { isDenied } from './negation.ts';
import { RED_FLAG_CATEGORIES, type RedFlagCategory } from './red-flag-category.ts';
import { RED_FLAG_COMBINATIONS } from './red-flag-combinations.ts';
import { tokenise } from './tokenise.ts';

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

/**
 * Reads a patient's message for signs of an emergency, in French and in English, as patients type them
 * on a phone (no accents, typos, SMS spelling). A finding directly denied ("pas de douleur thoracique")
 * is not one; anything else that looks like an emergency is, since a bot must never sit on one.
 */
export function screenForRedFlags(text: string, options: ScreeningOptions = {}): RedFlagScreening {
  return screenWithLexicon(LEXICON, text, options);
}

/** The same screening with another lexicon (a clinic's additions, tests). */
export function screenWithLexicon(
  lexicon: CompiledLexicon,
  text: string,
  options: ScreeningOptions = {},
): RedFlagScreening {
  const tokens = tokenise(text, options);
  const matcher = new MessageMatcher(tokens, lexicon);
  const excluded = new Set(
    lexicon.exclusions.flatMap((p) => matcher.matches(p).flatMap((m) => m.tokenIndexes)),
  );
  const earliest = <K>(entries: ReadonlyArray<{ key: K; pattern: CompiledPattern }>) =>
    earliestStandingMatches(entries, matcher, excluded, lexicon.words);
  const quote = (match: PatternMatch): string => {
    const first = tokens[firstIndex(match)];
    const last = tokens[match.tokenIndexes.at(-1) ?? 0];
    return first === undefined || last === undefined ? '' : text.slice(first.start, last.end);
  };

  const found = new Map<RedFlagCategory, { at: number; matched: string }>();
  const categoryMatches = earliest(
    lexicon.categories.map(({ category, pattern }) => ({ key: category, pattern })),
  );
  for (const [category, match] of categoryMatches) {
    found.set(category, { at: firstIndex(match), matched: quote(match) });
  }
  const conceptMatches = earliest(
    lexicon.concepts.map(({ concept, pattern }) => ({ key: concept, pattern })),
  );
  for (const combination of RED_FLAG_COMBINATIONS) {
    const parts = combination.all.flatMap((concept) => conceptMatches.get(concept) ?? []);
    if (parts.length < combination.all.length) continue;
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
  return { flagged: findings.length > 0, findings };
}

/**
 * For each key (a category, a concept), its earliest match that is not on excluded words and not
 * denied. A match inside a denied one of the same key is denied too: in « pas d'idées suicidaires »,
 * « suicidaires » alone is no finding.
 */
function earliestStandingMatches<K>(
  entries: ReadonlyArray<{ key: K; pattern: CompiledPattern }>,
  matcher: MessageMatcher,
  excluded: ReadonlySet<number>,
  words: LexiconWords,
): Map<K, PatternMatch> {
  const candidates = entries.flatMap(({ key, pattern }) =>
    matcher
      .matches(pattern)
      .filter((match) => !match.tokenIndexes.some((index) => excluded.has(index)))
      .map((match) => ({
        key,
        match,
        denied: pattern.negatable && isDenied(matcher.tokens, firstIndex(match), words),
      })),
  );
  const deniedSpans = candidates.filter((c) => c.denied);
  const earliest = new Map<K, PatternMatch>();
  for (const { key, match, denied } of candidates) {
    if (denied) continue;
    const inside = deniedSpans.some(
      (other) =>
        other.key === key &&
        firstIndex(other.match) <= firstIndex(match) &&
        lastIndex(match) <= lastIndex(other.match),
    );
    const known = earliest.get(key);
    if (!inside && (known === undefined || firstIndex(match) < firstIndex(known))) earliest.set(key, match);
  }
  return earliest;
}

function firstIndex(match: PatternMatch | undefined): number {
  return match?.tokenIndexes[0] ?? 0;
}

function lastIndex(match: PatternMatch): number {
  return match.tokenIndexes.at(-1) ?? 0;
}
