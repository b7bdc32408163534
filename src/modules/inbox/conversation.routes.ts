import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { cursorPosition, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { auditRead } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { CHANNEL_TYPES } from '../channel-accounts/channel-types.ts';
import type { Keyring } from '../keys/keyring.ts';
import { type AssigneeFilter, countOpenConversations } from './conversation.repository.ts';
import { CONVERSATION_STATUSES } from './conversation.schema.ts';
import { AssignmentTargetError, assignConversation } from './conversation-assignment.service.ts';
import type { ConversationHooks } from './conversation-hooks.ts';
import { conversationErrors, conversationParams, found } from './conversation-http.ts';
import { LiveConversationExistsError, setConversationStatus } from './conversation-status.service.ts';
import type { ViewContext } from './conversation-view.service.ts';
import { conversationJson, toConversationJson } from './inbox.api.ts';
import { getConversation, listConversations, markConversationRead } from './inbox.service.ts';
import { messageRoutes } from './message.routes.ts';

const errors = conversationErrors;

const VIEWS = ['mine', 'unassigned', 'urgent', 'all'] as const;

const channelAccountQuery = z
  .uuid('must be a channel id (UUID), as GET /channels lists them')
  .optional()
  .describe('Only the conversations of this number of the clinic');

/** Conversations and their messages. A conversation of another clinic is "not found", never "forbidden". */
export function conversationRoutes(
  deps: {
    db: Db;
    clock: Clock;
    keyring: Keyring;
    hooks: ConversationHooks;
  },
  onMessageQueued: () => void,
): FastifyPluginAsyncZod {
  const { db } = deps;
  const view = (): ViewContext => ({
    now: deps.clock.now(),
    keyring: deps.keyring,
    windowPolicyOf: deps.hooks.windowPolicyOf,
    redFlagsOf: deps.hooks.redFlagsOf,
    automationOf: deps.hooks.automationOf,
  });
  const describe = async (orgId: string, id: string) =>
    toConversationJson(await found(getConversation(db, orgId, id, view())));

  return async (app) => {
    app.get(
      '/conversations',
      {
        config: { access: 'conversations.read' },
        schema: {
          tags: ['conversations'],
          summary: 'List conversations, most recent activity first',
          querystring: z.object({
            ...pageQuery,
            view: z
              .enum(VIEWS)
              .default('all')
              .describe(
                'mine: assigned to me (signed-in users only); unassigned; urgent: a red flag was raised; all (default). Conversations with an alert nobody acknowledged come first on the first page of every view',
              ),
            status: z.enum(CONVERSATION_STATUSES).optional(),
            channel: z.enum(CHANNEL_TYPES).optional(),
            channel_account_id: channelAccountQuery,
          }),
          response: { 200: pageOf(conversationJson), ...errors },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const { limit, cursor, status, channel, channel_account_id } = request.query;
        const after = cursorPosition(cursor);
        const assignee = assigneeOf(request.query.view, caller.userId);
        const page = await listConversations(
          db,
          caller.orgId,
          {
            limit,
            ...(status ? { status } : {}),
            ...(channel ? { channel } : {}),
            ...(channel_account_id ? { channelAccountId: channel_account_id } : {}),
            ...(assignee ? { assignee } : {}),
            ...(request.query.view === 'urgent' ? { urgent: true } : {}),
            ...(caller.teamScope ? { onlyTeamsOf: caller.teamScope.userId } : {}),
            ...(after ? { after } : {}),
          },
          view(),
        );
        return { data: page.data.map(toConversationJson), next_cursor: page.nextCursor };
      },
    );

    app.get(
      '/conversations/counts',
      {
        config: { access: 'conversations.read' },
        schema: {
          tags: ['conversations'],
          summary:
            'How many open conversations each inbox view holds, and how many patient messages are unread',
          querystring: z.object({ channel_account_id: channelAccountQuery }),
          response: {
            200: z
              .object({
                mine: z
                  .number()
                  .int()
                  .nullable()
                  .describe('Null for API keys: they have no conversations of their own'),
                unassigned: z.number().int(),
                all: z.number().int(),
                unread: z.number().int().describe('Unread patient messages over all open conversations'),
                urgent: z
                  .number()
                  .int()
                  .describe('Open conversations with a red flag nobody acknowledged yet'),
              })
              .meta({ id: 'ConversationCounts' }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { orgId, userId, teamScope } = callerOf(request);
        return countOpenConversations(db, orgId, userId, request.query.channel_account_id, teamScope?.userId);
      },
    );

    app.get(
      '/conversations/:id',
      {
        config: { access: 'conversations.read' },
        schema: {
          tags: ['conversations'],
          summary: 'One conversation with its latest message',
          params: conversationParams,
          response: { 200: conversationJson, ...errors },
        },
      },
      async (request) => {
        const conversation = await describe(callerOf(request).orgId, request.params.id);
        await auditRead(request, {
          type: 'Conversation',
          id: conversation.id,
          patient: conversation.contact.id,
        });
        return conversation;
      },
    );

    app.post(
      '/conversations/:id/status',
      {
        config: { access: 'conversations.write' },
        schema: {
          tags: ['conversations'],
          summary: 'Open, park (pending) or close a conversation',
          description:
            'Closing stamps `closed_at`; reopening clears it. A closed conversation cannot be reopened ' +
            'when the patient has written since (their message opened a new conversation): 409 with ' +
            '`live_conversation_id`.',
          params: conversationParams,
          body: z.object({ status: z.enum(CONVERSATION_STATUSES) }),
          response: {
            200: conversationJson,
            409: problemSchema.extend({ live_conversation_id: z.uuid() }),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        try {
          await found(
            setConversationStatus(
              db,
              orgId,
              request.params.id,
              request.body.status,
              deps.clock.now(),
              deps.hooks.startClosingAutomation,
            ),
          );
        } catch (error) {
          if (!(error instanceof LiveConversationExistsError)) throw error;
          return reply
            .code(409)
            .type('application/problem+json')
            .send({
              type: 'about:blank',
              title: 'Conflict',
              status: 409,
              detail:
                'body.status: the patient has written since and has another live conversation on this number; ' +
                'continue there',
              errors: [{ field: 'body.status', message: 'the patient has another live conversation' }],
              live_conversation_id: error.liveConversationId,
            });
        }
        return describe(orgId, request.params.id);
      },
    );

    app.post(
      '/conversations/:id/assign',
      {
        config: { access: 'conversations.write' },
        schema: {
          tags: ['conversations'],
          summary: 'Assign a conversation to a member of the staff and/or a team',
          description:
            'A field left out stays as it is; null clears it. The user and the team must be the clinic’s ' +
            '(400 naming the field otherwise).',
          params: conversationParams,
          body: z
            .object({ user_id: z.uuid().nullable().optional(), team_id: z.uuid().nullable().optional() })
            .refine((b) => b.user_id !== undefined || b.team_id !== undefined, {
              message: 'give user_id, team_id or both',
            }),
          response: { 200: conversationJson, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const { user_id: userId, team_id: teamId } = request.body;
        await found(
          assignConversation(
            db,
            orgId,
            request.params.id,
            {
              ...(userId !== undefined ? { userId } : {}),
              ...(teamId !== undefined ? { teamId } : {}),
            },
            deps.clock.now(),
          ).catch((error: unknown) => {
            if (!(error instanceof AssignmentTargetError)) throw error;
            throw HttpProblem.badField(`body.${error.target}_id`, error.reason);
          }),
        );
        return describe(orgId, request.params.id);
      },
    );

    app.post(
      '/conversations/:id/read',
      {
        config: { access: 'conversations.write' },
        schema: {
          tags: ['conversations'],
          summary: 'An agent read the conversation: unread count to 0, and a read receipt to the patient',
          description:
            'The receipt (blue ticks) is queued only if the channel does them and the number has them on.',
          params: conversationParams,
          response: { 202: z.object({ receipt_queued: z.boolean() }), ...errors },
        },
      },
      async (request, reply) => {
        const conversation = await found(
          markConversationRead(db, callerOf(request).orgId, request.params.id, deps.clock.now()),
        );
        const queued = await deps.hooks.queueReadReceipt(db, conversation);
        if (queued) onMessageQueued();
        return reply.code(202).send({ receipt_queued: queued });
      },
    );

    await app.register(messageRoutes(deps));
  };
}

function assigneeOf(view: (typeof VIEWS)[number], userId: string | null): AssigneeFilter | undefined {
  switch (view) {
    case 'mine':
      if (!userId)
        throw HttpProblem.badField(
          'query.view',
          'mine needs a signed-in user (an API key has no conversations of its own)',
        );
      return { userId };
    case 'unassigned':
      return 'unassigned';
    case 'urgent':
    case 'all':
      return undefined;
  }
}
