import type { TFunction } from 'i18next';
import { describeError } from '../api/describe-error.ts';
import { ApiError } from '../api/http-client.ts';

/** A refused code in words a person acts on: wrong, or too many wrong ones; otherwise the usual sentence. */
export function describeCodeError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 400 && error.fieldMessage('code')) return t('twoFactor.wrongCode');
    if (error.status === 429) return t('twoFactor.paused');
    if (error.status === 403 && error.detail.includes('requires'))
      return t('twoFactor.requiredCannotTurnOff');
  }
  return describeError(error, t);
}
