import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import type { SealStep } from '../keys/seal-in-place.ts';
import { SEALED_PREFIX } from '../keys/sealed-text.ts';
import { MEDIA_FILE_NAME_PURPOSE } from './media-file-name.ts';

const plainRows = z.array(
  z.object({ id: z.string(), org_id: z.string(), contact_id: z.string().nullable(), file_name: z.string() }),
);

/**
 * File names an older Careline stored in plain text: a patient's file (linked to their message) with
 * their key, an upload of the staff with the clinic's.
 */
export const sealMediaFileNamesStep: SealStep = {
  name: 'media_files',
  async run(db, keyring, { batchSize }) {
    return db.transaction(async (tx) => {
      const rows = plainRows.parse(
        rowsOf(
          await tx.execute(sql`
            select f.id, f.org_id, c.contact_id, f.file_name
            from media_files f
              left join messages m on m.id = f.message_id
              left join conversations c on c.id = m.conversation_id
            where f.file_name is not null and left(f.file_name, 4) <> ${SEALED_PREFIX}
            limit ${batchSize}
            for update of f skip locked`),
        ),
      );
      for (const row of rows) {
        const sealer = row.contact_id
          ? await keyring.patient(tx, row.org_id, row.contact_id)
          : await keyring.clinic(tx, row.org_id);
        await tx.execute(sql`
          update media_files set file_name = ${sealer.seal(row.file_name, MEDIA_FILE_NAME_PURPOSE)}
          where id = ${row.id}::uuid`);
      }
      return rows.length;
    });
  },
};
