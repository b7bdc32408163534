import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { decodeFormFields } from '../../channels/form-fields.ts';
import type { SmsAnswer, SmsStandIn } from './sms-stand-in.ts';

/**
 * Twilio's Messaging API over HTTP: `GET /2010-04-01/Accounts/{sid}.json`,
 * `POST /2010-04-01/Accounts/{sid}/Messages.json` (form-encoded) and the media of patients' MMS.
 */
const FORM = 'application/x-www-form-urlencoded';

export function smsRoutes(sms: SmsStandIn): FastifyPluginAsync {
  return async (app) => {
    // Careline's own app may read forms its way (webhooks keep them raw): these routes read them as fields.
    if (app.hasContentTypeParser(FORM)) app.removeContentTypeParser(FORM);
    app.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) =>
      done(null, decodeFormFields(typeof body === 'string' ? body : body.toString('utf8'))),
    );
    const send = (reply: FastifyReply, answer: SmsAnswer) => reply.code(answer.httpStatus).send(answer.body);

    app.get<{ Params: { file: string } }>('/2010-04-01/Accounts/:file', async (request, reply) => {
      const sid = request.params.file.endsWith('.json') ? request.params.file.slice(0, -5) : '';
      return send(reply, sms.account(request.headers.authorization, sid));
    });

    app.post<{ Params: { sid: string } }>(
      '/2010-04-01/Accounts/:sid/Messages.json',
      async (request, reply) => {
        const form = isFields(request.body) ? request.body : {};
        return send(reply, sms.createMessage(request.headers.authorization, request.params.sid, form));
      },
    );

    app.get<{ Params: { sid: string; messageSid: string; mediaSid: string } }>(
      '/2010-04-01/Accounts/:sid/Messages/:messageSid/Media/:mediaSid',
      async (request, reply) => {
        const answer = sms.media(request.headers.authorization, request.params.sid, request.params.mediaSid);
        if (!answer.bytes) return send(reply, answer);
        return reply
          .code(200)
          .type(answer.mimeType ?? 'application/octet-stream')
          .header('content-length', answer.bytes.length)
          .send(answer.bytes);
      },
    );
  };
}

function isFields(body: unknown): body is Record<string, string> {
  return typeof body === 'object' && body !== null && !Array.isArray(body);
}
