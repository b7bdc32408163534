import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { FlowSession } from './engine/index.ts';
import type { FlowSessionRow } from './flow.schema.ts';

export const FLOW_STATE_PURPOSE = 'flow_sessions.state';

/** The state as stored: the whole JSON sealed with the session's patient key, the jsonb column empty. */
export async function sealFlowState(
  db: DbOrTx,
  keyring: Keyring,
  session: { orgId: string; contactId: string },
  state: FlowSession | null,
): Promise<{ state: null; stateSealed: string | null }> {
  if (state === null) return { state: null, stateSealed: null };
  const sealer = await keyring.patient(db, session.orgId, session.contactId);
  return { state: null, stateSealed: sealer.seal(JSON.stringify(state), FLOW_STATE_PURPOSE) };
}

/**
 * Sessions as the runtime reads them, `state` opened (one key query per clinic). A state stored before
 * sealing reads as is; one whose patient key was destroyed reads null (see {@link stateUnreadable}).
 */
export async function openFlowSessions(
  db: DbOrTx,
  keyring: Keyring,
  rows: readonly FlowSessionRow[],
): Promise<FlowSessionRow[]> {
  const sealed = rows.filter((row) => row.stateSealed !== null);
  if (sealed.length === 0) return [...rows];
  const openers = new Map<string, Awaited<ReturnType<Keyring['opener']>>>();
  for (const orgId of new Set(sealed.map((row) => row.orgId))) {
    openers.set(
      orgId,
      await keyring.opener(
        db,
        orgId,
        sealed.filter((row) => row.orgId === orgId).map((row) => row.stateSealed),
      ),
    );
  }
  return rows.map((row) => {
    const opener = openers.get(row.orgId);
    if (row.stateSealed === null || !opener) return row;
    const json = opener.open(row.stateSealed, FLOW_STATE_PURPOSE);
    return { ...row, state: json === null ? null : (JSON.parse(json) as FlowSession) };
  });
}

/** A session whose state was sealed with a patient key since destroyed: it behaves as ended. */
export function stateUnreadable(row: FlowSessionRow): boolean {
  return row.stateSealed !== null && row.state === null;
}
