import { describe, expect, it } from 'vitest';
import { classifyGraphError, graphErrorOf } from './messenger-error-policy.ts';

function verdict(httpStatus: number, error: Record<string, unknown> | null) {
  return classifyGraphError(graphErrorOf(httpStatus, error === null ? null : { error }));
}

describe('classifyGraphError', () => {
  it.each([613, 4, 17, 32, 80006])('retries the rate limit %i as throttling', (code) => {
    expect(verdict(400, { code, message: 'rate' })).toEqual({
      disposition: 'retry',
      reason: 'throttled_number',
    });
  });

  it.each([1, 2, 1200])("retries Meta's passing error %i", (code) => {
    expect(verdict(500, { code })).toEqual({ disposition: 'retry' });
  });

  it('retries what Meta marks transient', () => {
    expect(verdict(400, { code: 100, is_transient: true })).toEqual({ disposition: 'retry' });
  });

  it('fails an invalid token for an operator to fix', () => {
    expect(verdict(401, { code: 190, error_subcode: 463, type: 'OAuthException' })).toEqual({
      disposition: 'fail',
      reason: 'token_invalid',
    });
  });

  it('fails a send outside the window as window_closed', () => {
    expect(verdict(400, { code: 10, error_subcode: 2018278 })).toEqual({
      disposition: 'fail',
      reason: 'window_closed',
    });
    expect(verdict(400, { code: 10, error_subcode: 2018065 })).toEqual({
      disposition: 'fail',
      reason: 'window_closed',
    });
  });

  it.each([
    ['551 person unavailable', { code: 551, error_subcode: 1545041 }],
    ['100/2018001 no matching user', { code: 100, error_subcode: 2018001 }],
    ['10/2018108 cannot receive messages', { code: 10, error_subcode: 2018108 }],
    ['200 permissions', { code: 200 }],
    ['230 permissions', { code: 230 }],
    ['368 policy block', { code: 368 }],
    ['100 invalid parameter', { code: 100 }],
  ])('fails %s for good', (_label, error) => {
    expect(verdict(400, error)).toEqual({ disposition: 'fail' });
  });

  it('reads a gateway error without a Graph error as unknown (the send may have gone through)', () => {
    expect(verdict(502, null)).toEqual({ disposition: 'unknown' });
    expect(verdict(200, null)).toEqual({ disposition: 'unknown' });
  });

  it("retries a proxy's 429 and fails a proxy's other 4xx", () => {
    expect(verdict(429, null)).toEqual({ disposition: 'retry', reason: 'throttled_number' });
    expect(verdict(403, null)).toEqual({ disposition: 'fail' });
  });
});

describe('graphErrorOf', () => {
  it("reads Meta's error object", () => {
    const body = {
      error: {
        message: 'No matching user found',
        type: 'OAuthException',
        code: 100,
        error_subcode: 2018001,
        fbtrace_id: 'Ab1',
      },
    };
    expect(graphErrorOf(400, body)).toEqual({
      httpStatus: 400,
      code: 100,
      subcode: 2018001,
      type: 'OAuthException',
      message: 'No matching user found',
      fbtraceId: 'Ab1',
      isTransient: null,
    });
  });

  it.each([null, 'x', [], { error: [] }, { error: { code: 'x', message: 42 } }])('survives %j', (body) => {
    expect(graphErrorOf(500, body)).toMatchObject({ code: null, message: null });
  });
});
