import { sql } from 'drizzle-orm';
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
  if (texts.length === 0) return [];
  if (texts.every((t) => t.trim() === '')) return texts.map(() => ({ fr: [], en: [] }));
  const result = await db.execute(sql`
    select t.n,
      tsvector_to_array(to_tsvector('french', careline_unaccent(t.body))) as fr,
      tsvector_to_array(to_tsvector('english', careline_unaccent(t.body))) as en
    from jsonb_array_elements_text(${JSON.stringify(texts)}::jsonb) with ordinality as t(body, n)`);
  const stems = texts.map(() => ({ fr: [] as string[], en: [] as string[] }));
  for (const row of lexemeRows.parse(rowsOf(result))) stems[row.n - 1] = { fr: row.fr, en: row.en };
  return stems;
}

/** The blind-index terms of stems, as stored in messages.search_terms. */
export function wordHashes(index: BlindIndex, lexemes: readonly string[]): bigint[] {
  return [...new Set(lexemes.map((lexeme) => index.hash(WORD_DOMAIN, lexeme)))].map((h) => BigInt(h));
}

/** The same hashes as decimal text, for query parameters. */
export function wordHashTexts(index: BlindIndex, lexemes: readonly string[]): string[] {
  return [...new Set(lexemes.map((lexeme) => index.hash(WORD_DOMAIN, lexeme)))];
}
