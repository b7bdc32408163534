import type { TFunction } from 'i18next';
import { describeError } from '../../api/describe-error.ts';
import { ApiError } from '../../api/http-client.ts';
import type { Conversation } from '../../api/types.ts';

export interface SendError {
  text: string;
  /** The server refused for the channel's window: only templates can go now, or nothing. */
  windowClosed: boolean;
}

/** Why a send from the composer did not go, in words the agent can act on (`policy`: the channel's window rule). */
export function sendError(
  caught: unknown,
  t: TFunction,
  policy: Conversation['window']['policy'] = 'templates',
): SendError {
  const text = (value: string): SendError => ({ text: value, windowClosed: false });
  if (caught instanceof ApiError) {
    if (caught.status === 422 && caught.body.failure_reason === 'window_closed') {
      // A person's reply refused on Messenger or Instagram: their 7 days are over too.
      const words = policy === 'templates' ? t('composer.refusedWindow') : t('composer.refusedNothing');
      return { text: words, windowClosed: true };
    }
    if (caught.status === 400) {
      return text(caught.fieldErrors.map((e) => fieldLabel(e.field, e.message)).join(' · ') || caught.detail);
    }
    if (caught.status === 413) return text(t('composer.tooLarge'));
    if (caught.status === 415) return text(t('composer.unsupportedType'));
  }
  return text(describeError(caught, t));
}

function fieldLabel(field: string, message: string): string {
  const name = field.replace(/^body\./, '');
  return name ? `${name}: ${message}` : message;
}
