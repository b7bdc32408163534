import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { type CsatScope, latestCsatComments, type SealedCsatComment } from './csat-report.repository.ts';
import { CSAT_COMMENT_PURPOSE } from './flow-effects.ts';

// What other modules may read here: they call this service, never the repository.
export { type CsatBucket, type CsatScope, csatTrend } from './csat-report.repository.ts';
export { csatSummary } from './flow.repository.ts';

export type CsatComment = SealedCsatComment;

/**
 * The period's latest comments, opened with each patient's key. A comment whose patient was erased
 * (its key gone) is left out: the rating stays in the figures, the words do not.
 */
export async function latestCsatCommentsOpened(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  scope: CsatScope & { limit: number },
): Promise<CsatComment[]> {
  const sealed = await latestCsatComments(db, orgId, scope);
  if (sealed.length === 0) return [];
  const opener = await keyring.opener(
    db,
    orgId,
    sealed.map((c) => c.comment),
  );
  return sealed.flatMap((c) => {
    const comment = opener.open(c.comment, CSAT_COMMENT_PURPOSE);
    return comment ? [{ ...c, comment }] : [];
  });
}
