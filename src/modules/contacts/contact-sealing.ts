import type { BlindIndex, Opener, Sealer } from '../keys/keyring.ts';
import type {
  Contact,
  ContactIdentity,
  ContactIdentityRow,
  ContactRow,
  contactIdentities,
  contacts,
} from './contact.schema.ts';

/** What the care team and the channels tell Careline about a patient, in plain text. */
export interface ContactFields {
  displayName?: string | null;
  phone?: string | null;
  tags?: string[];
  customFields?: Record<string, string>;
}

/** What a channel identity holds, in plain text. */
export interface IdentityFields {
  externalId?: string | null;
  phone?: string | null;
  scopedId?: string | null;
  parentScopedId?: string | null;
  username?: string | null;
  profileName?: string | null;
}

/**
 * Blind-index domains: the same text hashed as a phone and as a name word never collides. The names are
 * part of every stored hash, so they stay what the first channel made them ('wa_id', 'bsuid') although
 * they now hash every channel's ids.
 */
export const HASH = {
  phone: 'phone',
  externalId: 'wa_id',
  scopedId: 'bsuid',
  name: 'name',
  tag: 'tag',
  email: 'email',
  birthDate: 'birth_date',
} as const;

/** The custom fields whose values suggest duplicates: an e-mail, a birth date (keys as intake and booking name them). */
const EMAIL_KEYS = new Set(['email', 'e-mail', 'mail', 'courriel']);
const BIRTH_DATE_KEYS = new Set(['birth_date', 'birthdate', 'date_of_birth', 'dob', 'date_de_naissance']);

function fieldOf(fields: Record<string, string>, keys: ReadonlySet<string>): string | undefined {
  for (const [key, value] of Object.entries(fields)) {
    if (keys.has(key.trim().toLowerCase()) && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** The e-mail custom field, lower-cased; undefined when there is none. */
export function emailOf(fields: Record<string, string>): string | undefined {
  return fieldOf(fields, EMAIL_KEYS)?.toLowerCase();
}

/** The birth date custom field as YYYY-MM-DD (from 1980-03-07, 07/03/1980 or 7.3.1980); undefined otherwise. */
export function birthDateOf(fields: Record<string, string>): string | undefined {
  const value = fieldOf(fields, BIRTH_DATE_KEYS);
  if (!value) return undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!year || !month || !day) return undefined;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** Keyed hashes of the e-mail and birth date custom fields: how duplicates are found without opening records. */
export function duplicateHashesOf(
  blind: BlindIndex,
  fields: Record<string, string>,
): { emailHash: bigint | null; birthDateHash: bigint | null } {
  const email = emailOf(fields);
  const birthDate = birthDateOf(fields);
  return {
    emailHash: email ? BigInt(blind.hash(HASH.email, email)) : null,
    birthDateHash: birthDate ? BigInt(blind.hash(HASH.birthDate, birthDate)) : null,
  };
}

/**
 * The labels values of these columns are sealed under (bound into each sealed value): the columns'
 * names when those values were first written, kept so that they open after the columns were renamed.
 */
const SCOPED_ID_LABEL = 'bsuid';
const PARENT_SCOPED_ID_LABEL = 'parent_bsuid';

const MIN_PREFIX = 2;
// Longer prefixes add index entries without helping anyone find a patient.
const MAX_PREFIX = 24;

/** Name words without accents or case: "Chloé-Anne MARTIN" → chloe, anne, martin. */
export function nameWords(text: string): string[] {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{Nd}]+/gu) ?? []
  );
}

/** Hashes of every prefix (2 to 24 characters) of every word of the name: what typing "chl" finds. */
export function nameTermsOf(blind: BlindIndex, name: string | null | undefined): bigint[] {
  const terms = new Set<string>();
  for (const word of nameWords(name ?? '')) {
    const letters = [...word];
    for (let length = MIN_PREFIX; length <= Math.min(letters.length, MAX_PREFIX); length += 1) {
      terms.add(blind.hash(HASH.name, letters.slice(0, length).join('')));
    }
  }
  return [...terms].map(BigInt);
}

/** The hashes a name query must all find: one per word of at least 2 characters (cut to 24). */
export function nameQueryTerms(blind: BlindIndex, q: string): bigint[] {
  return nameWords(q)
    .map((word) => [...word].slice(0, MAX_PREFIX).join(''))
    .filter((word) => [...word].length >= MIN_PREFIX)
    .map((word) => BigInt(blind.hash(HASH.name, word)));
}

