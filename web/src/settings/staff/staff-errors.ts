import type { TFunction } from 'i18next';
import { describeError } from '../../api/describe-error.ts';
import { ApiError } from '../../api/http-client.ts';

/** A refused change of a member, in the interface language when Careline knows the reason. */
export function staffErrorOf(error: unknown, t: TFunction): string {
  // The only conflict a change of an existing member can meet: the clinic's last administrator.
  if (error instanceof ApiError && error.status === 409) return t('settings.staff.lastAdmin');
  return describeError(error, t);
}
