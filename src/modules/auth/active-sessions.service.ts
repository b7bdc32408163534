import type { DbOrTx } from '../../platform/db/db.ts';
import {
  deleteSessionOfUser,
  deleteSessionsOfUserExcept,
  findLiveSessionsOfUser,
} from './session.repository.ts';
import type { Session } from './session.schema.ts';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './session.service.ts';

/** One of a person's signed-in browsers, as their list of sessions shows it. */
export interface ActiveSession
  extends Pick<Session, 'id' | 'createdAt' | 'lastUsedAt' | 'expiresAt' | 'browser' | 'os' | 'ipPrefix'> {
  /** The browser asking. */
  current: boolean;
}

/** The person a list of sessions belongs to, and the session they are asking from. */
export interface SessionOwner {
  userId: string;
  currentSessionId: string;
}

/** The person's sessions that still let someone in: unexpired, and within the absolute lifetime. */
export async function listActiveSessions(
  db: DbOrTx,
  owner: SessionOwner,
  now: Date,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): Promise<ActiveSession[]> {
  const openedAfter = new Date(now.getTime() - policy.maxAgeMs);
  const live = await findLiveSessionsOfUser(db, owner.userId, now, openedAfter);
  return live.map(({ id, createdAt, lastUsedAt, expiresAt, browser, os, ipPrefix }) => ({
    id,
    createdAt,
    lastUsedAt,
    expiresAt,
    browser,
    os,
    ipPrefix,
    current: id === owner.currentSessionId,
  }));
}

/**
 * Signs out one of the person's own sessions; false when none of theirs has that id, so another
 * person's session looks exactly like one that never existed.
 */
export async function endOwnSession(db: DbOrTx, userId: string, sessionId: string): Promise<boolean> {
  return deleteSessionOfUser(db, userId, sessionId);
}

/** Signs out every other browser of the person; the one asking stays signed in. */
export async function endOtherSessions(db: DbOrTx, owner: SessionOwner): Promise<number> {
  return deleteSessionsOfUserExcept(db, owner.userId, owner.currentSessionId);
}
