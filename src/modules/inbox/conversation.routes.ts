import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChannelSender } from '../../channels/channel.ts';
import { outboundMessageSchema } from '../../channels/outbound-message.ts';
import type { Db } from '../../platform/db/db.ts';
import { cursorPosition, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import { OutboundValidationError, submitOutboundMessage } from '../outbox/outbound-submission.service.ts';
import { queueReadReceipt } from '../outbox/read-receipt.service.ts';
import { CONVERSATION_STATUSES } from './conversation.schema.ts';
import { conversationJson, messageJson, toConversationJson, toMessageJson } from './inbox.api.ts';
import {
  ConversationNotFoundError,
  getConversation,
  listConversations,
  listMessages,
} from './inbox.service.ts';

const conversationParams = z.object({ id: z.uuid('must be a conversation id (UUID)') });
const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

/** Conversations and their messages. A conversation of another clinic is "not found", never "forbidden". */
export function conversationRoutes(
  deps: { db: Db; senders: Partial<Record<ChannelType, ChannelSender>> },
  onMessageQueued: () => void,
): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/conversations',
      {
        schema: {
          tags: ['conversations'],
          summary: 'List conversations, most recent activity first',
          querystring: z.object({ ...pageQuery, status: z.enum(CONVERSATION_STATUSES).optional() }),
          response: { 200: pageOf(conversationJson), ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const { limit, cursor, status } = request.query;
        const after = cursorPosition(cursor);
        const page = await listConversations(db, orgId, {
          limit,
          ...(status ? { status } : {}),
          ...(after ? { after } : {}),
        });
        return { data: page.data.map(toConversationJson), next_cursor: page.nextCursor };
      },
    );

    app.get(
      '/conversations/:id',
      {
        schema: {
          tags: ['conversations'],
          summary: 'One conversation with its latest message',
          params: conversationParams,
          response: { 200: conversationJson, ...errors },
        },
      },
      async (request) =>
        toConversationJson(await found(getConversation(db, callerOf(request).orgId, request.params.id))),
    );

    app.get(
      '/conversations/:id/messages',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Messages of a conversation, newest first',
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
          data: page.data.map((m) => toMessageJson(m, page.reactions, page.media)),
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
            'channel: accepted, sent, delivered, read — or failed with the provider’s reason in `error`.',
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
          submitOutboundMessage(deps, {
            orgId: caller.orgId,
            conversationId: request.params.id,
            message: request.body,
            sentByApiKeyId: caller.apiKeyId,
          }).catch((error: unknown) => {
            if (!(error instanceof OutboundValidationError)) throw error;
            const fields = error.violations.map((v) => ({ field: `body.${v.field}`, message: v.limit }));
            throw new HttpProblem(400, fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
          }),
        );
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
              message: toMessageJson(submission.message),
            });
        }
        onMessageQueued();
        return reply.code(202).send(toMessageJson(submission.message));
      },
    );

    app.post(
      '/conversations/:id/read',
      {
        schema: {
          tags: ['conversations'],
          summary: 'An agent read the conversation: send the patient a read receipt (if the channel does)',
          params: conversationParams,
          response: { 202: z.object({ receipt_queued: z.boolean() }), ...errors },
        },
      },
      async (request, reply) => {
        const conversation = await found(getConversation(db, callerOf(request).orgId, request.params.id));
        const queued = await queueReadReceipt(db, conversation);
        if (queued) onMessageQueued();
        return reply.code(202).send({ receipt_queued: queued });
      },
    );
  };
}

async function found<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ConversationNotFoundError) throw HttpProblem.notFound('Conversation');
    throw error;
  }
}
