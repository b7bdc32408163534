import { z } from 'zod';
import { problemSchema } from '../../platform/http/problem.ts';
import type { Org } from '../orgs/org.schema.ts';
import type { PublicUser } from '../users/user.service.ts';
import { USER_ROLES } from '../users/user-roles.ts';
import { PERMISSIONS, permissionsOf } from './access-rules.ts';

export const signedInJson = z
  .object({
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      name: z.string().nullable(),
      role: z.enum(USER_ROLES),
      permissions: z
        .array(z.enum(PERMISSIONS))
        .describe('What the role may do (README › Roles): the web app shows only what these allow'),
      language: z.string().nullable().describe('Interface language; null = the browser’s'),
      org: z.object({
        id: z.uuid(),
        name: z.string(),
        slug: z.string(),
        time_zone: z.string(),
        kind: z
          .enum(['clinic', 'pharmacy'])
          .describe('A pharmacy answers the prescription orders of its clinics'),
      }),
      two_factor_enabled: z.boolean().describe('Signs in with a code from an authenticator app'),
    }),
    two_factor_enrolment_required: z
      .boolean()
      .describe(
        'The clinic requires two-factor sign-in of this person, not set up yet: until it is, every route but /auth/two-factor* answers 403',
      ),
    csrf_token: z
      .string()
      .describe('Send it back in the X-CSRF-Token header with every POST, PUT, PATCH and DELETE'),
  })
  .meta({ id: 'SignedIn' });

export const lockedProblemJson = z
  .object({
    ...problemSchema.shape,
    locked_until: z.iso
      .datetime()
      .describe('When sign-ins are possible again from browsers that never signed in to this account'),
  })
  .meta({ id: 'LockedProblem' });

export const secondFactorRequiredJson = z
  .object({
    two_factor_required: z.literal(true),
    challenge_token: z
      .string()
      .describe(
        'Send it to POST /auth/login/two-factor with the code; it is not a session and opens nothing else',
      ),
    expires_at: z.iso.datetime().describe('The code must be sent before this (5 minutes)'),
  })
  .meta({ id: 'SecondFactorRequired' });

export function toSignedInJson(
  user: PublicUser,
  org: Org,
  csrfToken: string,
  twoFactorEnrolmentOnly: boolean,
): z.infer<typeof signedInJson> {
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      permissions: [...permissionsOf(user.role)],
      language: user.language,
      org: { id: org.id, name: org.name, slug: org.slug, time_zone: org.timeZone, kind: org.kind },
      two_factor_enabled: user.totpEnabledAt !== null,
    },
    two_factor_enrolment_required: twoFactorEnrolmentOnly,
    csrf_token: csrfToken,
  };
}
