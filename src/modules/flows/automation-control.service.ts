import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findFlowById, findLiveSessions, lockLiveSession, updateSession } from './flow.repository.ts';
import type { FlowSessionRow } from './flow.schema.ts';

/** What the agent sees of a conversation's automation. */
export interface AutomationState {
  sessionId: string;
  flowKey: string;
  status: 'running' | 'paused';
  reason: string | null;
  startedAt: Date;
}

/**
 * A person wrote to the patient: the running flow stops speaking, so the bot never talks over the
 * care team. It waits, paused, until someone hands the conversation back or stops it.
 */
export async function pauseAutomation(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationId: string,
  reason: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const live = await lockLiveSession(tx, keyring, orgId, conversationId);
    if (live?.status !== 'running') return false;
    await updateSession(tx, keyring, live, { status: 'paused', reason }, now);
    return true;
  });
}

export class NoAutomationError extends Error {
  constructor() {
    super('no automation is paused or running in this conversation');
    this.name = 'NoAutomationError';
  }
}

/** Hands the conversation back to its paused flow: the patient's next message goes to it again. */
export async function resumeAutomation(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationId: string,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const live = await lockLiveSession(tx, keyring, orgId, conversationId);
    if (!live) throw new NoAutomationError();
    // A session paused past its lifetime gets a fresh one: it was waiting on the care team, not the patient.
    const lifetime = Math.max(live.expiresAt.getTime() - live.createdAt.getTime(), 3_600_000);
    await updateSession(
      tx,
      keyring,
      live,
      {
        status: 'running',
        reason: null,
        expiresAt: new Date(now.getTime() + lifetime),
      },
      now,
    );
    return live;
  });
}

/** Ends the conversation's automation for good. */
export async function stopAutomation(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationId: string,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const live = await lockLiveSession(tx, keyring, orgId, conversationId);
    if (!live) throw new NoAutomationError();
    await updateSession(
      tx,
      keyring,
      live,
      { status: 'stopped', reason: 'stopped_by_staff', endedAt: now },
      now,
    );
    return live;
  });
}

/** The running or paused automation of each conversation, keyed by conversation id. */
export async function automationOf(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  conversationIds: readonly string[],
): Promise<Map<string, AutomationState>> {
  const sessions = await findLiveSessions(db, keyring, orgId, conversationIds);
  const states = new Map<string, AutomationState>();
  for (const session of sessions) {
    const flow = await findFlowById(db, orgId, session.flowId);
    states.set(session.conversationId, stateOf(session, flow?.key ?? ''));
  }
  return states;
}

function stateOf(session: FlowSessionRow, flowKey: string): AutomationState {
  return {
    sessionId: session.id,
    flowKey,
    status: session.status === 'paused' ? 'paused' : 'running',
    reason: session.reason,
    startedAt: session.createdAt,
  };
}
