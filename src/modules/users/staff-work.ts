import type { DbOrTx } from '../../platform/db/db.ts';

/**
 * What the staff's administration needs from the modules above users, given by app.ts: auth, teams
 * and the inbox read people, so users reads none of them.
 */
export interface StaffWork {
  /** Open conversations assigned to each person (the inbox's count). */
  openConversationCounts: OpenConversationCounts;
  /** Ends every browser session of a person and says how many ended (auth). */
  endSessionsOf: (tx: DbOrTx, userId: string) => Promise<number>;
  /** Gives a deactivated person's work back to the clinic, inside the deactivation's transaction. */
  handBackWorkOf: (tx: DbOrTx, orgId: string, userId: string, now: Date) => Promise<void>;
}

export type OpenConversationCounts = (
  db: DbOrTx,
  orgId: string,
  userIds: readonly string[],
) => Promise<Map<string, number>>;
