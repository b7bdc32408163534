import type { SendOutcome } from './channel.ts';

/**
 * A provider call that got no answer, by the provider's name (LINE, Viber). A timeout or a broken
 * connection may come after the provider took the request: `unknown`, unless the request never left (no
 * such host, refused): `retry`.
 */
export function transportFailure(
  provider: string,
  error: unknown,
  timeoutMs: number,
): Extract<SendOutcome, { ok: false }> {
  const name = error instanceof Error ? error.name : '';
  const timedOut = name === 'TimeoutError' || name === 'AbortError';
  const code = timedOut ? null : causeCode(error);
  const notSent = code !== null && /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH)$/.test(code);
  return {
    ok: false,
    disposition: notSent ? 'retry' : 'unknown',
    code: null,
    title: timedOut
      ? `${provider} did not answer within ${timeoutMs} ms`
      : notSent
        ? `${provider} could not be reached (${code})`
        : `the connection to ${provider} broke${code === null ? '' : ` (${code})`}`,
    detail: null,
  };
}

function causeCode(error: unknown): string | null {
  for (let at: unknown = error, depth = 0; at instanceof Error && depth < 4; at = at.cause, depth += 1) {
    if ('code' in at && typeof at.code === 'string' && /^[A-Z_]{2,64}$/.test(at.code)) return at.code;
  }
  return null;
}
