import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { clientErrorStatus, useJsonBodies } from '../json-body-parser.ts';
import { badRequest, notFound } from './telegram-answers.ts';
import type { TelegramUpload } from './telegram-bot-api.ts';
import type { TelegramStandIn } from './telegram-stand-in.ts';

/** Bots may upload files of up to 50 MB (photos 10 MB). */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

/**
 * Telegram's Bot API over HTTP: `POST /bot<token>/<method>` with a JSON or multipart/form-data body
 * (objects JSON-encoded in their fields), and `GET /file/bot<token>/<file_path>`.
 */
export function telegramRoutes(telegram: TelegramStandIn): FastifyPluginAsync {
  return async (app) => {
    useJsonBodies(app);
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 10 } });

    app.setErrorHandler((error, _request, reply) => {
      const status = clientErrorStatus(error);
      if (status === undefined) throw error;
      const answer = badRequest(error instanceof Error ? error.message : 'the request could not be read');
      return reply.code(answer.httpStatus).send(answer.body);
    });

    app.post<{ Params: { botPath: string; method: string } }>('/:botPath/:method', async (request, reply) => {
      const token = tokenOf(request.params.botPath);
      if (token === null) {
        const answer = notFound();
        return reply.code(answer.httpStatus).send(answer.body);
      }
      const params: Record<string, unknown> = {};
      const uploads = new Map<string, TelegramUpload>();
      if (request.isMultipart()) {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            uploads.set(part.fieldname, {
              bytes: await part.toBuffer(),
              mimeType: part.mimetype,
              fileName: part.filename,
            });
          } else {
            params[part.fieldname] = part.value;
          }
        }
      } else if (typeof request.body === 'object' && request.body !== null) {
        Object.assign(params, request.body);
      }
      const answer = telegram.handleMethod({ token, method: request.params.method, params, uploads });
      return reply.code(answer.httpStatus).send(answer.body);
    });

    app.get<{ Params: { botPath: string; '*': string } }>('/file/:botPath/*', async (request, reply) => {
      const token = tokenOf(request.params.botPath);
      const file = token === null ? { httpStatus: 404 } : telegram.downloadFile(token, request.params['*']);
      if (!file.bytes) return reply.code(file.httpStatus === 401 ? 401 : 404).send(notFound().body);
      return reply
        .code(200)
        .type('application/octet-stream')
        .header('content-length', file.bytes.length)
        .send(file.bytes);
    });
  };
}

function tokenOf(botPath: string): string | null {
  return botPath.startsWith('bot') && botPath.length > 3 ? botPath.slice(3) : null;
}
