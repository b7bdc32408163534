import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { clientErrorStatus, useJsonBodies } from '../json-body-parser.ts';
import type { LineAnswer, LineStandIn } from './line-stand-in.ts';

/**
 * LINE's Messaging API over HTTP (api.line.me and api-data.line.me in one): `POST /v2/bot/message/reply`,
 * `POST /v2/bot/message/push`, `GET /v2/bot/info`, `PUT /v2/bot/channel/webhook/endpoint` and
 * `GET /v2/bot/message/{messageId}/content`.
 */
export function lineRoutes(line: LineStandIn): FastifyPluginAsync {
  return async (app) => {
    useJsonBodies(app);

    app.setErrorHandler((error, _request, reply) => {
      const status = clientErrorStatus(error);
      if (status === undefined) throw error;
      return reply.code(400).send({ message: 'The request body is not valid JSON.' });
    });

    const send = (reply: FastifyReply, answer: LineAnswer) =>
      reply
        .code(answer.httpStatus)
        .headers(answer.headers ?? {})
        .send(answer.body);

    for (const [method, path] of [
      ['POST', '/v2/bot/message/reply'],
      ['POST', '/v2/bot/message/push'],
      ['GET', '/v2/bot/info'],
      ['GET', '/v2/bot/message/quota'],
      ['GET', '/v2/bot/message/quota/consumption'],
      ['PUT', '/v2/bot/channel/webhook/endpoint'],
    ] as const) {
      app.route({
        method,
        url: path,
        handler: async (request, reply) => {
          const retryKey = request.headers['x-line-retry-key'];
          return send(
            reply,
            line.handle({
              method,
              path,
              authorization: request.headers.authorization,
              retryKey: typeof retryKey === 'string' ? retryKey : undefined,
              body: request.body,
            }),
          );
        },
      });
    }

    app.get<{ Params: { messageId: string } }>(
      '/v2/bot/message/:messageId/content',
      async (request, reply) => {
        const answer = line.content(request.headers.authorization, request.params.messageId);
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
