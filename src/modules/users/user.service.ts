import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import { isOnline } from './presence.ts';
import type { OpenConversationCounts } from './staff-work.ts';
import { listStaffOfOrg, type StaffMember } from './user.repository.ts';
import { USER_ROLES, type User, users } from './user.schema.ts';

// What other modules may read or change here: they call this service, never the repository.
export { findActiveStaffByIds, findStaffByIds, listStaffOfOrg, type StaffMember } from './user.repository.ts';

export const newUserInput = z.object({
  orgId: z.uuid(),
  email: z.email('email must be a valid address').transform((e) => e.toLowerCase()),
  password: z.string().min(12, 'password must be at least 12 characters').max(256),
  role: z.enum(USER_ROLES, { message: `role must be one of ${USER_ROLES.join(', ')}` }),
  name: z.string().trim().min(1).max(200).optional(),
});

/** What may leave the users module: never the password hash nor the sealed TOTP secret. */
export type PublicUser = Omit<User, 'passwordHash' | 'totpSecret'>;

/** Passwords are stored as argon2id hashes (OWASP's first choice), never in clear. */
export async function createUser(db: DbOrTx, input: z.input<typeof newUserInput>): Promise<PublicUser> {
  const { orgId, email, password, role, name } = newUserInput.parse(input);
  const passwordHash = await hash(password);
  const [user] = await db
    .insert(users)
    .values({ orgId, email, passwordHash, role, name: name ?? null })
    .returning();
  if (!user) throw new Error('insert into users returned nothing');
  const { passwordHash: _omitted, totpSecret: _sealed, ...publicUser } = user;
  return publicUser;
}

export type StaffStatus = StaffMember & { online: boolean; openConversations: number };

/** The clinic's care team as the inbox shows it: who is online and how busy each person is. */
export async function listStaff(
  db: DbOrTx,
  orgId: string,
  options: { includeDeactivated: boolean },
  now: Date,
  openConversationCounts: OpenConversationCounts,
): Promise<StaffStatus[]> {
  const staff = await listStaffOfOrg(db, orgId, options);
  const open = await openConversationCounts(
    db,
    orgId,
    staff.map((u) => u.id),
  );
  return staff.map((u) => statusOf(u, open, now));
}

/** One member with their presence and workload. */
export async function withStatus(
  db: DbOrTx,
  orgId: string,
  member: StaffMember,
  now: Date,
  openConversationCounts: OpenConversationCounts,
): Promise<StaffStatus> {
  return statusOf(member, await openConversationCounts(db, orgId, [member.id]), now);
}

function statusOf(member: StaffMember, open: Map<string, number>, now: Date): StaffStatus {
  return {
    ...member,
    online: member.deactivatedAt === null && isOnline(member.lastSeenAt, now),
    openConversations: open.get(member.id) ?? 0,
  };
}
