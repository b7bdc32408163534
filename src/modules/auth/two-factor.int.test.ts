import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addStaff, type Json } from '../../../test/e2e/inbox-support.ts';
import { PASSWORD, type SignedInBrowser, signIn, signInAttempt } from '../../../test/e2e/settings-support.ts';
import {
  startTestCareline,
  type TestCareline,
  type TestClinic,
} from '../../../test/support/test-careline.ts';
import { TEST_ENGINES } from '../../../test/support/test-db.ts';
import { twoFactorRecoveryCodes, users } from '../../db-schema.ts';
import { TestClock } from '../../platform/time/test-clock.ts';
import { createOrg } from '../orgs/org.service.ts';

/** TOTP codes change every 30 seconds. */
const STEP_MS = 30_000;

describe.each(TEST_ENGINES)('two-factor sign-in (%s)', (engine) => {
  let env: TestCareline;
  let clinic: TestClinic;
  let other: TestClinic;
  // Careline's time stands still unless a test moves it: a code never expires between two lines.
  const clock = new TestClock('2026-03-02T09:00:05Z');

  /** The code the person's authenticator app shows at Careline's time, `steps` 30-second steps ahead. */
  function codeOf(secret: string, steps = 0): string {
    return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.nowMs() + steps * STEP_MS });
  }

  /** A code that is surely wrong now: the one of ten minutes ahead. */
  function wrongCodeOf(secret: string): string {
    return codeOf(secret, 20);
  }

  beforeAll(async () => {
    env = await startTestCareline(engine, { clock });
    clinic = await env.addClinic('Clinique des Lilas');
    other = await env.addClinic('Cabinet Pasteur');
  });
  afterAll(async () => {
    await env?.close();
  });

  function post(path: string, body: unknown): Promise<Response> {
    return fetch(`${env.url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  /** The password step of a person with two-factor sign-in: a challenge, and no session. */
  async function passwordStep(email: string): Promise<string> {
    const response = await signInAttempt(env, email, PASSWORD);
    expect(response.status).toBe(202);
    expect(response.headers.getSetCookie().some((c) => c.startsWith('careline_session='))).toBe(false);
    const body = (await response.json()) as Json;
    expect(body).toMatchObject({ two_factor_required: true, expires_at: expect.any(String) });
    expect(Date.parse(String(body.expires_at)) - clock.nowMs()).toBe(5 * 60_000);
    return String(body.challenge_token);
  }

  /** Sets up two-factor sign-in from a signed-in browser; answers the secret and the recovery codes. */
  async function enrol(browser: SignedInBrowser): Promise<{ secret: string; recoveryCodes: string[] }> {
    const started = await browser.call('POST', '/auth/two-factor/enrolment');
    expect(started.status).toBe(200);
    const secret = String(started.body.secret);
    const confirmed = await browser.call('POST', '/auth/two-factor/enrolment/confirm', {
      code: codeOf(secret),
    });
    expect(confirmed.status).toBe(200);
    return { secret, recoveryCodes: confirmed.body.recovery_codes as string[] };
  }

  function cookieOf(response: Response): string {
    return (
      response.headers
        .getSetCookie()
        .find((c) => c.startsWith('careline_session='))
        ?.split(';')[0] ?? ''
    );
  }

  async function statusWith(cookie: string, path = '/conversations'): Promise<number> {
    return (await fetch(`${env.url}/api/v1${path}`, { headers: { cookie } })).status;
  }

  test('an admin turns it on with a QR code, signs in with a code, a replayed code is refused, a recovery code works once', async () => {
    const admin = await addStaff(env, clinic, { name: 'Admin Lilas', role: 'admin' });
    const browser = await signIn(env, admin.email);
    expect((await browser.call('GET', '/auth/two-factor')).body).toMatchObject({
      enabled: false,
      required: false,
      clinic_policy: 'off',
    });

    const started = await browser.call('POST', '/auth/two-factor/enrolment');
    expect(started.status).toBe(200);
    const secret = String(started.body.secret);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(String(started.body.otpauth_uri));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('issuer')).toBe('Careline');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(decodeURIComponent(uri.pathname)).toContain(admin.email);
    expect(String(started.body.qr_code)).toMatch(/^data:image\/png;base64,/);
    // Stored sealed with the master key, not as the secret itself.
    const [stored] = await env.handle.db.select().from(users).where(eq(users.id, admin.id));
    expect(stored?.totpSecret).not.toContain(secret);
    expect(stored?.totpEnabledAt).toBeNull();

    const wrong = await browser.call('POST', '/auth/two-factor/enrolment/confirm', {
      code: wrongCodeOf(secret),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'body.code' })]);
    expect((await signInAttempt(env, admin.email, PASSWORD)).status).toBe(200);

    const confirmed = await browser.call('POST', '/auth/two-factor/enrolment/confirm', {
      code: codeOf(secret),
    });
    expect(confirmed.status).toBe(200);
    const recoveryCodes = confirmed.body.recovery_codes as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const hashes = await env.handle.db
      .select({ hash: twoFactorRecoveryCodes.codeHash })
      .from(twoFactorRecoveryCodes)
      .where(eq(twoFactorRecoveryCodes.userId, admin.id));
    expect(hashes).toHaveLength(10);
    for (const code of recoveryCodes) expect(hashes.map((h) => h.hash)).not.toContain(code);

    // The challenge is no session: used as a cookie it opens nothing.
    const challenge = await passwordStep(admin.email);
    expect(await statusWith(`careline_session=${challenge}`)).toBe(401);

    const code = codeOf(secret, 1);
    const signedIn = await post('/auth/login/two-factor', { challenge_token: challenge, code });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({
      user: { email: admin.email, two_factor_enabled: true },
      two_factor_enrolment_required: false,
    });
    expect(await statusWith(cookieOf(signedIn))).toBe(200);

    // Someone who saw the code (over the shoulder, a phishing page) cannot use it again.
    const again = await passwordStep(admin.email);
    const replayed = await post('/auth/login/two-factor', { challenge_token: again, code });
    expect(replayed.status).toBe(401);
    expect(cookieOf(replayed)).toBe('');

    const [first, second] = recoveryCodes;
    const byRecovery = await post('/auth/login/two-factor', {
      challenge_token: again,
      recovery_code: first?.toUpperCase(),
    });
    expect(byRecovery.status).toBe(200);
    expect(await statusWith(cookieOf(byRecovery))).toBe(200);
    // The challenge was used up with the session it opened.
    expect(
      (await post('/auth/login/two-factor', { challenge_token: again, recovery_code: second })).status,
    ).toBe(401);

    const third = await passwordStep(admin.email);
    expect(
      (await post('/auth/login/two-factor', { challenge_token: third, recovery_code: first })).status,
    ).toBe(401);
    expect(
      (await post('/auth/login/two-factor', { challenge_token: third, recovery_code: second })).status,
    ).toBe(200);
    expect((await browser.call('GET', '/auth/two-factor')).body).toMatchObject({
      enabled: true,
      recovery_codes_left: 8,
    });
    const neither = await post('/auth/login/two-factor', { challenge_token: third });
    expect(neither.status).toBe(400);
  });

  test('a code the app showed a step ago still works; one from two steps ago is refused', async () => {
    const agent = await addStaff(env, clinic, { name: 'Léa Roux' });
    const { secret } = await enrol(await signIn(env, agent.email));
    clock.advance(STEP_MS);
    const shownThen = codeOf(secret);

    clock.advance(2 * STEP_MS);
    const late = await post('/auth/login/two-factor', {
      challenge_token: await passwordStep(agent.email),
      code: shownThen,
    });
    expect(late.status).toBe(401);

    const shownNow = codeOf(secret);
    clock.advance(STEP_MS);
    const slow = await post('/auth/login/two-factor', {
      challenge_token: await passwordStep(agent.email),
      code: shownNow,
    });
    expect(slow.status).toBe(200);
  });

  test('wrong codes count against the sign-in throttle, like wrong passwords', async () => {
    const agent = await addStaff(env, clinic, { name: 'Inès Morel' });
    const { secret } = await enrol(await signIn(env, agent.email));
    const challenge = await passwordStep(agent.email);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const guess = await post('/auth/login/two-factor', {
        challenge_token: challenge,
        code: wrongCodeOf(secret),
      });
      statuses.push(guess.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    // Paused: the right code is refused too, and so is the password step.
    const right = await post('/auth/login/two-factor', {
      challenge_token: challenge,
      code: codeOf(secret, 1),
    });
    expect(right.status).toBe(423);
    expect((await signInAttempt(env, agent.email, PASSWORD)).status).toBe(423);
  });

  test('a clinic that requires it sends those without it to enrolment; an admin resets a lost phone', async () => {
    const admin = await addStaff(env, other, { name: 'Admin Pasteur', role: 'admin' });
    const agent = await addStaff(env, other, { name: 'Paul Vidal' });
    const adminBrowser = await signIn(env, admin.email);
    const early = await adminBrowser.call('PUT', '/two-factor-settings', { policy: 'everyone' });
    expect(early.status).toBe(409);
    await enrol(adminBrowser);
    expect((await adminBrowser.call('PUT', '/two-factor-settings', { policy: 'sometimes' })).status).toBe(
      400,
    );
    const set = await adminBrowser.call('PUT', '/two-factor-settings', { policy: 'everyone' });
    expect(set).toMatchObject({ status: 200, body: { policy: 'everyone' } });

    // The agent's password opens a session that can only enrol.
    const response = await signInAttempt(env, agent.email, PASSWORD);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ two_factor_enrolment_required: true });
    const restricted = await signIn(env, agent.email);
    const refused = await restricted.call('GET', '/conversations');
    expect(refused.status).toBe(403);
    expect(String(refused.body.detail)).toContain('requires two-factor sign-in');
    expect((await restricted.call('GET', '/two-factor-settings')).status).toBe(403);
    expect((await restricted.call('GET', '/auth/two-factor')).body).toMatchObject({
      enabled: false,
      required: true,
    });
    const { secret } = await enrol(restricted);
    expect((await restricted.call('GET', '/conversations')).status).toBe(200);
    expect((await restricted.call('GET', '/auth/me')).body).toMatchObject({
      two_factor_enrolment_required: false,
    });
    const turnOff = await restricted.call('POST', '/auth/two-factor/disable', { code: codeOf(secret, 1) });
    expect(turnOff.status).toBe(403);
    expect((await restricted.call('PUT', '/two-factor-settings', { policy: 'off' })).status).toBe(403);

    // Lost phone: the admin resets it; the agent's browsers are signed out, and enrolment comes again.
    expect((await adminBrowser.call('DELETE', `/users/${agent.id}/two-factor`)).status).toBe(204);
    expect((await restricted.call('GET', '/conversations')).status).toBe(401);
    const afterReset = await signInAttempt(env, agent.email, PASSWORD);
    expect(afterReset.status).toBe(200);
    expect(await afterReset.json()).toMatchObject({
      user: { two_factor_enabled: false },
      two_factor_enrolment_required: true,
    });
    // Only one's own clinic's staff.
    const stranger = await addStaff(env, clinic, { name: 'Marc Petit' });
    expect((await adminBrowser.call('DELETE', `/users/${stranger.id}/two-factor`)).status).toBe(404);
    // API keys have no second factor of their own.
    const byKey = await env.api(other.apiKey, '/api/v1/auth/two-factor');
    expect(byKey.status).toBe(403);
  });

  test('new clinics require it of their administrators unless they choose otherwise', async () => {
    const created = await createOrg(env.handle.db, { name: 'Centre Hospitalier du Val' });
    expect(created.twoFactor).toBe('admins');
  });
});
