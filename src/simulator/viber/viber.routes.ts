import type { FastifyPluginAsync } from 'fastify';
import { clientErrorStatus, useJsonBodies } from '../json-body-parser.ts';
import { VIBER_MEDIA_PATH, type ViberStandIn } from './viber-stand-in.ts';

/**
 * Viber's REST Bot API over HTTP: `POST /pa/send_message`, `/pa/set_webhook`, `/pa/get_account_info`
 * (every answer HTTP 200, the outcome in `status`), and the patients' files at their public media URLs.
 */
export function viberRoutes(viber: ViberStandIn): FastifyPluginAsync {
  return async (app) => {
    useJsonBodies(app);

    app.setErrorHandler((error, _request, reply) => {
      const status = clientErrorStatus(error);
      if (status === undefined) throw error;
      return reply.code(200).type('application/json').send('{"status":3,"status_message":"badData"}');
    });

    app.post<{ Params: { method: string } }>('/pa/:method', async (request, reply) => {
      const token = request.headers['x-viber-auth-token'];
      const answer = await viber.handle({
        method: request.params.method,
        authToken: typeof token === 'string' ? token : undefined,
        body: request.body,
      });
      return reply.code(answer.httpStatus).type('application/json').send(answer.json);
    });

    app.get<{ Params: { id: string } }>(`${VIBER_MEDIA_PATH}:id`, async (request, reply) => {
      const file = viber.media(request.params.id);
      if (!file) return reply.code(404).type('text/plain').send('Not found');
      return reply.code(200).type(file.mimeType).header('content-length', file.bytes.length).send(file.bytes);
    });
  };
}
