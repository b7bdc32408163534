import type { TFunction } from 'i18next';
import { RED_FLAG_CATEGORIES } from '../api/types.ts';

/** "chest pain": a red flag's category in the interface language; a sign this app does not know yet stays generic. */
export function redFlagLabel(category: string, t: TFunction): string {
  const known = RED_FLAG_CATEGORIES.find((c) => c === category);
  return known ? t(`safety.categories.${known}`) : t('safety.unknownCategory');
}
