import { apiRequest } from '../api/http-client.ts';
import type { Session } from '../api/types.ts';

const API = '/api/v1';

export type TwoFactorPolicy = 'off' | 'admins' | 'everyone';
export const TWO_FACTOR_POLICIES: readonly TwoFactorPolicy[] = ['off', 'admins', 'everyone'];

/** What POST /auth/login answers for someone with two-factor sign-in: no session yet. */
export interface SecondFactorRequired {
  two_factor_required: true;
  challenge_token: string;
  expires_at: string;
}

export interface TwoFactorStatus {
  enabled: boolean;
  enabled_at: string | null;
  recovery_codes_left: number;
  required: boolean;
  clinic_policy: TwoFactorPolicy;
}

export interface TwoFactorEnrolment {
  secret: string;
  otpauth_uri: string;
  /** A data:image/png URL. */
  qr_code: string;
}

export function needsSecondFactor(answer: Session | SecondFactorRequired): answer is SecondFactorRequired {
  return 'two_factor_required' in answer && answer.two_factor_required === true;
}

export const twoFactorKeys = {
  status: ['auth-two-factor'] as const,
  policy: ['two-factor-settings'] as const,
};

export const twoFactorApi = {
  login: (email: string, password: string) =>
    apiRequest<Session | SecondFactorRequired>(`${API}/auth/login`, {
      method: 'POST',
      body: { email, password },
      expectUnauthorized: true,
    }),
  secondStep: (challengeToken: string, factor: { code: string } | { recovery_code: string }) =>
    apiRequest<Session>(`${API}/auth/login/two-factor`, {
      method: 'POST',
      body: { challenge_token: challengeToken, ...factor },
      expectUnauthorized: true,
    }),
  status: () => apiRequest<TwoFactorStatus>(`${API}/auth/two-factor`),
  startEnrolment: () =>
    apiRequest<TwoFactorEnrolment>(`${API}/auth/two-factor/enrolment`, { method: 'POST' }),
  confirmEnrolment: (code: string) =>
    apiRequest<{ recovery_codes: string[] }>(`${API}/auth/two-factor/enrolment/confirm`, {
      method: 'POST',
      body: { code },
    }),
  disable: (code: string) =>
    apiRequest<void>(`${API}/auth/two-factor/disable`, { method: 'POST', body: { code } }),
  newRecoveryCodes: (code: string) =>
    apiRequest<{ recovery_codes: string[] }>(`${API}/auth/two-factor/recovery-codes`, {
      method: 'POST',
      body: { code },
    }),
  policy: () => apiRequest<{ policy: TwoFactorPolicy }>(`${API}/two-factor-settings`),
  setPolicy: (policy: TwoFactorPolicy) =>
    apiRequest<{ policy: TwoFactorPolicy }>(`${API}/two-factor-settings`, {
      method: 'PUT',
      body: { policy },
    }),
  resetOf: (userId: string) => apiRequest<void>(`${API}/users/${userId}/two-factor`, { method: 'DELETE' }),
};
