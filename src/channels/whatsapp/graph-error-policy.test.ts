import { describe, expect, it } from 'vitest';
import { sendErrorDisposition } from './graph-error-policy.ts';
import { parseGraphResponse } from './parse-graph-response.ts';

/** A send's answer as Careline reads it, then judged: was it sent, or may it have been? */
function judged(status: number, body: unknown) {
  const parsed = parseGraphResponse(status, body);
  if (parsed.ok) throw new Error('expected a refusal');
  return sendErrorDisposition(parsed);
}

function graphError(code: number, message: string) {
  return { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf' } };
}

describe('sendErrorDisposition', () => {
  it("Meta's own refusals prove nothing was sent: throttling is retried, a bad request fails", () => {
    expect(
      judged(400, graphError(131056, '(#131056) (Business Account, Consumer Account) pair rate limit hit')),
    ).toBe('retry');
    expect(judged(429, graphError(130429, '(#130429) Rate limit hit'))).toBe('retry');
    expect(judged(400, graphError(100, '(#100) Invalid parameter'))).toBe('fail');
    expect(judged(401, graphError(190, 'Error validating access token'))).toBe('fail');
    // A 5xx that carries Meta's error object is still Meta answering that it did not send.
    expect(judged(500, graphError(131000, '(#131000) Something went wrong'))).toBe('retry');
  });

  it("a proxy's 4xx page refused the call before Meta: nothing was sent", () => {
    expect(judged(429, '<html>Too Many Requests</html>')).toBe('retry');
    expect(judged(403, '<html>Forbidden</html>')).toBe('fail');
  });

  it("a gateway's 5xx without Meta's error object may come after Meta took the message: unknown", () => {
    expect(judged(502, '<html>Bad Gateway</html>')).toBe('unknown');
    expect(judged(504, null)).toBe('unknown');
    expect(judged(503, { message: 'upstream unavailable' })).toBe('unknown');
  });

  it('a 2xx that is not a readable acceptance is unknown, never a refusal', () => {
    expect(judged(200, null)).toBe('unknown');
    expect(judged(200, '<html>OK</html>')).toBe('unknown');
    expect(judged(200, { success: false })).toBe('unknown');
  });
});
