import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema, sendProblem } from '../../platform/http/problem.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import { findUnstorableText } from '../../platform/text/storable-text.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { auditRead } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { mediaJson, toMediaJson } from '../inbox/message-attachment.api.ts';
import type { Keyring } from '../keys/keyring.ts';
import { MediaNotReadyError, serveMediaFile } from './media-serving.service.ts';
import { MAX_UPLOAD_BYTES } from './media-types.ts';
import { storeUpload, UploadRefusedError } from './media-upload.service.ts';

/**
 * Every file answer: never sniffed into something else, never able to run a script on our origin
 * (a sandboxed document with no sources at all), never embedded by another site, never cached.
 */
const FILE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'private, no-store',
};

const REFUSAL_STATUS = { empty: 400, unsupported_type: 415, too_large: 413 } as const;

/** Files in conversations: agents upload attachments and download what patients sent, within their clinic. */
export function mediaRoutes(
  db: Db,
  clock: Clock,
  store: MediaStore,
  keyring: Keyring,
): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      // One byte over the largest limit: the upload service sees the excess and names the kind's limit.
      limits: { fileSize: MAX_UPLOAD_BYTES + 1, files: 1, fields: 10, fieldSize: 1024, parts: 20 },
    });

    app.post(
      '/media',
      {
        config: { access: 'media.write' },
        schema: {
          tags: ['media'],
          summary: 'Upload a file to attach to a message (multipart/form-data, field `file`)',
          description:
            'The type is read from the file’s first bytes, not from its declared type or name: JPEG or ' +
            'PNG photos (5 MB), WebP stickers (500 KB), MP4 or 3GP videos and AAC, AMR, MP3, M4A or Opus ' +
            'audio (16 MB), PDF, plain text, Word, Excel or PowerPoint documents (100 MB). Anything else ' +
            '(HTML, SVG, archives…) is refused with 415; a file over its limit with 413 as soon as the ' +
            'limit is passed, without the rest being read.',
          consumes: ['multipart/form-data'],
          response: {
            201: mediaJson,
            400: problemSchema,
            401: problemSchema,
            413: problemSchema,
            415: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        // Whatever the multipart parser cannot read (no boundary, a broken header) is the client's body.
        const part = await request.file().catch((error: unknown) => {
          if (hasClientStatus(error)) throw error;
          throw HttpProblem.badField('body', 'is not a readable multipart/form-data body');
        });
        if (!part)
          throw HttpProblem.badField('body.file', 'send the file as multipart/form-data field "file"');
        // The JSON-wide check (refuseUnstorableInput) cannot see inside a multipart body.
        const unstorable = findUnstorableText({ filename: part.filename, type: part.mimetype }, 'body.file');
        if (unstorable !== null) {
          throw HttpProblem.badField(unstorable, 'must not contain U+0000 or unpaired surrogate characters');
        }
        try {
          const file = await storeUpload(
            { db, clock, keyring, store },
            { orgId, content: part.file, declaredType: part.mimetype, fileName: part.filename || null },
          );
          return reply.code(201).send(toMediaJson(file));
        } catch (error) {
          if (error instanceof UploadRefusedError) {
            return refuseUpload(reply, REFUSAL_STATUS[error.reason], error.message);
          }
          // The client went away mid-upload: nothing was kept, and there is no one to answer.
          if (request.raw.destroyed) return refuseUpload(reply, 400, 'the upload was interrupted');
          throw error;
        }
      },
    );

    app.get(
      '/media/:id',
      {
        config: { access: 'media.read' },
        schema: {
          tags: ['media'],
          summary: 'Download a file (a patient’s photo, voice note, document, or an uploaded attachment)',
          description:
            'Answers the file’s bytes as an attachment, typed from the bytes themselves ' +
            '(`application/octet-stream` when they are not what the file claims), with `nosniff` and a ' +
            'sandboxing Content-Security-Policy. `disposition=inline` shows pictures, sound and video in ' +
            'the page (the web app uses it); other files stay attachments. 409 while it is still being ' +
            'fetched.',
          params: z.object({ id: z.uuid('must be a media id (UUID)') }),
          querystring: z.object({
            disposition: z
              .enum(['attachment', 'inline'], { error: 'must be attachment or inline' })
              .default('attachment'),
          }),
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        const served = await serveMediaFile(
          { db, keyring, store },
          { orgId, id: request.params.id, inline: request.query.disposition === 'inline' },
        ).catch((error: unknown) => {
          if (error instanceof MediaNotReadyError) throw new HttpProblem(409, error.message);
          throw error;
        });
        if (!served) throw HttpProblem.notFound('Media');
        await auditRead(request, { type: 'Media', id: request.params.id, patient: served.contactId });
        return reply
          .headers(FILE_HEADERS)
          .type(served.contentType)
          .header('content-disposition', served.contentDisposition)
          .header('content-length', served.size)
          .send(Readable.from(served.body, { objectMode: false }));
      },
    );
  };
}

/** The rest of the upload is left unread, so the connection cannot be reused: it closes after the answer. */
function refuseUpload(reply: FastifyReply, status: number, message: string): FastifyReply {
  reply.header('connection', 'close');
  return sendProblem(
    reply,
    new HttpProblem(status, `body.file: ${message}`, [{ field: 'body.file', message }]),
  );
}

function hasClientStatus(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('statusCode' in error)) return false;
  const status = error.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}
