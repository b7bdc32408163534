import { carelineMediaReferencesIn } from '../../channels/careline-media-ids.ts';
import type { LimitViolation } from '../../channels/outbound-message.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { findMediaFile } from './media.repository.ts';

/**
 * What is wrong with the Careline files an outbound message points at, checked before it is queued:
 * each must be a stored file of this clinic (another clinic's id is refused exactly like an id that
 * does not exist), and a photo, video, voice note or sticker must be a file of that kind.
 */
export async function mediaReferenceViolations(
  db: DbOrTx,
  orgId: string,
  message: unknown,
): Promise<LimitViolation[]> {
  const violations: LimitViolation[] = [];
  for (const reference of carelineMediaReferencesIn(message)) {
    const file = await findMediaFile(db, orgId, reference.mediaId);
    const problem = !file
      ? 'must be the id of a file uploaded to this clinic (POST /api/v1/media)'
      : file.status === 'pending'
        ? 'is still being downloaded: send it once it is stored'
        : file.status === 'failed' || !file.storageKey
          ? 'is a file that could not be downloaded'
          : reference.wants && KINDS_WITH_RULES.has(reference.wants) && file.kind !== reference.wants
            ? `is ${article(file.kind)} ${file.kind}, not ${article(reference.wants)} ${reference.wants}`
            : null;
    if (problem) violations.push({ field: reference.field, limit: `${reference.field} ${problem}` });
  }
  return violations;
}

/** A document can be any file; the other kinds only what the patient's app shows as such. */
const KINDS_WITH_RULES = new Set(['image', 'video', 'audio', 'sticker']);

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
