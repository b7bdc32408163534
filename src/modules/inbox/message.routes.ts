import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { cursorPosition, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { auditRead } from '../audit/audit-trail.ts';
import { callerCan, readerScopeOf } from '../auth/access-guard.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { ConversationHooks } from './conversation-hooks.ts';
import { conversationParams, conversationErrors as errors, found } from './conversation-http.ts';
import { authorsOfRequest } from './conversation-view.service.ts';
import { messageJson, toMessageJson } from './inbox.api.ts';
import { listMessages } from './inbox.service.ts';
import { addNote } from './note.service.ts';

/**
 * A conversation's timeline: reading it, and internal notes (answering the patient is the outbox's:
 * outbox/agent-reply.routes.ts).
 */
export function messageRoutes(deps: {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  hooks: Pick<ConversationHooks, 'attachmentsOf'>;
}): FastifyPluginAsyncZod {
  const { db } = deps;

  return async (app) => {
    app.get(
      '/conversations/:id/messages',
      {
        config: { access: 'conversations.read' },
        schema: {
          tags: ['conversations'],
          summary:
            'Messages of a conversation (or of all its patient’s channels), newest first, notes included',
          description:
            'Medical notes (intake summaries, notes marked medical) are left out for roles without ' +
            'medical.read: agents (front desk).',
          params: conversationParams,
          querystring: z.object({
            ...pageQuery,
            channels: z
              .enum(['this', 'all'])
              .default('this')
              .describe(
                '`all`: the patient’s whole timeline, every conversation on every channel in one time order ' +
                  '(each message names its `conversation_id` and `channel_account_id`); conversations of ' +
                  'other teams are left out for an agent kept to their teams',
              ),
          }),
          response: { 200: pageOf(messageJson), ...errors },
        },
      },
      async (request) => {
        const after = cursorPosition(request.query.cursor);
        const caller = callerOf(request);
        const page = await found(
          listMessages(
            db,
            deps.keyring,
            caller.orgId,
            request.params.id,
            {
              limit: request.query.limit,
              seesMedical: callerCan(caller, 'medical.read'),
              ...(after ? { after } : {}),
              ...(request.query.channels === 'all'
                ? { acrossChannels: { onlyTeamsOf: readerScopeOf(caller).onlyTeamsOf } }
                : {}),
            },
            deps.hooks.attachmentsOf,
          ),
        );
        await auditRead(request, { type: 'Conversation', id: request.params.id, patient: page.contactId });
        return {
          data: page.data.map((m) => toMessageJson(m, page.reactions, page.media, page.authors)),
          next_cursor: page.nextCursor,
        };
      },
    );

    app.post(
      '/conversations/:id/notes',
      {
        config: { access: 'conversations.write' },
        schema: {
          tags: ['conversations'],
          summary: 'Add an internal note: the care team sees it in the timeline, the patient never does',
          params: conversationParams,
          body: z.object({
            text: z.string().trim().min(1, 'must not be empty').max(4096, 'must be at most 4096 characters'),
            medical: z
              .boolean()
              .default(false)
              .describe('Only clinicians, supervisors and administrators (and API keys) will see it'),
          }),
          response: { 201: messageJson, ...errors },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const note = await found(
          addNote(db, deps.keyring, {
            orgId: caller.orgId,
            conversationId: request.params.id,
            text: request.body.text,
            medical: request.body.medical,
            authorUserId: caller.userId,
            apiKeyId: caller.apiKeyId,
            now: deps.clock.now(),
          }),
        );
        return reply
          .code(201)
          .send(toMessageJson(note, [], [], await authorsOfRequest(db, caller.orgId, caller.userId)));
      },
    );
  };
}
