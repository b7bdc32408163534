import type { DbOrTx } from '../../platform/db/db.ts';
import type { Page } from '../../platform/db/keyset-cursor.ts';
import {
  deleteCannedReply,
  insertCannedReplyIfNew,
  listCannedRepliesPage,
  updateCannedReplyIfShortcutFree,
} from './canned-reply.repository.ts';
import type { CannedReply } from './canned-reply.schema.ts';

/** What an agent types after "/" in the composer. */
export const SHORTCUT = /^[a-z0-9_-]{1,32}$/;

export class DuplicateShortcutError extends Error {
  readonly shortcut: string;

  constructor(shortcut: string) {
    super(`the clinic already has a canned reply /${shortcut}`);
    this.shortcut = shortcut;
    this.name = 'DuplicateShortcutError';
  }
}

export class CannedReplyNotFoundError extends Error {
  constructor() {
    super('canned reply not found');
    this.name = 'CannedReplyNotFoundError';
  }
}

export class BadCursorError extends Error {
  constructor() {
    super('not a cursor returned by this API');
    this.name = 'BadCursorError';
  }
}

/** The clinic's canned replies whose shortcut starts with `prefix`, in shortcut order. */
export async function listCannedReplies(
  db: DbOrTx,
  orgId: string,
  query: { prefix?: string; cursor?: string; limit: number },
): Promise<Page<CannedReply>> {
  const afterShortcut = query.cursor === undefined ? undefined : shortcutOfCursor(query.cursor);
  const rows = await listCannedRepliesPage(db, orgId, {
    limit: query.limit,
    ...(query.prefix ? { prefix: query.prefix } : {}),
    ...(afterShortcut !== undefined ? { afterShortcut } : {}),
  });
  const data = rows.slice(0, query.limit);
  const last = data.at(-1);
  return {
    data,
    nextCursor: rows.length > query.limit && last ? Buffer.from(last.shortcut).toString('base64url') : null,
  };
}

export async function createCannedReply(
  db: DbOrTx,
  input: {
    orgId: string;
    shortcut: string;
    text: string;
    language: string | null;
    createdByUserId: string | null;
  },
): Promise<CannedReply> {
  const reply = await insertCannedReplyIfNew(db, input);
  if (!reply) throw new DuplicateShortcutError(input.shortcut);
  return reply;
}

/** Changes the shortcut, text or language of a reply; a shortcut stays unique in the clinic. */
export async function changeCannedReply(
  db: DbOrTx,
  orgId: string,
  id: string,
  change: { shortcut?: string; text?: string; language?: string | null },
): Promise<CannedReply> {
  const updated = await updateCannedReplyIfShortcutFree(db, orgId, id, change);
  if (updated === 'shortcut taken') throw new DuplicateShortcutError(change.shortcut ?? '');
  if (!updated) throw new CannedReplyNotFoundError();
  return updated;
}

export async function removeCannedReply(db: DbOrTx, orgId: string, id: string): Promise<void> {
  if (!(await deleteCannedReply(db, orgId, id))) throw new CannedReplyNotFoundError();
}

function shortcutOfCursor(cursor: string): string {
  const shortcut = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!SHORTCUT.test(shortcut)) throw new BadCursorError();
  return shortcut;
}
