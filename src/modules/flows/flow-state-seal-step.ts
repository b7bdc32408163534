import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rowsOf } from '../../platform/db/raw-rows.ts';
import type { SealStep } from '../keys/seal-in-place.ts';
import { FLOW_STATE_PURPOSE } from './flow-state-sealing.ts';

const plainRows = z.array(
  z.object({ id: z.string(), org_id: z.string(), contact_id: z.string(), state: z.string() }),
);

/**
 * Flow sessions' state (variables, intake answers) an older Careline stored as plain jsonb: sealed with
 * the patient's key into `state_sealed`, the jsonb column emptied.
 */
export const sealFlowStatesStep: SealStep = {
  name: FLOW_STATE_PURPOSE,
  run: (db, keyring, { batchSize }) =>
    db.transaction(async (tx) => {
      const rows = plainRows.parse(
        rowsOf(
          await tx.execute(sql`
            select id::text as id, org_id::text as org_id, contact_id::text as contact_id, state::text as state
            from flow_sessions where state is not null
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
          if (!sealer) throw new Error('A patient key was not loaded');
          // A JSON null is no state at all: nothing to seal.
          const sealed = row.state === 'null' ? null : sealer.seal(row.state, FLOW_STATE_PURPOSE);
          await tx.execute(
            sql`update flow_sessions set state_sealed = ${sealed}, state = null where id = ${row.id}::uuid`,
          );
        }
      }
      return rows.length;
    }),
};
