import type { DbOrTx } from '../../platform/db/db.ts';
import { stemsOf, wordHashTexts } from '../inbox/message-terms.ts';
import type { BlindIndex } from '../keys/keyring.ts';
import { foldWord } from './search-snippet.ts';

/** One term of a message search: a word, or a quoted phrase whose words must all be there. */
export interface QueryTerm {
  fr: string[];
  en: string[];
}

/** What a message search asks for, stemmed: every required term, none of the excluded ones. */
export interface MessageQuery {
  required: QueryTerm[];
  excluded: QueryTerm[];
}

export interface HashedTerm {
  fr: string[];
  en: string[];
}

export interface HashedQuery {
  required: HashedTerm[];
  excluded: HashedTerm[];
}

const MAX_TERMS = 16;

/**
 * Reads a query as web search engines do: words, "quoted phrases" (their words, all required; word
 * order is not checked), and -word to exclude. Each term is stemmed by PostgreSQL as the messages
 * were (French and English); a term that is a stop word in either language is ignored, as French
 * full-text search ignored stop words.
 */
export async function parseMessageQuery(db: DbOrTx, q: string): Promise<MessageQuery> {
  const raw = [...q.matchAll(/(-?)"([^"]*)"?|(-?)([^\s"]+)/gu)]
    .map((m) => ({ excluded: (m[1] ?? m[3]) === '-', text: m[2] ?? m[4] ?? '' }))
    .filter((t) => t.text.trim() !== '')
    .slice(0, MAX_TERMS);
  const stems = await stemsOf(
    db,
    raw.map((t) => t.text),
  );
  const query: MessageQuery = { required: [], excluded: [] };
  raw.forEach((term, i) => {
    const stem = stems[i];
    if (!stem || stem.fr.length === 0 || stem.en.length === 0) return;
    (term.excluded ? query.excluded : query.required).push(stem);
  });
  return query;
}

/** The query's stems as the clinic's blind-index hashes. */
export function hashedQuery(index: BlindIndex, query: MessageQuery): HashedQuery {
  const hashed = (term: QueryTerm) => ({
    fr: wordHashTexts(index, term.fr),
    en: wordHashTexts(index, term.en),
  });
  return { required: query.required.map(hashed), excluded: query.excluded.map(hashed) };
}

/**
 * Which words of the found texts matched the query, for the snippets: each distinct word is stemmed
 * (one query for all) and matches when one of its stems is one of the required terms'. Answers a test
 * of a word as written.
 */
export async function matchedWordsOf(
  db: DbOrTx,
  query: MessageQuery,
  texts: readonly string[],
): Promise<(word: string) => boolean> {
  const wanted = new Set(query.required.flatMap((t) => [...t.fr, ...t.en]));
  const words = [...new Set(texts.flatMap((t) => (t.match(/[\p{L}\p{N}]+/gu) ?? []).map(foldWord)))];
  const stems = await stemsOf(db, words);
  const matched = new Set(
    words.filter((_, i) => {
      const stem = stems[i];
      return stem !== undefined && [...stem.fr, ...stem.en].some((s) => wanted.has(s));
    }),
  );
  return (word) => matched.has(foldWord(word));
}
