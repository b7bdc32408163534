/**
 * The plain-text marks around matched words in a snippet: ⟦fièvre⟧. French text is full of « », so
 * guillemets would be ambiguous; these brackets are removed from the message text itself.
 */
export const MATCH_START = '⟦';
export const MATCH_END = '⟧';

/** What ts_headline puts around matches; the snippet's marks are added afterwards. */
export const HEADLINE_START = '\u0001';
export const HEADLINE_END = '\u0002';

const BEFORE_CHARS = 60;
const SNIPPET_CHARS = 200;

/**
 * A short excerpt of `text` around its first match, matched words marked. `headline` is ts_headline
 * of the unaccented text with every match marked (HighlightAll): it says which words matched,
 * stemming included ("fièvres" matched "fièvre"). Those words are then found in the original text, so
 * the snippet keeps its accents, ligatures and guillemets, which unaccent changed.
 */
export function searchSnippet(text: string, headline: string): string {
  const matched = matchedWords(headline);
  return snippetOf(text, (word) => matched.has(foldWord(word)));
}

/**
 * A short excerpt of `text` around its first matched word, matched words marked; `isMatch` says which
 * words of the text matched the query (it gets each word as written).
 */
export function snippetOf(text: string, isMatch: (word: string) => boolean): string {
  const clean = text.replaceAll(MATCH_START, '[').replaceAll(MATCH_END, ']');
  const words = [...clean.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    matched: isMatch(m[0]),
  }));
  const first = words.find((w) => w.matched);
  let from = first ? Math.max(0, first.start - BEFORE_CHARS) : 0;
  if (from > 0) from = words.find((w) => w.start >= from)?.start ?? from;
  let to = Math.min(clean.length, from + SNIPPET_CHARS);
  if (to < clean.length) to = Math.max(...words.filter((w) => w.end <= to).map((w) => w.end), from + 1);

  let snippet = '';
  let at = from;
  for (const word of words) {
    if (!word.matched || word.start < from || word.end > to) continue;
    snippet += `${clean.slice(at, word.start)}${MATCH_START}${clean.slice(word.start, word.end)}${MATCH_END}`;
    at = word.end;
  }
  snippet += clean.slice(at, to);
  snippet = snippet.replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '… ' : ''}${snippet}${to < clean.length ? ' …' : ''}`;
}

/** The matched words of the headline, folded, and the parts of hyphenated ones. */
function matchedWords(headline: string): Set<string> {
  const words = new Set<string>();
  const pattern = new RegExp(`${HEADLINE_START}([^${HEADLINE_END}]*)${HEADLINE_END}`, 'gu');
  for (const [, marked = ''] of headline.matchAll(pattern)) {
    for (const part of marked.match(/[\p{L}\p{N}]+/gu) ?? []) words.add(foldWord(part));
  }
  return words;
}

/** Close to careline_unaccent + lower for words: accents off, ligatures spelled out. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('œ', 'oe')
    .replaceAll('æ', 'ae')
    .replaceAll('ß', 'ss');
}
