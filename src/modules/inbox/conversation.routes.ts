import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { cursorPosition, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { CONVERSATION_STATUSES } from './conversation.schema.ts';
import {
  conversationJson,
  messageJson,
  newMessageBody,
  toConversationJson,
  toMessageJson,
} from './inbox.api.ts';
import {
  ConversationNotFoundError,
  getConversation,
  listConversations,
  listMessages,
  queueOutboundText,
} from './inbox.service.ts';

const conversationParams = z.object({ id: z.uuid('must be a conversation id (UUID)') });
const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

/** Conversations and their messages. A conversation of another clinic is "not found", never "forbidden". */
export function conversationRoutes(db: Db, onMessageQueued: () => void): FastifyPluginAsyncZod {
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
        return { data: page.data.map(toMessageJson), next_cursor: page.nextCursor };
      },
    );

    app.post(
      '/conversations/:id/messages',
      {
        schema: {
          tags: ['conversations'],
          summary: 'Send a message to the patient',
          description:
            'The message is stored as `queued` and sent by the outbox; its `status` then follows the ' +
            'channel: accepted, sent, delivered, read — or failed with the provider’s reason in `error`.',
          params: conversationParams,
          body: newMessageBody,
          response: { 202: messageJson, ...errors },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const message = await found(
          queueOutboundText(db, {
            orgId: caller.orgId,
            conversationId: request.params.id,
            text: request.body.text,
            sentByApiKeyId: caller.apiKeyId,
          }),
        );
        onMessageQueued();
        return reply.code(202).send(toMessageJson(message));
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
