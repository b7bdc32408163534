import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { sessions, users } from '../../db-schema.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import type { Org } from '../orgs/org.schema.ts';
import { createOrg } from '../orgs/org.service.ts';
import { createUser } from '../users/user.service.ts';
import { authenticateSession, DEFAULT_SESSION_POLICY, signOut } from './session.service.ts';
import { AccountLockedError, InvalidCredentialsError, signIn } from './sign-in.service.ts';
import { SIGN_IN_THROTTLE } from './sign-in-throttle.ts';

const PASSWORD = 'correct horse battery staple';
const T0 = new Date('2026-03-02T08:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const { idleMs: IDLE_MS, maxAgeMs: MAX_AGE_MS } = DEFAULT_SESSION_POLICY;

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

  test('a session slides: each use (at most once a minute) gives it another 4 idle hours', async () => {
    const user = await newUser('admin');
    const { token, session } = await signIn(handle.db, { email: user.email, password: PASSWORD, now: T0 });
    expect(IDLE_MS).toBe(4 * HOUR);
    expect(session.expiresAt).toEqual(at(IDLE_MS));

    const soon = await authenticateSession(handle.db, token, at(30_000));
    expect(soon).toMatchObject({
      orgId: org.id,
      apiKeyId: null,
      userId: user.id,
      role: 'admin',
      renewed: false,
    });
    expect(soon?.expiresAt).toEqual(at(IDLE_MS));

    const later = await authenticateSession(handle.db, token, at(2 * MINUTE));
    expect(later?.renewed).toBe(true);
    expect(later?.expiresAt).toEqual(at(2 * MINUTE + IDLE_MS));
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row?.lastUsedAt).toEqual(at(2 * MINUTE));
    expect(row?.expiresAt).toEqual(at(2 * MINUTE + IDLE_MS));

    // Still alive past the first 4 hours when used, dead 4 hours after the last use.
    const lastUse = IDLE_MS + MINUTE;
    expect(await authenticateSession(handle.db, token, at(lastUse))).not.toBeNull();
    expect(await authenticateSession(handle.db, token, at(lastUse + IDLE_MS))).toBeNull();
  });

  test('a session ends 12 hours after sign-in however busy it is (absolute lifetime)', async () => {
    const user = await newUser();
    const { token } = await signIn(handle.db, { email: user.email, password: PASSWORD, now: T0 });
    expect(MAX_AGE_MS).toBe(12 * HOUR);
    // Used every half hour all day long: the expiry slides, but never past 12 hours after sign-in.
    for (let t = 30 * MINUTE; t < MAX_AGE_MS; t += 30 * MINUTE) {
      const caller = await authenticateSession(handle.db, token, at(t));
      expect(caller, `at ${t / HOUR} h`).not.toBeNull();
      expect(caller?.expiresAt.getTime()).toBeLessThanOrEqual(at(MAX_AGE_MS).getTime());
    }
    expect(await authenticateSession(handle.db, token, at(MAX_AGE_MS))).toBeNull();
  });

  test('an operator who shortens the absolute lifetime ends older sessions on time', async () => {
    const user = await newUser();
    const { token } = await signIn(handle.db, { email: user.email, password: PASSWORD, now: T0 });
    const shorter = { idleMs: IDLE_MS, maxAgeMs: HOUR };
    expect(await authenticateSession(handle.db, token, at(HOUR - 1000), shorter)).not.toBeNull();
    expect(await authenticateSession(handle.db, token, at(HOUR), shorter)).toBeNull();
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

  test('five wrong passwords pause sign-ins for a minute, then two, four… up to fifteen', async () => {
    const user = await newUser();
    const attempt = (password: string, now: Date) => signIn(handle.db, { email: user.email, password, now });
    let t = 0;
    const pauses: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      for (let i = 0; i < SIGN_IN_THROTTLE.maxFailures - 1; i += 1) {
        t += 1000;
        await expect(attempt('wrong', at(t))).rejects.toThrow(InvalidCredentialsError);
      }
      t += 1000;
      const pause = await attempt('wrong', at(t)).catch((error: unknown) => error);
      expect(pause).toBeInstanceOf(AccountLockedError);
      const until = (pause as AccountLockedError).lockedUntil.getTime();
      pauses.push((until - at(t).getTime()) / MINUTE);
      // Even the right password waits for the end of the pause.
      await expect(attempt(PASSWORD, new Date(until - 1))).rejects.toThrow(AccountLockedError);
      t = until - T0.getTime();
    }
    expect(pauses).toEqual([1, 2, 4, 8, 15, 15]);
    // After the pause, the right password opens a session and clears the count.
    await expect(attempt(PASSWORD, at(t))).resolves.toMatchObject({ user: { id: user.id } });
    await expect(attempt('wrong', at(t + 1000))).rejects.toThrow(InvalidCredentialsError);
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
