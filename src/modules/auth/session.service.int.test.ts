import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { sessions, users } from '../../platform/db/schema.ts';
import type { Org } from '../orgs/org.schema.ts';
import { createOrg } from '../orgs/org.service.ts';
import { createUser } from '../users/user.service.ts';
import {
  AccountLockedError,
  authenticateSession,
  InvalidCredentialsError,
  LOCKOUT_MS,
  SESSION_LIFETIME_MS,
  signIn,
  signOut,
} from './session.service.ts';

const PASSWORD = 'correct horse battery staple';
const T0 = new Date('2026-03-02T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

describe.each(TEST_ENGINES)('session service (%s)', (engine) => {
  let handle: DbHandle;
  let org: Org;
  let n = 0;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    org = await createOrg(handle.db, { name: 'Pharmacie du Marché' });
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function newUser(role: 'admin' | 'agent' = 'agent') {
    n += 1;
    return createUser(handle.db, { orgId: org.id, email: `user${n}@marche.test`, password: PASSWORD, role });
  }

  test('a session slides: each use (at most once a minute) gives it another 12 hours', async () => {
    const user = await newUser('admin');
    const { token, session } = await signIn(handle.db, { email: user.email, password: PASSWORD, now: T0 });
    expect(session.expiresAt).toEqual(at(SESSION_LIFETIME_MS));

    const soon = await authenticateSession(handle.db, token, at(30_000));
    expect(soon).toMatchObject({
      orgId: org.id,
      apiKeyId: null,
      userId: user.id,
      role: 'admin',
      renewed: false,
    });
    expect(soon?.expiresAt).toEqual(at(SESSION_LIFETIME_MS));

    const later = await authenticateSession(handle.db, token, at(2 * MINUTE));
    expect(later?.renewed).toBe(true);
    expect(later?.expiresAt).toEqual(at(2 * MINUTE + SESSION_LIFETIME_MS));
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row?.lastUsedAt).toEqual(at(2 * MINUTE));
    expect(row?.expiresAt).toEqual(at(2 * MINUTE + SESSION_LIFETIME_MS));

    // Still alive past the first 12 hours, dead 12 hours after the last use.
    expect(await authenticateSession(handle.db, token, at(SESSION_LIFETIME_MS + MINUTE))).not.toBeNull();
    const lastUse = SESSION_LIFETIME_MS + MINUTE;
    expect(await authenticateSession(handle.db, token, at(lastUse + SESSION_LIFETIME_MS))).toBeNull();
  });

  test('using a session marks the user present, at most once a minute', async () => {
    const user = await newUser();
    const { token } = await signIn(handle.db, { email: user.email, password: PASSWORD, now: T0 });
    const lastSeen = async () =>
      (await handle.db.select().from(users).where(eq(users.id, user.id)))[0]?.lastSeenAt;
    expect(await lastSeen()).toEqual(T0);
    await authenticateSession(handle.db, token, at(59_000));
    expect(await lastSeen()).toEqual(T0);
    await authenticateSession(handle.db, token, at(61_000));
    expect(await lastSeen()).toEqual(at(61_000));
  });

  test('a role change applies to live sessions at once', async () => {
    const user = await newUser('admin');
    const { token } = await signIn(handle.db, { email: user.email, password: PASSWORD, now: T0 });
    await handle.db.update(users).set({ role: 'agent' }).where(eq(users.id, user.id));
    expect((await authenticateSession(handle.db, token, at(1000)))?.role).toBe('agent');
  });

  test('signing out deletes the session; junk tokens are simply unknown', async () => {
    const user = await newUser();
    const { token } = await signIn(handle.db, { email: user.email, password: PASSWORD, now: T0 });
    expect(await signOut(handle.db, token)).toBe(true);
    expect(await signOut(handle.db, token)).toBe(false);
    expect(await authenticateSession(handle.db, token, at(1000))).toBeNull();
    for (const junk of ['', 'abc', `${token}'; drop table sessions; --`])
      expect(await authenticateSession(handle.db, junk, T0)).toBeNull();
  });

  test('the lock lasts 15 minutes from the fifth failure, then a fresh count starts', async () => {
    const user = await newUser();
    const attempt = (password: string, now: Date) => signIn(handle.db, { email: user.email, password, now });
    for (let i = 0; i < 4; i += 1)
      await expect(attempt('wrong', at(i * 1000))).rejects.toThrow(InvalidCredentialsError);
    const lock = await attempt('wrong', at(4000)).catch((error: unknown) => error);
    expect(lock).toBeInstanceOf(AccountLockedError);
    expect((lock as AccountLockedError).lockedUntil).toEqual(at(4000 + LOCKOUT_MS));

    await expect(attempt(PASSWORD, at(4000 + LOCKOUT_MS - 1))).rejects.toThrow(AccountLockedError);
    // A fresh count after the lock: one failure does not lock again.
    await expect(attempt('wrong', at(4000 + LOCKOUT_MS))).rejects.toThrow(InvalidCredentialsError);
    await expect(attempt(PASSWORD, at(4000 + LOCKOUT_MS + 1))).resolves.toMatchObject({
      user: { id: user.id },
    });
  });

  test('a burst of concurrent guesses cannot outrun the lock', async () => {
    const user = await newUser();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        signIn(handle.db, { email: user.email, password: `guess ${i}`, now: T0 }),
      ),
    );
    const errors = outcomes.map((o) => (o.status === 'rejected' ? o.reason : o.value));
    expect(errors.filter((e) => e instanceof InvalidCredentialsError)).toHaveLength(4);
    expect(errors.filter((e) => e instanceof AccountLockedError).length).toBe(16);
    await expect(signIn(handle.db, { email: user.email, password: PASSWORD, now: at(1000) })).rejects.toThrow(
      AccountLockedError,
    );
  });
});
