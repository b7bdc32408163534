import type { DbOrTx } from '../../platform/db/db.ts';

/** Who changed a channel: a signed-in person or API key (`rest`), or an operator's command (`cli`). */
export interface ChangeActor {
  via: 'rest' | 'cli';
  userId: string | null;
  apiKeyId: string | null;
  role: string;
  /** The caller's address, or `local` for a command run on the server. */
  network: string;
  reason: string | null;
}

export interface ChannelChange {
  orgId: string;
  recorded: Date;
  actor: ChangeActor;
  subtype: string;
  action: 'C' | 'U' | 'D';
  entity: { type: string; id: string };
}

/**
 * Writes a change into the clinic's audit trail in the caller's transaction (audit.service.ts
 * recordChange, handed in by app.ts and the CLI: the audit module sits above this one). False: the clinic
 * requires a reason of this role and none was given, so nothing may change.
 */
export type ChangeRecorder = (tx: DbOrTx, change: ChannelChange) => Promise<boolean>;
