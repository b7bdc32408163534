import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import type { SealStep } from '../keys/seal-in-place.ts';
import { SEALED_PREFIX } from '../keys/sealed-text.ts';
import { CSAT_COMMENT_PURPOSE } from './flow-effects.ts';

const plainRows = z.array(
  z.object({ id: z.string(), org_id: z.string(), contact_id: z.string(), comment: z.string() }),
);

/** Satisfaction comments an older Careline stored in plain text: sealed with the patient's key. */
export const sealCsatCommentsStep: SealStep = {
  name: 'csat_responses',
  async run(db, keyring, { batchSize }) {
    return db.transaction(async (tx) => {
      const rows = plainRows.parse(
        rowsOf(
          await tx.execute(sql`
            select id, org_id, contact_id, comment from csat_responses
            where comment is not null and left(comment, 4) <> ${SEALED_PREFIX}
            limit ${batchSize}
            for update skip locked`),
        ),
      );
      for (const row of rows) {
        const sealer = await keyring.patient(tx, row.org_id, row.contact_id);
        await tx.execute(sql`
          update csat_responses set comment = ${sealer.seal(row.comment, CSAT_COMMENT_PURPOSE)}
          where id = ${row.id}::uuid`);
      }
      return rows.length;
    });
  },
};
