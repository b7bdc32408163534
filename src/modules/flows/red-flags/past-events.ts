import type { CompiledLexicon } from './compile-lexicon.ts';
import type { MessageMatcher, PatternMatch } from './match-pattern.ts';
import { PatternSieve } from './pattern-sieve.ts';

/** A past marker reaches a finding across at most this many tokens: « AVC il y a 5 ans », not further. */
const REACH_TOKENS = 6;

/**
 * Which findings a message puts in the past, long over: « j'ai fait un AVC il y a 5 ans », "I had a
 * seizure when I was a child", « antécédent d'infarctus », "my mother died of a stroke". A past marker
 * (the lexicon's `past` wording) right before or after a finding makes it history, unless a clause break
 * or a word that brings the message back to now (« et », « maintenant », "again": the lexicon's
 * `pastStoppers`) stands between them: « AVC il y a 5 ans et là sa bouche est de travers » still flags.
 */
export function findPastEvents(matcher: MessageMatcher, lexicon: CompiledLexicon): PastEvents {
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
  return {
    holds(match: PatternMatch): boolean {
      if (markerStarts.size === 0) return false;
      const first = match.tokenIndexes[0] ?? 0;
      const last = match.tokenIndexes.at(-1) ?? 0;
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
