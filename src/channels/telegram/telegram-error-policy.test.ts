import { describe, expect, it } from 'vitest';
import {
  classifyTelegramError,
  classifyTransportError,
  classifyUnreadableAnswer,
  parseTelegramApiResponse,
  type TelegramApiResponse,
} from './telegram-error-policy.ts';

function answer(body: unknown): TelegramApiResponse {
  const parsed = parseTelegramApiResponse(body);
  if (parsed === null) throw new Error('not a Bot API answer');
  return parsed;
}

describe('classifyTelegramError', () => {
  it.each<[string, number, unknown, object]>([
    [
      'flood control',
      429,
      {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 7',
        parameters: { retry_after: 7 },
      },
      { disposition: 'retry', reason: 'throttled_pair', title: 'Telegram flood control: retry after 7 s' },
    ],
    [
      'Telegram’s own outage',
      500,
      { ok: false, error_code: 500, description: 'Internal Server Error' },
      { disposition: 'retry' },
    ],
    [
      'a blocked bot',
      403,
      { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
      {
        disposition: 'fail',
        code: 403,
        title: 'Telegram refused the message: Forbidden: bot was blocked by the user',
      },
    ],
    [
      'a kicked bot',
      403,
      { ok: false, error_code: 403, description: 'Forbidden: bot was kicked from the group chat' },
      { disposition: 'fail' },
    ],
    [
      'an unknown chat',
      400,
      { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
      { disposition: 'fail', code: 400 },
    ],
    [
      'a refused token',
      401,
      { ok: false, error_code: 401, description: 'Unauthorized' },
      { disposition: 'fail', reason: 'token_invalid' },
    ],
    [
      'a token Telegram cannot read',
      404,
      { ok: false, error_code: 404, description: 'Not Found' },
      { disposition: 'fail', reason: 'token_invalid' },
    ],
    [
      'a migrated group',
      400,
      {
        ok: false,
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: -1001234567890 },
      },
      { disposition: 'fail', detail: 'migrate_to_chat_id -1001234567890: send to chat -1001234567890' },
    ],
  ])('%s', (_, status, body, outcome) => {
    expect(classifyTelegramError(status, answer(body))).toMatchObject({ ok: false, ...outcome });
  });

  it('reads the code from the HTTP status when the body has none', () => {
    expect(classifyTelegramError(429, answer({ ok: false, description: 'Too Many Requests' }))).toMatchObject(
      {
        disposition: 'retry',
        code: 429,
      },
    );
  });

  it('keeps a hostile description short and on one line', () => {
    const outcome = classifyTelegramError(
      400,
      answer({ ok: false, description: `a\u0000b\n${'x'.repeat(10_000)}` }),
    );
    expect(outcome.title.length).toBeLessThan(400);
    expect(outcome.title).not.toContain('\u0000');
    expect(outcome.title).not.toContain('\n');
  });
});

describe('parseTelegramApiResponse', () => {
  it.each([null, 'ok', [], { result: 1 }, { ok: 'false' }])('is null for %j', (body) => {
    expect(parseTelegramApiResponse(body)).toBeNull();
  });

  it('reads wrong-typed parameters as absent', () => {
    expect(answer({ ok: false, error_code: '429', parameters: { retry_after: 'soon' } })).toMatchObject({
      errorCode: null,
      retryAfter: null,
    });
  });
});

describe('classifyUnreadableAnswer', () => {
  it.each([
    [502, 'retry'],
    [503, 'retry'],
    [500, 'unknown'],
    [504, 'unknown'],
    [200, 'unknown'],
  ])('HTTP %i without a Bot API body is %s', (status, disposition) => {
    expect(classifyUnreadableAnswer(status).disposition).toBe(disposition);
  });
});

describe('classifyTransportError', () => {
  it('a time-out may have reached Telegram: unknown', () => {
    expect(classifyTransportError(new DOMException('timed out', 'TimeoutError'), 50)).toMatchObject({
      disposition: 'unknown',
      title: 'Telegram did not answer within 50 ms',
    });
  });

  it('a refused connection never left: retry', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    });
    expect(classifyTransportError(error, 50)).toMatchObject({ disposition: 'retry' });
  });

  it('a connection reset after sending: unknown', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }),
    });
    expect(classifyTransportError(error, 50)).toMatchObject({ disposition: 'unknown' });
  });
});
