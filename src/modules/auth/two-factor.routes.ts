import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { findOrgByRef, updateOrgTwoFactor } from '../orgs/org.service.ts';
import { TWO_FACTOR_POLICIES } from '../orgs/two-factor-policies.ts';
import { findTwoFactorFields } from '../users/totp-secret.service.ts';
import { callerOf } from './api-key.auth.ts';
import {
  CodesPausedError,
  confirmEnrolment,
  disableTwoFactor,
  RequiredByClinicError,
  regenerateRecoveryCodes,
  resetTwoFactorOf,
  startEnrolment,
  TwoFactorStateError,
  twoFactorStatus,
  WrongCodeError,
} from './two-factor.service.ts';
import { policyCovers } from './two-factor-codes.ts';

const policyJson = z
  .enum(TWO_FACTOR_POLICIES, { message: `must be one of ${TWO_FACTOR_POLICIES.join(', ')}` })
  .describe('Who must sign in with a code: nobody (off), administrators, or everyone');

const statusJson = z
  .object({
    enabled: z.boolean(),
    enabled_at: z.iso.datetime().nullable(),
    recovery_codes_left: z.number().int(),
    required: z.boolean().describe('The clinic requires it of you: it cannot be turned off'),
    clinic_policy: policyJson,
  })
  .meta({ id: 'TwoFactorStatus' });

const recoveryCodesJson = z
  .object({
    recovery_codes: z
      .array(z.string())
      .describe(
        'Ten single-use codes for when the phone is not at hand: shown this once, stored only hashed',
      ),
  })
  .meta({ id: 'RecoveryCodes' });

const codeBody = z.object({
  code: z
    .string()
    .max(20, 'must be the 6 digits your authenticator app shows')
    .regex(/^\s*\d{3}\s?\d{3}\s*$/, 'must be the 6 digits your authenticator app shows'),
});

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  409: problemSchema,
  429: problemSchema,
};
/** Routes a session restricted to enrolment may call (api-key.auth.ts). */
const enrolment = { twoFactorEnrolment: true };

/**
 * Two-factor sign-in of one's own account (status, enrolment with a QR code, turning off, new
 * recovery codes), the clinic's policy (admins), and an admin's reset of a colleague's (lost phone).
 */
