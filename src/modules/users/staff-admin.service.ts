import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Db } from '../../platform/db/db.ts';
import { generateInitialPassword } from './initial-password.ts';
import { leavesNoAdmin } from './last-admin.ts';
import type { StaffWork } from './staff-work.ts';
import {
  insertUserIfEmailFree,
  lockActiveAdmins,
  lockStaffMember,
  updateStaffMember,
} from './user.repository.ts';
import type { User, UserRole } from './user.schema.ts';
import { type StaffStatus, withStatus } from './user.service.ts';

export class DuplicateEmailError extends Error {
  readonly email: string;

  constructor(email: string) {
    super(`${email} already has a Careline account`);
    this.email = email;
    this.name = 'DuplicateEmailError';
  }
}

export class StaffMemberNotFoundError extends Error {
  constructor() {
    super('staff member not found');
    this.name = 'StaffMemberNotFoundError';
  }
}

/** A deactivated member gets a new password only as they are reactivated. */
export class DeactivatedMemberError extends Error {
  constructor() {
    super('the member is deactivated: reactivate them to give them a password');
    this.name = 'DeactivatedMemberError';
  }
}

/** The change would leave the clinic with no active administrator. */
export class LastAdminError extends Error {
  constructor() {
    super('the clinic needs at least one active administrator');
    this.name = 'LastAdminError';
  }
}

/** A member and, when Careline chose their new password, that password: shown once, stored nowhere. */
export interface StaffWithPassword {
  member: StaffStatus;
  generatedPassword: string | null;
}

export interface NewStaffMember {
  name: string;
  email: string;
  role: UserRole;
  capacity?: number;
  /** Left out: Careline generates one. */
  password?: string;
}

/** Adds someone to the clinic's staff with a first password (argon2id-hashed, as createUser does). */
export async function addStaffMember(
  db: Db,
  orgId: string,
  input: NewStaffMember,
  now: Date,
  work: StaffWork,
): Promise<StaffWithPassword> {
  const password = input.password ?? generateInitialPassword();
  const email = input.email.toLowerCase();
  const member = await insertUserIfEmailFree(db, {
    orgId,
    email,
    name: input.name,
    role: input.role,
    passwordHash: await hash(password),
    ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
  });
  if (!member) throw new DuplicateEmailError(email);
  return {
    member: await withStatus(db, orgId, member, now, work.openConversationCounts),
    generatedPassword: input.password === undefined ? password : null,
  };
}

export interface StaffChange {
  name?: string;
  role?: UserRole;
  capacity?: number;
  /** false deactivates; true gives a deactivated member their account back, with a new password. */
  active?: boolean;
  /** A new password set by an administrator; the member's sessions end. */
  password?: string;
}

/**
 * Changes a member of the staff. Deactivating someone ends their sessions, makes their password
 * unusable and hands their work back (handBackWorkOf); nobody may demote or deactivate the clinic's
 * last active administrator.
 */
export async function changeStaffMember(
  db: Db,
  orgId: string,
  id: string,
  change: StaffChange,
  now: Date,
  work: StaffWork,
): Promise<StaffWithPassword> {
  // Hashing is slow on purpose: done before the transaction, so no lock waits for it.
  const newPassword = change.password ?? (change.active === true ? generateInitialPassword() : undefined);
  const newHash = newPassword === undefined ? undefined : await hash(newPassword);
  const unusableHash =
    change.active === false ? await hash(randomBytes(32).toString('base64url')) : undefined;

  return db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx, orgId);
    const member = await lockStaffMember(tx, orgId, id);
    if (!member) throw new StaffMemberNotFoundError();
    const wasActive = member.deactivatedAt === null;
    if (leavesNoAdmin(admins, member.id, change)) throw new LastAdminError();
    if (!wasActive && change.password !== undefined && change.active !== true) {
      throw new DeactivatedMemberError();
    }

    const deactivating = wasActive && change.active === false;
    const reactivating = !wasActive && change.active === true;
    const values: Parameters<typeof updateStaffMember>[3] = {
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.capacity !== undefined ? { capacity: change.capacity } : {}),
      ...credentialsOf({
        wasActive,
        active: change.active,
        passwordGiven: change.password !== undefined,
        newHash,
        unusableHash,
        now,
      }),
    };
    const updated = Object.keys(values).length > 0 ? await updateStaffMember(tx, orgId, id, values) : member;
    if (!updated) throw new StaffMemberNotFoundError();
    if (deactivating) await work.handBackWorkOf(tx, orgId, id, now);
    else if (change.password !== undefined) await work.endSessionsOf(tx, id);
    const applied = reactivating || change.password !== undefined;
    return {
      member: await withStatus(tx, orgId, updated, now, work.openConversationCounts),
      generatedPassword: applied && change.password === undefined ? (newPassword ?? null) : null,
    };
  });
}

/**
 * Signs a member out of every browser at once (a lost laptop, a shared computer left signed in):
 * their next request is refused with 401 and they sign in again with their password. Returns how
 * many sessions ended. Throws StaffMemberNotFoundError for anyone outside the clinic.
 */
export async function signOutEverywhere(db: Db, orgId: string, id: string, work: StaffWork): Promise<number> {
  return db.transaction(async (tx) => {
    if (!(await lockStaffMember(tx, orgId, id))) throw new StaffMemberNotFoundError();
    return work.endSessionsOf(tx, id);
  });
}

/** The password columns a change writes: a deactivated account keeps a hash no password matches. */
function credentialsOf(change: {
  wasActive: boolean;
  active: boolean | undefined;
  passwordGiven: boolean;
  newHash: string | undefined;
  unusableHash: string | undefined;
  now: Date;
}): Partial<Pick<User, 'deactivatedAt' | 'passwordHash' | 'failedLogins' | 'lockedUntil'>> {
  const { wasActive, active, passwordGiven, newHash, unusableHash, now } = change;
  if (wasActive && active === false && unusableHash)
    return { deactivatedAt: now, passwordHash: unusableHash };
  if (!wasActive && active === true && newHash) {
    return { deactivatedAt: null, passwordHash: newHash, failedLogins: 0, lockedUntil: null };
  }
  // An active member asked to be "active" again keeps their password: only a given one replaces it.
  return wasActive && passwordGiven && newHash ? { passwordHash: newHash } : {};
}