export function tagTermOf(blind: BlindIndex, tag: string): bigint {
  return BigInt(blind.hash(HASH.tag, tag.trim().toLowerCase()));
}

export function phoneHashOf(blind: BlindIndex, e164: string | null | undefined): bigint | null {
  return e164 ? BigInt(blind.hash(HASH.phone, e164)) : null;
}

/** The stored columns for the fields given (and only those), sealed, with their blind-index hashes. */
export function sealContactFields(
  sealer: Sealer,
  blind: BlindIndex,
  fields: ContactFields,
): Partial<typeof contacts.$inferInsert> {
  return {
    ...(fields.displayName !== undefined
      ? {
          displayName: sealer.sealNullable(fields.displayName, 'contacts.display_name'),
          nameTerms: nameTermsOf(blind, fields.displayName),
        }
      : {}),
    ...(fields.phone !== undefined
      ? {
          phone: sealer.sealNullable(fields.phone, 'contacts.phone'),
          phoneHash: phoneHashOf(blind, fields.phone),
        }
      : {}),
    ...(fields.tags !== undefined
      ? {
          tags: sealer.seal(JSON.stringify(fields.tags), 'contacts.tags'),
          tagTerms: [...new Set(fields.tags.map((tag) => tagTermOf(blind, tag)))],
        }
      : {}),
    ...(fields.customFields !== undefined
      ? {
          customFields: sealer.seal(JSON.stringify(fields.customFields), 'contacts.custom_fields'),
          ...duplicateHashesOf(blind, fields.customFields),
        }
      : {}),
  };
}

export function sealIdentityFields(
  sealer: Sealer,
  blind: BlindIndex,
  fields: IdentityFields,
): Partial<typeof contactIdentities.$inferInsert> {
  const seal = (value: string | null | undefined, column: string) =>
    sealer.sealNullable(value, `contact_identities.${column}`);
  return {
    ...(fields.externalId !== undefined
      ? {
          externalId: seal(fields.externalId, 'external_id'),
          externalIdHash: fields.externalId ? BigInt(blind.hash(HASH.externalId, fields.externalId)) : null,
        }
      : {}),
    ...(fields.scopedId !== undefined
      ? {
          scopedId: seal(fields.scopedId, SCOPED_ID_LABEL),
          scopedIdHash: fields.scopedId ? BigInt(blind.hash(HASH.scopedId, fields.scopedId)) : null,
        }
      : {}),
    ...(fields.phone !== undefined ? { phone: seal(fields.phone, 'phone') } : {}),
    ...(fields.parentScopedId !== undefined
      ? { parentScopedId: seal(fields.parentScopedId, PARENT_SCOPED_ID_LABEL) }
      : {}),
    ...(fields.username !== undefined ? { username: seal(fields.username, 'username') } : {}),
    ...(fields.profileName !== undefined ? { profileName: seal(fields.profileName, 'profile_name') } : {}),
  };
}

/** Every sealed value of these rows: what {@link Keyring.opener} needs to load their keys at once. */
export function sealedValuesOf(rows: ReadonlyArray<ContactRow | ContactIdentityRow>): string[] {
  const values: string[] = [];
  for (const row of rows) {
    for (const value of Object.values(row)) if (typeof value === 'string') values.push(value);
  }
  return values;
}

export function openContact(opener: Opener, row: ContactRow): Contact {
  const tags = opener.open(row.tags, 'contacts.tags');
  const customFields = opener.open(row.customFields, 'contacts.custom_fields');
  return {
    id: row.id,
    orgId: row.orgId,
    displayName: opener.open(row.displayName, 'contacts.display_name'),
    phone: opener.open(row.phone, 'contacts.phone'),
    language: row.language,
    tags: tags === null ? [] : (JSON.parse(tags) as string[]),
    customFields: customFields === null ? {} : (JSON.parse(customFields) as Record<string, string>),
    mergedIntoId: row.mergedIntoId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function openIdentity(opener: Opener, row: ContactIdentityRow): ContactIdentity {
  const { externalIdHash: _externalIdHash, scopedIdHash: _scopedIdHash, ...rest } = row;
  const open = (value: string | null, column: string) => opener.open(value, `contact_identities.${column}`);
  return {
    ...rest,
    externalId: open(row.externalId, 'external_id'),
    phone: open(row.phone, 'phone'),
    scopedId: open(row.scopedId, SCOPED_ID_LABEL),
    parentScopedId: open(row.parentScopedId, PARENT_SCOPED_ID_LABEL),
    username: open(row.username, 'username'),
    profileName: open(row.profileName, 'profile_name'),
  };
}
