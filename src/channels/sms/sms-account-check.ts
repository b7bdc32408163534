import { z } from 'zod';
import { callTwilio, type TwilioCredentials, type TwilioHttp } from './twilio-api-client.ts';

export type SmsAccountCheck = { ok: true; friendlyName: string | null } | { ok: false; title: string };

const accountSchema = z.looseObject({
  sid: z.string(),
  status: z.string().optional(),
  friendly_name: z.string().max(200).optional(),
});

/**
 * Checks an account SID and auth token with the provider: `GET /2010-04-01/Accounts/{AccountSid}.json`
 * answers the account when the credentials are its own, and says whether it is active (a suspended or
 * closed account sends nothing).
 */
export async function checkSmsAccount(
  http: TwilioHttp,
  credentials: TwilioCredentials,
): Promise<SmsAccountCheck> {
  const answer = await callTwilio(http, credentials, { method: 'GET', path: '.json' });
  if (!answer.ok) {
    const reason = answer.failure.detail ?? answer.failure.title;
    return { ok: false, title: `the SMS provider refused the account SID and auth token: ${reason}` };
  }
  const account = accountSchema.safeParse(answer.body);
  if (!account.success || account.data.sid !== credentials.accountSid)
    return { ok: false, title: 'the SMS provider answered something other than this account' };
  if (account.data.status !== undefined && account.data.status !== 'active')
    return { ok: false, title: `the SMS account is ${account.data.status}, not active` };
  return { ok: true, friendlyName: account.data.friendly_name ?? null };
}
