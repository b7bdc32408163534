import { and, eq, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { activeAccountsOfEmail } from '../users/user-account.service.ts';
import { type SignInDevice, signInDevices } from './sign-in-device.schema.ts';

/** Of the browser's device tokens (by hash), the one known for this e-mail's active account, if any. */
export async function findDeviceOfAccount(
  db: DbOrTx,
  tokenHashes: readonly string[],
  email: string,
): Promise<SignInDevice | undefined> {
  if (tokenHashes.length === 0) return undefined;
  const account = activeAccountsOfEmail(db, email);
  const [row] = await db
    .select({ device: signInDevices })
    .from(signInDevices)
    .innerJoin(account, eq(account.id, signInDevices.userId))
    .where(inArray(signInDevices.tokenHash, [...tokenHashes]));
  return row?.device;
}

/** Whether any of the hashes is a known browser of any account (the sign-in rate limit's key). */
export async function findAnyDevice(
  db: DbOrTx,
  tokenHashes: readonly string[],
): Promise<Pick<SignInDevice, 'id'> | undefined> {
  if (tokenHashes.length === 0) return undefined;
  const [row] = await db
    .select({ id: signInDevices.id })
    .from(signInDevices)
    .where(inArray(signInDevices.tokenHash, [...tokenHashes]))
    .limit(1);
  return row;
}

export async function insertDevice(
  db: DbOrTx,
  values: { orgId: string; userId: string; tokenHash: string; now: Date },
): Promise<void> {
  const { now, ...rest } = values;
  await db.insert(signInDevices).values({ ...rest, createdAt: now, lastUsedAt: now });
}

export async function touchDevice(db: DbOrTx, deviceId: string, now: Date): Promise<void> {
  await db.update(signInDevices).set({ lastUsedAt: now }).where(eq(signInDevices.id, deviceId));
}

/** Housekeeping at sign-in: browsers a person has not signed in from for long are forgotten. */
export async function deleteDevicesUnusedSince(db: DbOrTx, userId: string, since: Date): Promise<void> {
  await db
    .delete(signInDevices)
    .where(and(eq(signInDevices.userId, userId), lt(signInDevices.lastUsedAt, since)));
}
