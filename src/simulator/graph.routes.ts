import type { FastifyPluginAsync } from 'fastify';
import { invalidParameterError } from './graph-error.ts';
import { clientErrorStatus, useJsonBodies } from './json-body-parser.ts';
import type { WhatsAppSimulator } from './whatsapp-simulator.ts';

/** The fake Graph API: `POST /{version}/{phone-number-id}/messages`, answered the way Meta answers. */
export function graphRoutes(simulator: WhatsAppSimulator): FastifyPluginAsync {
  return async (app) => {
    useJsonBodies(app);

    app.setErrorHandler((error, _request, reply) => {
      const status = clientErrorStatus(error);
      if (status === undefined) throw error;
      const message = error instanceof Error ? error.message : 'The request could not be read.';
      const graphError = invalidParameterError('(#100) Invalid parameter', message);
      return reply.code(graphError.httpStatus).send(graphError.body);
    });

    app.post<{ Params: { version: string; phoneNumberId: string } }>(
      '/:version/:phoneNumberId/messages',
      async (request, reply) => {
        const response = simulator.handleSendRequest({
          phoneNumberId: request.params.phoneNumberId,
          authorization: request.headers.authorization,
          body: request.body,
        });
        return reply.code(response.httpStatus).send(response.body);
      },
    );
  };
}
