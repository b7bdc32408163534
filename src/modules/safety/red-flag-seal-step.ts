import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import type { SealStep } from '../keys/seal-in-place.ts';
import { SEALED_PREFIX } from '../keys/sealed-text.ts';
import { RED_FLAG_WORDS_PURPOSE } from './red-flag-words.ts';

const plainRows = z.array(
  z.object({ id: z.string(), org_id: z.string(), contact_id: z.string(), words: z.string() }),
);

/** Red flags an older Careline recorded with the patient's words in plain text: sealed with their key. */
export const sealRedFlagWordsStep: SealStep = {
  name: 'red_flag_events',
  async run(db, keyring, { batchSize }) {
    return db.transaction(async (tx) => {
      const rows = plainRows.parse(
        rowsOf(
          await tx.execute(sql`
            select id, org_id, contact_id, words from red_flag_events
            where left(words, 4) <> ${SEALED_PREFIX}
            order by raised_at
            limit ${batchSize}
            for update skip locked`),
        ),
      );
      if (rows.length === 0) return 0;
      const byOrg = new Map<string, typeof rows>();
      for (const row of rows) byOrg.set(row.org_id, [...(byOrg.get(row.org_id) ?? []), row]);
      const sealed: Array<{ id: string; words: string }> = [];
      for (const [orgId, group] of byOrg) {
        const sealers = await keyring.patients(
          tx,
          orgId,
          group.map((r) => r.contact_id),
        );
        for (const row of group) {
          const sealer = sealers.get(row.contact_id);
          if (sealer) sealed.push({ id: row.id, words: sealer.seal(row.words, RED_FLAG_WORDS_PURPOSE) });
        }
      }
      const values = sql.join(
        sealed.map((s) => sql`(${s.id}::uuid, ${s.words}::text)`),
        sql`, `,
      );
      await tx.execute(sql`
        update red_flag_events set words = v.words from (values ${values}) as v(id, words)
        where red_flag_events.id = v.id`);
      return rows.length;
    });
  },
};
