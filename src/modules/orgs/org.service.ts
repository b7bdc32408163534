import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { findOrgByRef, insertOrg } from './org.repository.ts';
import type { Org } from './org.schema.ts';

// What other modules may read or change here: they call this service, never the repository.
export {
  findOrgAccessOptions,
  findOrgByRef,
  updateOrgAccessOptions,
  updateOrgSafety,
  updateOrgTwoFactor,
} from './org.repository.ts';

export const newOrgInput = z.object({
  name: z.string().trim().min(1, 'name is required').max(200),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug: lower-case letters, digits and dashes')
    .max(63)
    .optional(),
  timeZone: z
    .string()
    .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', 'unknown IANA time zone')
    .optional(),
  /** A clinic (the default), or a pharmacy that receives prescription orders from paired clinics. */
  kind: z.enum(['clinic', 'pharmacy']).optional(),
});

export class OrgNotFoundError extends Error {
  constructor(ref: string) {
    super(`No clinic with id or slug "${ref}"`);
    this.name = 'OrgNotFoundError';
  }
}

export async function createOrg(db: DbOrTx, input: z.input<typeof newOrgInput>): Promise<Org> {
  const { name, slug, timeZone, kind } = newOrgInput.parse(input);
  return insertOrg(db, {
    name,
    slug: slug ?? slugify(name),
    ...(timeZone ? { timeZone } : {}),
    ...(kind ? { kind } : {}),
  });
}

export async function requireOrg(db: DbOrTx, ref: string): Promise<Org> {
  const org = await findOrgByRef(db, ref);
  if (!org) throw new OrgNotFoundError(ref);
  return org;
}

export function slugify(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
  return slug || 'clinic';
}
