import type { TFunction } from 'i18next';
import { ApiError, NETWORK_ERROR_STATUS } from './http-client.ts';

/** A sentence an agent can act on, for any failed call. */
export function describeError(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected');
  if (error.status === NETWORK_ERROR_STATUS) return t('errors.network');
  if (error.isMissingRoute) return t('errors.notAvailable');
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  if (error.status >= 500) return t('errors.server');
  return error.detail;
}
