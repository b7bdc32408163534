import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { clientErrorStatus, useJsonBodies } from '../json-body-parser.ts';
import type { MessengerStandIn } from './messenger-stand-in.ts';
import { record } from './meta-send-request.ts';

/** Attachments of the Send API: images 8 MB, other files 25 MB. */
const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/**
 * The Messenger Platform's Send API (`POST /{version}/me/messages`, JSON or multipart with `filedata`)
 * and the CDN links of people's attachments. Profile lookups share Graph's `GET /{version}/{id}` with
 * WhatsApp media (graph.routes.ts asks the stand-in whether the token is a Page's).
 */
export function messengerRoutes(messenger: MessengerStandIn): FastifyPluginAsync {
  return async (app) => {
    useJsonBodies(app);
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });

    app.setErrorHandler((error, _request, reply) => {
      const status = clientErrorStatus(error);
      if (status === undefined) throw error;
      return reply.code(400).send({
        error: { message: '(#100) The request body could not be read', type: 'OAuthException', code: 100 },
      });
    });

    app.post<{ Params: { version: string }; Querystring: { access_token?: string } }>(
      '/:version/me/messages',
      async (request, reply) => {
        let body: unknown = request.body;
        let upload: { bytes: Buffer; mimeType: string } | undefined;
        if (request.isMultipart()) {
          const fields: Record<string, unknown> = {};
          for await (const part of request.parts()) {
            if (part.type === 'file') upload = { bytes: await part.toBuffer(), mimeType: part.mimetype };
            else
              fields[part.fieldname] =
                typeof part.value === 'string' ? (record(part.value) ?? part.value) : part.value;
          }
          body = fields;
        }
        const answer = messenger.handleSend({
          authorization: request.headers.authorization,
          ...(request.query.access_token === undefined ? {} : { queryToken: request.query.access_token }),
          body,
          ...(upload ? { upload } : {}),
        });
        return reply.code(answer.httpStatus).send(answer.body);
      },
    );

    app.get<{ Params: { id: string } }>('/_meta-attachments/:id', async (request, reply) => {
      const attachment = messenger.attachment(request.params.id);
      if (!attachment?.bytes) return reply.code(404).send();
      return reply
        .code(200)
        .type(attachment.mimeType)
        .header('content-length', attachment.bytes.length)
        .send(attachment.bytes);
    });
  };
}
