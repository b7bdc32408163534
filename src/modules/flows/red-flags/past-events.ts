import type { CompiledLexicon } from './compile-lexicon.ts';
import type { MessageMatcher, PatternMatch } from './match-pattern.ts';
import { PatternSieve } from './pattern-sieve.ts';
import type { Token } from './tokenise.ts';

/** A past marker reaches a finding across at most this many tokens: « AVC il y a 5 ans », not further. */
const REACH_TOKENS = 6;

/**
 * Which findings a message puts in the past, long over: « j'ai fait un AVC il y a 5 ans », "I had a
 * seizure when I was a child", « antécédent d'infarctus », "my mother died of a stroke". A past marker
 * (the lexicon's `past` wording) right before or after a finding makes it history, unless a clause break
 * or a word that brings the message back to now (« et », « maintenant », "again": the lexicon's
 * `pastStoppers`) stands between them: « AVC il y a 5 ans et là sa bouche est de travers » still flags.
 */
export function findPastEvents(matcher: MessageMatcher, lexicon: CompiledLexicon, text = ''): PastEvents {
  const { tokens, words } = matcher;
  const markerEnds = new Set<number>();
  const markerStarts = new Set<number>();
  for (const index of PatternSieve.of(lexicon.past, (pattern) => pattern).candidates(matcher)) {
    const pattern = lexicon.past[index];
    if (pattern === undefined) continue;
    for (const { tokenIndexes } of matcher.matches(pattern)) {
      markerStarts.add(tokenIndexes[0] ?? 0);
      markerEnds.add(tokenIndexes.at(-1) ?? 0);
    }
  }
  const stops = (at: number): boolean => {
    const token = tokens[at];
    return (
      token === undefined ||
      token.kind === 'break' ||
      words.clauseBreakers.has(token.text) ||
      words.pastStoppers.has(token.text)
    );
  };
  const frames = framesOf(matcher, lexicon);
  // A quotation is read as one piece: what « la notice » or a letter "lists" in quotes is all quoted, list
  // commas and all (« parle de « gonflement du visage, difficultés respiratoires » »).
  const quoteOpening = quotationOpenings(tokens, text);
  const framed = (first: number, last: number): boolean =>
    frames.some(({ beforeEnds, afterStarts, reach }) => {
      let before = false;
      for (let at = first - 1; at >= 0 && at >= first - reach; at -= 1) {
        if (beforeEnds.has(at)) {
          before = true;
          break;
        }
        if (stops(at)) break;
      }
      if (!before) return false;
      if (afterStarts === undefined) return true;
      for (let at = last + 1; at < tokens.length && at <= last + reach; at += 1) {
        if (afterStarts.has(at)) return true;
        if (stops(at)) return false;
      }
      return false;
    });
  return {
    holds(match: PatternMatch): boolean {
      const last = match.tokenIndexes.at(-1) ?? 0;
      const first = quoteOpening.get(match.tokenIndexes[0] ?? 0) ?? match.tokenIndexes[0] ?? 0;
      if (frames.length > 0 && framed(first, last)) return true;
      if (markerStarts.size === 0) return false;
      let reach = first - REACH_TOKENS;
      for (let at = first - 1; at >= 0 && at >= reach; at -= 1) {
        if (markerEnds.has(at)) return true;
        if (stops(at)) break;
        // « arrêter si les lèvres gonflent ou si on a du mal à respirer »: « ou », "or" carries the marker on to the
        // next sign of a list, as it carries a denial.
        if (words.coordinators.has(tokens[at]?.text ?? '')) reach = Math.min(reach, at - REACH_TOKENS);
      }
      for (let at = last + 1; at < tokens.length && at <= last + REACH_TOKENS; at += 1) {
        if (markerStarts.has(at)) return true;
        // « l'AVC de mon père, c'était il y a deux ans »: a clause that only dates what was just named.
        if (tokens[at]?.kind === 'break' && words.pastResumers.has(tokens[at + 1]?.text ?? '')) continue;
        if (stops(at)) break;
      }
      return false;
    },
  };
}

export interface PastEvents {
  /** Whether this finding is told as a past event, long over. */
  holds(match: PatternMatch): boolean;
}

/** For each frame of the lexicon found in the message, where its words before end and its words after start. */
function framesOf(
  matcher: MessageMatcher,
  lexicon: CompiledLexicon,
): Array<{ beforeEnds: Set<number>; afterStarts?: Set<number>; reach: number }> {
  const found: Array<{ beforeEnds: Set<number>; afterStarts?: Set<number>; reach: number }> = [];
  // Most messages hold no frame's first words: the sieve skips those frames without matching them.
  for (const index of PatternSieve.of(lexicon.pastFrames, (frame) => frame.before).candidates(matcher)) {
    const frame = lexicon.pastFrames[index];
    if (frame === undefined) continue;
    const beforeEnds = new Set<number>();
    for (const { tokenIndexes } of matcher.matches(frame.before)) beforeEnds.add(tokenIndexes.at(-1) ?? 0);
    if (beforeEnds.size === 0) continue;
    if (frame.after === undefined) {
      found.push({ beforeEnds, reach: frame.reach });
      continue;
    }
    const afterStarts = new Set<number>();
    for (const { tokenIndexes } of matcher.matches(frame.after)) afterStarts.add(tokenIndexes[0] ?? 0);
    if (afterStarts.size > 0) found.push({ beforeEnds, afterStarts, reach: frame.reach });
  }
  return found;
}

const OPENING_QUOTES = new Set(['«', '“', '„']);
const CLOSING_QUOTES = new Set(['»', '”']);

/**
 * For each token inside a quotation (straight double quotes paired in order, « », “ ”), the index of the
 * quotation's first token: a marker right before the quotation reaches every finding in it.
 */
function quotationOpenings(tokens: readonly Token[], text: string): Map<number, number> {
  const openings = new Map<number, number>();
  if (text === '' || !/["«“„]/.test(text)) return openings;
  const spans: Array<[number, number]> = [];
  let open: number | undefined;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at] ?? '';
    if (open === undefined && (OPENING_QUOTES.has(char) || char === '"')) open = at;
    else if (open !== undefined && (CLOSING_QUOTES.has(char) || char === '"')) {
      spans.push([open, at]);
      open = undefined;
    }
  }
  for (const [start, end] of spans) {
    let first: number | undefined;
    tokens.forEach((token, index) => {
      if (token.start <= start || token.end > end) return;
      first ??= index;
      openings.set(index, first);
    });
  }
  return openings;
}
