import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import type { SealStep } from '../keys/seal-in-place.ts';
import { SEALED_PREFIX } from '../keys/sealed-text.ts';
import { sealMessageParts } from './message-sealing.ts';

const plainRows = z.array(
  z.object({
    id: z.string(),
    org_id: z.string(),
    contact_id: z.string(),
    text: z.string().nullable(),
    content: z.record(z.string(), z.unknown()).nullable(),
  }),
);

// The predicate of messages_unsealed_idx, character for character, so each batch reads the index.
const STILL_PLAIN = sql.raw(
  `m.content_sealed IS NULL AND (m.content IS NOT NULL OR (m.text IS NOT NULL AND left(m.text, 4) <> '${SEALED_PREFIX}'))`,
);

/**
 * Messages an older Careline stored in plain text (text, content, edits, captions): sealed with their
 * patient's key, their words put in the blind index. Rows are locked while a batch seals them (another
 * runner skips them), so an edit arriving meanwhile waits and is not overwritten.
 */
export const sealMessagesStep: SealStep = {
  name: 'messages',
  async run(db, keyring, { batchSize }) {
    return db.transaction(async (tx) => {
      const rows = plainRows.parse(
        rowsOf(
          await tx.execute(sql`
            select m.id, m.org_id, c.contact_id, m.text, m.content
            from messages m join conversations c on c.id = m.conversation_id
            where ${STILL_PLAIN}
            order by m.seq
            limit ${batchSize}
            for update of m skip locked`),
        ),
      );
      if (rows.length === 0) return 0;
      const sealed = await sealMessageParts(
        tx,
        keyring,
        rows.map((r) => ({
          orgId: r.org_id,
          contactId: r.contact_id,
          text: isSealed(r.text) ? null : r.text,
          content: r.content,
        })),
      );
      await updateSealed(
        tx,
        rows.map((r, i) => {
          const parts = sealed[i];
          if (!parts) throw new Error('A message was not sealed');
          // A text already sealed (and indexed) beside plain content: both kept as they are.
          return isSealed(r.text)
            ? { id: r.id, text: r.text, contentSealed: parts.contentSealed, searchTerms: null }
            : {
                id: r.id,
                text: parts.text,
                contentSealed: parts.contentSealed,
                searchTerms: parts.searchTerms,
              };
        }),
      );
      return rows.length;
    });
  },
};

async function updateSealed(
  tx: DbOrTx,
  rows: Array<{
    id: string;
    text: string | null;
    contentSealed: string | null;
    searchTerms: bigint[] | null;
  }>,
): Promise<void> {
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.id}::uuid, ${r.text}::text, ${r.contentSealed}::text, ${r.searchTerms ? `{${r.searchTerms.join(',')}}` : null}::bigint[])`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    update messages set text = v.text, content = null, content_sealed = v.content_sealed,
      search_terms = coalesce(v.search_terms, messages.search_terms)
    from (values ${values}) as v(id, text, content_sealed, search_terms)
    where messages.id = v.id`);
}

function isSealed(text: string | null): boolean {
  return text?.startsWith(SEALED_PREFIX) ?? false;
}
