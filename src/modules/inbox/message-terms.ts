import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import type { BlindIndex } from '../keys/keyring.ts';

/**
 * The blind index of message text. PostgreSQL stems the words (French and English snowball, accents
 * and case ignored, stop words dropped, as the full-text index did); the text passes through its memory
 * and is never stored. Each stem is then hashed with the clinic's blind-index key, so the column holds
 * numbers that mean nothing without that key, and the same word in two clinics never matches.
 */
const WORD_DOMAIN = 'word';

const lexemeRows = z.array(
  z.object({ n: z.coerce.number(), fr: z.array(z.string()), en: z.array(z.string()) }),
);

/** Each text's French and English stems, de-duplicated, in one query for the batch. */
export async function lexemesOfTexts(db: DbOrTx, texts: readonly string[]): Promise<string[][]> {
  const stems = await stemsOf(db, texts);
  return stems.map(({ fr, en }) => [...new Set([...fr, ...en])]);
}

/** Each text's French and English stems, apart. */
export async function stemsOf(
  db: DbOrTx,
  texts: readonly string[],
): Promise<Array<{ fr: string[]; en: string[] }>> {
  const stems: Array<Stems | undefined> = texts.map((t) => (t.trim() === '' ? NO_STEMS : wordStems.get(t)));
  const missing = [...new Set(texts.filter((_, i) => stems[i] === undefined))];
  if (missing.length > 0) {
    const result = await db.execute(sql`
      select t.n,
        tsvector_to_array(to_tsvector('french', careline_unaccent(t.body))) as fr,
        tsvector_to_array(to_tsvector('english', careline_unaccent(t.body))) as en
      from jsonb_array_elements_text(${JSON.stringify(missing)}::jsonb) with ordinality as t(body, n)`);
    const found = new Map<string, Stems>();
    for (const row of lexemeRows.parse(rowsOf(result))) {
      const text = missing[row.n - 1];
      if (text === undefined) continue;
      found.set(text, { fr: row.fr, en: row.en });
      if (isWord(text)) wordStems.set(text, { fr: row.fr, en: row.en });
    }
    texts.forEach((text, i) => {
      stems[i] ??= found.get(text) ?? NO_STEMS;
    });
  }
  return stems.map((s) => s ?? NO_STEMS);
}

interface Stems {
  fr: string[];
  en: string[];
}

const NO_STEMS: Stems = { fr: [], en: [] };

/**
 * Stems of single words (search queries, the words of found messages whose matches are highlighted):
 * kept in memory so a search usually costs no stemming round trip. Whole texts are never kept.
 */
const wordStems = new LRUCache<string, Stems>({ max: 50_000 });

function isWord(text: string): boolean {
  return text.length <= 40 && /^[\p{L}\p{N}'’-]+$/u.test(text);
}

/** The blind-index terms of stems, as stored in messages.search_terms. */
export function wordHashes(index: BlindIndex, lexemes: readonly string[]): bigint[] {
  return [...new Set(lexemes.map((lexeme) => index.hash(WORD_DOMAIN, lexeme)))].map((h) => BigInt(h));
}

/** The same hashes as decimal text, for query parameters. */
export function wordHashTexts(index: BlindIndex, lexemes: readonly string[]): string[] {
  return [...new Set(lexemes.map((lexeme) => index.hash(WORD_DOMAIN, lexeme)))];
}
