import { describe, expect, it } from 'vitest';
import { parseGraphResponse } from './parse-graph-response.ts';

describe('parseGraphResponse', () => {
  it('reads a send acceptance: wamid and the recipient as resolved', () => {
    const body = {
      messaging_product: 'whatsapp',
      contacts: [{ input: '+33612345678', wa_id: '33612345678' }],
      messages: [{ id: 'wamid.abc', message_status: 'accepted' }],
    };

    expect(parseGraphResponse(200, body)).toMatchObject({
      ok: true,
      externalId: 'wamid.abc',
      messageStatus: 'accepted',
      recipient: { input: '+33612345678', waId: '33612345678' },
      media: null,
    });
  });

  it('treats an error object as an error even under a 2xx status', () => {
    const body = { error: { message: '(#131056) Pair rate limit hit', code: 131056, fbtrace_id: 'Ab' } };

    expect(parseGraphResponse(200, body)).toMatchObject({ ok: false, httpStatus: 200, errorCode: 131056 });
  });

  it('does not take a non-Graph answer as accepted', () => {
    expect(parseGraphResponse(502, '<html>Bad Gateway</html>')).toMatchObject({
      ok: false,
      httpStatus: 502,
      errorCode: null,
      message: null,
    });
    expect(parseGraphResponse(200, 'OK')).toMatchObject({ ok: false, errorCode: null });
    expect(parseGraphResponse(200, { success: false })).toMatchObject({ ok: false });
  });

  it('accepts error_data given as a plain string', () => {
    const body = { error: { message: 'Invalid parameter', code: 100, error_data: 'Param to is invalid' } };

    expect(parseGraphResponse(400, body)).toMatchObject({
      ok: false,
      errorCode: 100,
      details: 'Param to is invalid',
    });
  });
});
