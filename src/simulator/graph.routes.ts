import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { invalidParameterError } from './graph-error.ts';
import { clientErrorStatus, useJsonBodies } from './json-body-parser.ts';
import type { MediaUpload } from './media-graph.ts';
import { replyThroughFault } from './transport-fault-reply.ts';
import type { WhatsAppSimulator } from './whatsapp-simulator.ts';

/** The largest upload read before the per-type limits apply (documents: 100 MB). */
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024 + 1;

/**
 * The fake Graph API, answered the way Meta answers: sends, media upload / lookup / delete / download,
 * and the template listing.
 */
export function graphRoutes(simulator: WhatsAppSimulator): FastifyPluginAsync {
  return async (app) => {
    useJsonBodies(app);
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });

    app.setErrorHandler((error, _request, reply) => {
      const status = clientErrorStatus(error);
      if (status === undefined) throw error;
      const message = error instanceof Error ? error.message : 'The request could not be read.';
      const graphError = invalidParameterError('(#100) Invalid parameter', message);
      return reply.code(graphError.httpStatus).send(graphError.body);
    });

    // Media URLs point back here; when mounted under a prefix (Careline's /simulator) it is part of it.
    const baseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}${app.prefix}`;

    const closing = new AbortController();
    app.addHook('preClose', async () => closing.abort());

    app.post<{ Params: { version: string; phoneNumberId: string } }>(
      '/:version/:phoneNumberId/messages',
      async (request, reply) => {
        const fault = simulator.takeTransportFault(request.params.phoneNumberId, request.body);
        if (fault && 'reachesMeta' in fault && !fault.reachesMeta)
          return replyThroughFault(request, reply, fault, undefined, closing.signal);
        const response = simulator.handleSendRequest({
          phoneNumberId: request.params.phoneNumberId,
          authorization: request.headers.authorization,
          body: request.body,
        });
        if (fault) return replyThroughFault(request, reply, fault, response, closing.signal);
        return reply.code(response.httpStatus).send(response.body);
      },
    );

    app.post<{ Params: { version: string; phoneNumberId: string } }>(
      '/:version/:phoneNumberId/media',
      async (request, reply) => {
        const upload: MediaUpload = {
          phoneNumberId: request.params.phoneNumberId,
          authorization: request.headers.authorization,
        };
        if (request.isMultipart()) {
          for await (const part of request.parts()) {
            if (part.type === 'file') {
              upload.file = { bytes: await part.toBuffer(), mimeType: part.mimetype };
            } else if (part.fieldname === 'type' && typeof part.value === 'string') {
              upload.type = part.value;
            } else if (part.fieldname === 'messaging_product' && typeof part.value === 'string') {
              upload.messagingProduct = part.value;
            }
          }
        }
        const response = simulator.handleMediaUpload(upload);
        return reply.code(response.httpStatus).send(response.body);
      },
    );

    app.get<{ Params: { version: string; wabaId: string }; Querystring: Record<string, string | undefined> }>(
      '/:version/:wabaId/message_templates',
      async (request, reply) => {
        const limit = Number(request.query.limit);
        const response = simulator.handleTemplateList({
          wabaId: request.params.wabaId,
          authorization: request.headers.authorization,
          ...(Number.isInteger(limit) && limit > 0 ? { limit: Math.min(limit, 1000) } : {}),
          ...(request.query.after === undefined ? {} : { after: request.query.after }),
          ...(request.query.before === undefined ? {} : { before: request.query.before }),
          pageUrl: `${baseUrl(request)}/${request.params.version}/${request.params.wabaId}/message_templates`,
        });
        return reply.code(response.httpStatus).send(response.body);
      },
    );

    // The Groups API (group-graph.ts): a number's groups, a group's invite link, its participants.
    app.post<{ Params: { version: string; phoneNumberId: string } }>(
      '/:version/:phoneNumberId/groups',
      async (request, reply) =>
        send(
          reply,
          stamped(simulator, () =>
            simulator.groups.create(
              request.params.phoneNumberId,
              request.headers.authorization,
              request.body,
            ),
          ),
        ),
    );
    app.get<{ Params: { version: string; phoneNumberId: string } }>(
      '/:version/:phoneNumberId/groups',
      async (request, reply) =>
        send(
          reply,
          stamped(simulator, () =>
            simulator.groups.list(request.params.phoneNumberId, request.headers.authorization),
          ),
        ),
    );
    for (const method of ['get', 'post'] as const) {
      app[method]<{ Params: { version: string; groupId: string } }>(
        '/:version/:groupId/invite_link',
        async (request, reply) =>
          send(
            reply,
            stamped(simulator, () =>
              simulator.groups.inviteLink(
                request.params.groupId,
                request.headers.authorization,
                method === 'post',
              ),
            ),
          ),
      );
    }
    app.delete<{ Params: { version: string; groupId: string } }>(
      '/:version/:groupId/participants',
      async (request, reply) =>
        send(
          reply,
          stamped(simulator, () =>
            simulator.groups.removeParticipants(
              request.params.groupId,
              request.headers.authorization,
              request.body,
            ),
          ),
        ),
    );

    app.get<{ Params: { token: string } }>('/_media/:token', async (request, reply) => {
      const download = simulator.handleMediaDownload({
        token: request.params.token,
        authorization: request.headers.authorization,
      });
      if (download.httpStatus !== 200) return reply.code(download.httpStatus).send();
      return reply
        .code(200)
        .type(download.mimeType)
        .header('content-length', download.size)
        .send(Readable.from(download.pieces, { objectMode: false }));
    });

    // One Graph path for two objects: with a Page token the id is a person's (Messenger profile), else media.
    app.get<{
      Params: { version: string; mediaId: string };
      Querystring: Record<string, string | undefined>;
    }>('/:version/:mediaId', async (request, reply) =>
      send(
        reply,
        simulator.groups.knows(request.params.mediaId)
          ? simulator.groups.info(request.params.mediaId, request.headers.authorization, request.query.fields)
          : simulator.messenger.knowsToken(request.headers.authorization)
            ? simulator.messenger.profile(request.headers.authorization, request.params.mediaId)
            : simulator.handleMediaInfo({
                mediaId: request.params.mediaId,
                authorization: request.headers.authorization,
                baseUrl: baseUrl(request),
              }),
      ),
    );

    app.delete<{ Params: { version: string; mediaId: string } }>(
      '/:version/:mediaId',
      async (request, reply) =>
        send(
          reply,
          simulator.groups.knows(request.params.mediaId)
            ? simulator.groups.remove(request.params.mediaId, request.headers.authorization)
            : simulator.handleMediaDelete({
                mediaId: request.params.mediaId,
                authorization: request.headers.authorization,
              }),
        ),
    );
  };
}

function stamped(
  simulator: WhatsAppSimulator,
  answer: () => { httpStatus: number; body: unknown },
): { httpStatus: number; body: unknown } {
  return simulator.stamp(answer());
}

function send(reply: FastifyReply, response: { httpStatus: number; body: unknown }) {
  return reply.code(response.httpStatus).send(response.body);
}
