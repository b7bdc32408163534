import type { TFunction } from 'i18next';
import { describeError } from '../../api/describe-error.ts';
import { ApiError } from '../../api/http-client.ts';

export interface SendError {
  text: string;
  /** The server refused because the 24-hour window closed meanwhile: only templates can go now. */
  windowClosed: boolean;
}

/** Why a send from the composer did not go, in words the agent can act on. */
export function sendError(caught: unknown, t: TFunction): SendError {
  const text = (value: string): SendError => ({ text: value, windowClosed: false });
  if (caught instanceof ApiError) {
    if (caught.status === 422 && caught.body.failure_reason === 'window_closed') {
      return { text: t('composer.refusedWindow'), windowClosed: true };
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
