import { z } from 'zod';
import { ONLINE_WITHIN_MS } from './presence.ts';
import type { StaffWithPassword } from './staff-admin.service.ts';
import { USER_ROLES } from './user.schema.ts';
import type { StaffStatus } from './user.service.ts';

export const CAPACITY_MIN = 1;
export const CAPACITY_MAX = 200;

export const staffJson = z
  .object({
    id: z.uuid(),
    name: z.string().nullable(),
    email: z.string(),
    role: z.enum(USER_ROLES),
    online: z.boolean().describe(`Seen in the inbox within the last ${ONLINE_WITHIN_MS / 60_000} minutes`),
    last_seen_at: z.iso.datetime().nullable(),
    open_conversations: z.number().int().describe('Open conversations assigned to this person'),
    capacity: z.number().int().describe('Most open conversations automatic assignment gives this person'),
    two_factor_enabled: z.boolean().describe('Signs in with a code from an authenticator app'),
    deactivated_at: z.iso
      .datetime()
      .optional()
      .describe('Only on deactivated members: since when they can no longer sign in'),
  })
  .meta({ id: 'StaffMember' });

export const staffWithPasswordJson = staffJson
  .extend({
    generated_password: z
      .string()
      .optional()
      .describe('Only when Careline chose the password: shown this once, stored nowhere in clear'),
  })
  .meta({ id: 'StaffMemberWithPassword' });

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const role = z.enum(USER_ROLES, { message: `must be one of ${USER_ROLES.join(', ')}` });
const capacity = z
  .number({ message: 'must be a whole number' })
  .int('must be a whole number')
  .min(CAPACITY_MIN, `must be at least ${CAPACITY_MIN}`)
  .max(CAPACITY_MAX, `must be at most ${CAPACITY_MAX}`)
  .describe('Most open conversations automatic assignment gives this person');
const password = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(256, 'must be at most 256 characters');

export const newStaffBody = z
  .object({
    name,
    email: z.email('must be an e-mail address').max(320, 'must be at most 320 characters'),
    role,
    capacity: capacity.optional(),
    password: password.optional().describe('Left out: Careline generates one and returns it once'),
  })
  .meta({ id: 'NewStaffMember' });

export const staffPatchBody = z
  .object({
    name: name.optional(),
    role: role.optional(),
    capacity: capacity.optional(),
    active: z
      .boolean()
      .optional()
      .describe(
        'false deactivates: no sign-in, sessions end, conversations go back to their team; true reactivates ' +
          'with a new password (given, or generated and returned once)',
      ),
    password: password.optional().describe('A new password; the member’s sessions end'),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'change at least one field' })
  .refine((b) => !(b.active === false && b.password !== undefined), {
    path: ['password'],
    message: 'cannot be set while deactivating',
  })
  .meta({ id: 'StaffPatch' });

export function toStaffJson(u: StaffStatus): z.infer<typeof staffJson> {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    online: u.online,
    last_seen_at: u.lastSeenAt?.toISOString() ?? null,
    open_conversations: u.openConversations,
    capacity: u.capacity,
    two_factor_enabled: u.totpEnabledAt !== null,
    ...(u.deactivatedAt ? { deactivated_at: u.deactivatedAt.toISOString() } : {}),
  };
}

export function toStaffWithPasswordJson(result: StaffWithPassword): z.infer<typeof staffWithPasswordJson> {
  return {
    ...toStaffJson(result.member),
    ...(result.generatedPassword !== null ? { generated_password: result.generatedPassword } : {}),
  };
}
