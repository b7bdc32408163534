import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChannelSender } from '../../channels/channel.ts';
import { outboundMessageSchema } from '../../channels/outbound-message.ts';
import type { Db } from '../../platform/db/db.ts';
import { cursorPosition, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import { OutboundValidationError } from '../outbox/outbound-submission.service.ts';
import { findStaffByIds } from '../users/user.repository.ts';
import { submitReply } from './agent-reply.service.ts';
import { conversationParams, conversationErrors as errors, found } from './conversation-http.ts';
import type { NamedRef } from './conversation-view.service.ts';
import { messageJson, toMessageJson } from './inbox.api.ts';
import { listMessages } from './inbox.service.ts';
import { addNote } from './note.service.ts';

/** A conversation's timeline: reading it, answering the patient, and internal notes. */
export function messageRoutes(
  deps: { db: Db; senders: Partial<Record<ChannelType, ChannelSender>> },
  onMessageQueued: () => void,
): FastifyPluginAsyncZod {
  const { db } = deps;
  /** The signed-in author of a message this request wrote (API keys write as nobody in particular). */
  const authorsOf = async (orgId: string, userId: string | null): Promise<NamedRef[]> =>
    (await findStaffByIds(db, orgId, userId ? [userId] : [])).map((u) => ({ id: u.id, name: u.name }));

  return async (app) => {
    app.get(
      '/conversations/:id/messages',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Messages of a conversation, newest first, internal notes included',
          params: conversationParams,
          querystring: z.object(pageQuery),
          response: { 200: pageOf(messageJson), ...errors },
        },
      },
      async (request) => {
        const after = cursorPosition(request.query.cursor);
        const page = await found(
          listMessages(db, callerOf(request).orgId, request.params.id, {
            limit: request.query.limit,
            ...(after ? { after } : {}),
          }),
        );
        return {
          data: page.data.map((m) => toMessageJson(m, page.reactions, page.media, page.authors)),
          next_cursor: page.nextCursor,
        };
      },
    );

    app.post(
      '/conversations/:id/messages',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Send a message to the patient',
          description:
            'Any type: text, media (by uploaded `mediaId` or `url`), location, contacts, reaction, reply ' +
            'buttons, list, call-to-action URL, template. The channel’s limits and template registry are ' +
            'checked first (400 naming the field and the limit). Outside the 24-hour window a free-form ' +
            'message is stored as `refused` with `failure_reason: window_closed` and answered 422: send an ' +
            'approved template instead. Otherwise it is `queued` (202) and its `status` then follows the ' +
            'channel: accepted, sent, delivered, read — or failed with the provider’s reason in `error`. ' +
            'A signed-in agent is recorded as its `author`.',
          params: conversationParams,
          body: outboundMessageSchema,
          response: {
            202: messageJson,
            422: problemSchema.extend({ failure_reason: z.string(), message: messageJson }),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const submission = await found(
          submitReply(deps, {
            orgId: caller.orgId,
            conversationId: request.params.id,
            message: request.body,
            apiKeyId: caller.apiKeyId,
            authorUserId: caller.userId,
          }).catch((error: unknown) => {
            if (!(error instanceof OutboundValidationError)) throw error;
            const fields = error.violations.map((v) => ({ field: `body.${v.field}`, message: v.limit }));
            throw new HttpProblem(400, fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
          }),
        );
        const message = submission.message;
        const authors = await authorsOf(caller.orgId, caller.userId);
        if (submission.outcome === 'refused') {
          return reply
            .code(422)
            .type('application/problem+json')
            .send({
              type: 'about:blank',
              title: 'Unprocessable Content',
              status: 422,
              detail: submission.detail,
              failure_reason: submission.reason,
              message: toMessageJson(message, [], [], authors),
            });
        }
        onMessageQueued();
        return reply.code(202).send(toMessageJson(message, [], [], authors));
      },
    );

    app.post(
      '/conversations/:id/notes',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Add an internal note: the care team sees it in the timeline, the patient never does',
          params: conversationParams,
          body: z.object({
            text: z.string().trim().min(1, 'must not be empty').max(4096, 'must be at most 4096 characters'),
          }),
          response: { 201: messageJson, ...errors },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const note = await found(
          addNote(db, {
            orgId: caller.orgId,
            conversationId: request.params.id,
            text: request.body.text,
            authorUserId: caller.userId,
            apiKeyId: caller.apiKeyId,
          }),
        );
        return reply
          .code(201)
          .send(toMessageJson(note, [], [], await authorsOf(caller.orgId, caller.userId)));
      },
    );
  };
}
