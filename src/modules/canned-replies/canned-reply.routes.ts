import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { canonicalLanguageTag, isLanguageTag, MAX_LANGUAGE_TAG_LENGTH } from '../contacts/language-tag.ts';
import type { CannedReply } from './canned-reply.schema.ts';
import {
  BadCursorError,
  CannedReplyNotFoundError,
  changeCannedReply,
  createCannedReply,
  DuplicateShortcutError,
  listCannedReplies,
  removeCannedReply,
  SHORTCUT,
} from './canned-reply.service.ts';

export const cannedReplyJson = z
  .object({
    id: z.uuid(),
    shortcut: z.string(),
    text: z.string(),
    language: z.string().nullable().describe('BCP 47; null for any language'),
    created_by_user_id: z.uuid().nullable(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'CannedReply' });

const errors = { 400: problemSchema, 401: problemSchema };
const changeErrors = { ...errors, 403: problemSchema };

const shortcut = z
  .string()
  .max(32, { error: 'must be 1–32 of a-z, 0-9, _ and -', abort: true })
  .regex(SHORTCUT, 'must be 1–32 of a-z, 0-9, _ and -');
const text = z.string().trim().min(1, 'must not be empty').max(4096, 'must be at most 4096 characters');
const language = z
  .string()
  .max(MAX_LANGUAGE_TAG_LENGTH, {
    error: `must be at most ${MAX_LANGUAGE_TAG_LENGTH} characters`,
    abort: true,
  })
  .refine(isLanguageTag, 'must be a BCP 47 language tag such as fr or en-GB')
  .nullable()
  .optional();

/**
 * Saved answers an agent inserts by typing /shortcut. Shared by the whole clinic: everyone uses them,
 * administrators (and API keys) write them.
 */
export function cannedReplyRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/canned-replies',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags: ['canned-replies'],
          summary: 'The clinic’s canned replies, in shortcut order',
          querystring: z.object({
            ...pageQuery,
            q: z
              .string()
              .max(32)
              .optional()
              .describe('Only shortcuts starting with this (a leading "/" is ignored)'),
          }),
          response: { 200: pageOf(cannedReplyJson), ...errors },
        },
      },
      async (request) => {
        const { limit, cursor, q } = request.query;
        const prefix = q?.trim().replace(/^\//, '').toLowerCase();
        const page = await listCannedReplies(db, callerOf(request).orgId, {
          limit,
          ...(prefix ? { prefix } : {}),
          ...(cursor !== undefined ? { cursor } : {}),
        }).catch((error: unknown) => {
          if (error instanceof BadCursorError) throw HttpProblem.badField('query.cursor', error.message);
          throw error;
        });
        return { data: page.data.map(toCannedReplyJson), next_cursor: page.nextCursor };
      },
    );

    app.post(
      '/canned-replies',
      {
        config: { access: 'canned-replies.manage' },
        schema: {
          tags: ['canned-replies'],
          summary: 'Save a canned reply (administrators)',
          body: z.object({ shortcut, text, language }).meta({ id: 'NewCannedReply' }),
          response: { 201: cannedReplyJson, 409: problemSchema, ...changeErrors },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const { shortcut, text, language } = request.body;
        const saved = await createCannedReply(db, {
          orgId: caller.orgId,
          shortcut,
          text,
          language: canonical(language) ?? null,
          createdByUserId: caller.userId,
        }).catch((error: unknown) => {
          throw problemOf(error);
        });
        return reply.code(201).send(toCannedReplyJson(saved));
      },
    );

    app.patch(
      '/canned-replies/:id',
      {
        config: { access: 'canned-replies.manage' },
        schema: {
          tags: ['canned-replies'],
          summary: 'Change a canned reply (administrators)',
          description: 'Fields left out stay as they are; a shortcut another reply has is refused (409).',
          params: z.object({ id: z.uuid('must be a canned reply id (UUID)') }),
          body: z
            .object({ shortcut: shortcut.optional(), text: text.optional(), language })
            .refine((b) => Object.values(b).some((v) => v !== undefined), {
              message: 'change at least one field',
            }),
          response: { 200: cannedReplyJson, 404: problemSchema, 409: problemSchema, ...changeErrors },
        },
      },
      async (request) => {
        const { shortcut, text, language } = request.body;
        const changed = await changeCannedReply(db, callerOf(request).orgId, request.params.id, {
          ...(shortcut !== undefined ? { shortcut } : {}),
          ...(text !== undefined ? { text } : {}),
          ...(language !== undefined ? { language: canonical(language) } : {}),
        }).catch((error: unknown) => {
          throw problemOf(error);
        });
        return toCannedReplyJson(changed);
      },
    );

    app.delete(
      '/canned-replies/:id',
      {
        config: { access: 'canned-replies.manage' },
        schema: {
          tags: ['canned-replies'],
          summary: 'Delete a canned reply (administrators)',
          params: z.object({ id: z.uuid('must be a canned reply id (UUID)') }),
          response: { 204: z.null(), 404: problemSchema, ...changeErrors },
        },
      },
      async (request, reply) => {
        await removeCannedReply(db, callerOf(request).orgId, request.params.id).catch((error: unknown) => {
          throw problemOf(error);
        });
        return reply.code(204).send(null);
      },
    );
  };
}

function canonical(language: string | null | undefined): string | null | undefined {
  return language ? (canonicalLanguageTag(language) ?? language) : language;
}

function problemOf(error: unknown): unknown {
  if (error instanceof CannedReplyNotFoundError) return HttpProblem.notFound('Canned reply');
  if (error instanceof DuplicateShortcutError) {
    return new HttpProblem(409, `body.shortcut: /${error.shortcut} is already a canned reply`, [
      { field: 'body.shortcut', message: 'is already taken' },
    ]);
  }
  return error;
}

function toCannedReplyJson(r: CannedReply): z.infer<typeof cannedReplyJson> {
  return {
    id: r.id,
    shortcut: r.shortcut,
    text: r.text,
    language: r.language,
    created_by_user_id: r.createdByUserId,
    created_at: r.createdAt.toISOString(),
  };
}
