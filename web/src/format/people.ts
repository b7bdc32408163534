import type { ContactSummary } from '../api/types.ts';

/** What to call a patient: their name, else their number. */
export function contactName(contact: ContactSummary | null | undefined): string {
  return contact?.display_name?.trim() || contact?.phone || '—';
}

export function initialsOf(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return '#';
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

const AVATAR_COLORS = ['blue', 'grape', 'orange', 'teal', 'pink', 'indigo', 'cyan', 'lime', 'violet', 'red'];

/** A stable colour per person, so the same patient always looks the same. */
export function avatarColor(seed: string): string {
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return AVATAR_COLORS[hash % AVATAR_COLORS.length] ?? 'blue';
}

/** +33 6 12 34 56 78 from +33612345678 (French numbers); others are shown as given. */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/[^\d+]/g, '');
  const french = /^\+33(\d)(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(digits);
  if (french) return `+33 ${french.slice(1).join(' ')}`;
  return digits.startsWith('+') || !/^\d+$/.test(digits) ? digits : `+${digits}`;
}