export function twoFactorRoutes(db: Db, cipher: FieldCipher, clock: Clock): FastifyPluginAsyncZod {
  const now = () => clock.now();
  return async (app) => {
    app.get(
      '/auth/two-factor',
      {
        config: { ...enrolment, access: 'account.own' },
        schema: {
          tags: ['auth'],
          summary:
            'Your two-factor sign-in: on or off, recovery codes left, and whether your clinic requires it',
          response: { 200: statusJson, ...errors },
        },
      },
      async (request) => {
        const status = await twoFactorStatus(db, personOf(request));
        return {
          enabled: status.enabled,
          enabled_at: status.enabledAt?.toISOString() ?? null,
          recovery_codes_left: status.recoveryCodesLeft,
          required: status.required,
          clinic_policy: status.clinicPolicy,
        };
      },
    );

    app.post(
      '/auth/two-factor/enrolment',
      {
        config: { ...enrolment, access: 'account.own' },
        schema: {
          tags: ['auth'],
          summary:
            'Start setting up two-factor sign-in: a new secret, as a QR code and as text (needs X-CSRF-Token)',
          description:
            'Nothing changes at sign-in until a code confirms it (POST /auth/two-factor/enrolment/confirm).',
          response: {
            200: z
              .object({
                secret: z.string().describe('Base32, for typing into the app by hand'),
                otpauth_uri: z.string().describe('otpauth://totp/… (issuer Careline, your e-mail as label)'),
                qr_code: z.string().describe('The URI as a QR code: a data:image/png URL'),
              })
              .meta({ id: 'TwoFactorEnrolment' }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { secret, uri } = await answering(() => startEnrolment(db, cipher, personOf(request)));
        return { secret, otpauth_uri: uri, qr_code: await QRCode.toDataURL(uri, { margin: 1, width: 240 }) };
      },
    );

    app.post(
      '/auth/two-factor/enrolment/confirm',
      {
        config: { ...enrolment, access: 'account.own' },
        schema: {
          tags: ['auth'],
          summary:
            'Turn two-factor sign-in on with a code from the app; answers the recovery codes (needs X-CSRF-Token)',
          body: codeBody,
          response: { 200: recoveryCodesJson, ...errors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const codes = await answering(() =>
          confirmEnrolment(db, cipher, {
            userId: personOf(request),
            sessionId: caller.sessionId,
            code: request.body.code,
            now: now(),
          }),
        );
        return { recovery_codes: codes };
      },
    );

    app.post(
      '/auth/two-factor/disable',
      {
        config: { access: 'account.own' },
        schema: {
          tags: ['auth'],
          summary: 'Turn two-factor sign-in off with a current code (needs X-CSRF-Token)',
          description: 'Refused (403) when your clinic requires it of you.',
          body: codeBody,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await answering(() =>
          disableTwoFactor(db, cipher, { userId: personOf(request), code: request.body.code, now: now() }),
        );
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/auth/two-factor/recovery-codes',
      {
        config: { access: 'account.own' },
        schema: {
          tags: ['auth'],
          summary: 'New recovery codes for a current code; the old ones stop working (needs X-CSRF-Token)',
          body: codeBody,
          response: { 200: recoveryCodesJson, ...errors },
        },
      },
      async (request) => {
        const codes = await answering(() =>
          regenerateRecoveryCodes(db, cipher, {
            userId: personOf(request),
            code: request.body.code,
            now: now(),
          }),
        );
        return { recovery_codes: codes };
      },
    );

    app.get(
      '/two-factor-settings',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['auth'],
          summary: 'Who in the clinic must sign in with a code (administrators only)',
          response: { 200: z.object({ policy: policyJson }), ...errors },
        },
      },
      async (request) => {
        const org = await findOrgByRef(db, callerOf(request).orgId);
        if (!org) throw HttpProblem.notFound('Clinic');
        return { policy: org.twoFactor };
      },
    );

    app.put(
      '/two-factor-settings',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['auth'],
          summary: 'Set who must sign in with a code (administrators only; needs X-CSRF-Token)',
          description:
            'Those it covers who have not set it up are asked to at their next sign-in. An administrator it covers must have set it up first (409), so as not to be asked by surprise.',
          body: z.object({ policy: policyJson }),
          response: { 200: z.object({ policy: policyJson }), ...errors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const { policy } = request.body;
        if (caller.userId && policyCovers(policy, caller.role)) {
          const self = await findTwoFactorFields(db, caller.userId);
          if (!self?.totpEnabledAt) {
            throw new HttpProblem(
              409,
              'Set up two-factor sign-in for yourself first: this policy would require it of you',
            );
          }
        }
        const org = await updateOrgTwoFactor(db, caller.orgId, policy);
        if (!org) throw HttpProblem.notFound('Clinic');
        return { policy: org.twoFactor };
      },
    );

    app.delete(
      '/users/:id/two-factor',
      {
        config: { access: 'staff.manage' },
        schema: {
          tags: ['users'],
          summary:
            'Reset a staff member’s two-factor sign-in (lost phone): turned off, signed out everywhere',
          description:
            'If the clinic requires it of them, they set it up again after their password at the next sign-in. Administrators only; needs X-CSRF-Token.',
          params: z.object({ id: z.uuid('must be a staff member id (UUID)') }),
          response: { 204: z.null(), 404: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        if (!(await resetTwoFactorOf(db, callerOf(request).orgId, request.params.id))) {
          throw HttpProblem.notFound('Staff member');
        }
        return reply.code(204).send(null);
      },
    );
  };
}

/** The signed-in person; an API key has no two-factor sign-in of its own (403). */
function personOf(request: FastifyRequest): string {
  const { userId } = callerOf(request);
  if (!userId)
    throw new HttpProblem(403, 'Only a signed-in person has two-factor sign-in: an API key has none');
  return userId;
}

/** The service's refusals as the problems a person reads. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WrongCodeError) throw HttpProblem.badField('body.code', error.message);
    if (error instanceof CodesPausedError) throw new HttpProblem(429, error.message);
    if (error instanceof RequiredByClinicError) throw new HttpProblem(403, error.message);
    if (error instanceof TwoFactorStateError) throw new HttpProblem(409, error.message);
    throw error;
  }
}
