import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import type { SealStep } from '../keys/seal-in-place.ts';

const plainRows = z.array(
  z.object({ id: z.string(), org_id: z.string(), contact_id: z.string(), value: z.string() }),
);

/**
 * Seals one text column of a table whose rows belong to a patient (`org_id`, `contact_id`) with that
 * patient's key, under the purpose `<table>.<column>`: for columns read by value only (no lookup).
 */
export function patientColumnSealStep(table: string, column: string): SealStep {
  const purpose = `${table}.${column}`;
  const name = sql.identifier(table);
  const value = sql.identifier(column);
  return {
    name: purpose,
    run: (db, keyring, { batchSize }) =>
      db.transaction(async (tx) => {
        const rows = plainRows.parse(
          rowsOf(
            await tx.execute(sql`
              select id::text as id, org_id::text as org_id, contact_id::text as contact_id, ${value} as value
              from ${name} where ${value} is not null and ${value} not like 'cl1.%'
              limit ${batchSize} for update skip locked`),
          ),
        );
        for (const orgId of new Set(rows.map((r) => r.org_id))) {
          const ofClinic = rows.filter((r) => r.org_id === orgId);
          const sealers = await keyring.patients(
            tx,
            orgId,
            ofClinic.map((r) => r.contact_id),
          );
          for (const row of ofClinic) {
            const sealer = sealers.get(row.contact_id);
            if (!sealer) continue;
            await tx.execute(
              sql`update ${name} set ${value} = ${sealer.seal(row.value, purpose)} where id = ${row.id}::uuid`,
            );
          }
        }
        return rows.length;
      }),
  };
}
