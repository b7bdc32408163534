import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import { findUnstorableText } from '../../platform/text/storable-text.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { findMediaFile, insertMediaFile } from './media.repository.ts';

const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export const mediaJson = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    status: z.enum(['pending', 'stored', 'failed']),
    mime_type: z.string().nullable(),
    file_name: z.string().nullable(),
    size: z.number().int().nullable(),
    sha256: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'Media' });

/** Files in conversations: agents upload attachments and download what patients sent, within their clinic. */
export function mediaRoutes(db: Db, store: MediaStore): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });

    app.post(
      '/media',
      {
        schema: {
          tags: ['media'],
          summary: 'Upload a file to attach to a message (multipart/form-data, field `file`)',
          consumes: ['multipart/form-data'],
          response: { 201: mediaJson, 400: problemSchema, 401: problemSchema, 413: problemSchema },
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        const part = await request.file();
        if (!part)
          throw HttpProblem.badField('body.file', 'send the file as multipart/form-data field "file"');
        // The JSON-wide check (refuseUnstorableInput) cannot see inside a multipart body.
        const unstorable = findUnstorableText({ filename: part.filename, type: part.mimetype }, 'body.file');
        if (unstorable !== null) {
          throw HttpProblem.badField(unstorable, 'must not contain U+0000 or unpaired surrogate characters');
        }
        const bytes = await part.toBuffer().catch((error: unknown) => {
          if (error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new HttpProblem(413, `file: at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
          }
          throw error;
        });
        if (bytes.length === 0) throw HttpProblem.badField('body.file', 'is empty');
        const stored = await store.put({ orgId, bytes, mimeType: part.mimetype, fileName: part.filename });
        const file = await insertMediaFile(db, {
          orgId,
          kind: kindOf(part.mimetype),
          mimeType: part.mimetype,
          fileName: part.filename || null,
          size: stored.size,
          sha256: stored.sha256,
          storageKey: stored.key,
          status: 'stored',
          storedAt: new Date(),
        });
        return reply.code(201).send(toMediaJson(file));
      },
    );

    app.get(
      '/media/:id',
      {
        schema: {
          tags: ['media'],
          summary: 'Download a file (a patient’s photo, voice note, document, or an uploaded attachment)',
          description: 'Answers the file’s bytes with its MIME type; 409 while it is still being fetched.',
          params: z.object({ id: z.uuid('must be a media id (UUID)') }),
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        const file = await findMediaFile(db, orgId, request.params.id);
        if (!file) throw HttpProblem.notFound('Media');
        if (file.status !== 'stored' || !file.storageKey) {
          throw new HttpProblem(
            409,
            file.status === 'failed'
              ? `Media could not be downloaded: ${file.error}`
              : 'Media is still downloading',
          );
        }
        const stored = await store.get(orgId, file.storageKey);
        const name = (file.fileName ?? `${file.kind}-${file.id}`).replace(/["\r\n]/g, '');
        return reply
          .type(file.mimeType ?? stored.mimeType)
          .header('content-disposition', `inline; filename="${name}"`)
          .header('cache-control', 'private, no-store')
          .send(stored.bytes);
      },
    );
  };
}

export function toMediaJson(file: {
  id: string;
  kind: string;
  status: 'pending' | 'stored' | 'failed';
  mimeType: string | null;
  fileName: string | null;
  size: number | null;
  sha256: string | null;
  error: string | null;
}): z.infer<typeof mediaJson> {
  return {
    id: file.id,
    kind: file.kind,
    status: file.status,
    mime_type: file.mimeType,
    file_name: file.fileName,
    size: file.size,
    sha256: file.sha256,
    error: file.error,
  };
}

function kindOf(mimeType: string): string {
  if (mimeType.startsWith('image/webp')) return 'sticker';
  for (const kind of ['image', 'audio', 'video'] as const) if (mimeType.startsWith(`${kind}/`)) return kind;
  return 'document';
}
