import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { CHANNEL_TYPES } from '../channel-accounts/channel-types.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findConversation } from './conversation.service.ts';
import type { WindowPolicyOf } from './conversation-hooks.ts';
import { conversationParams, conversationErrors as errors } from './conversation-http.ts';
import { toWindowJson, windowJson } from './inbox.api.ts';
import { patientChannelsOf } from './patient-channels.service.ts';

const patientChannelJson = z
  .object({
    channel_account_id: z.uuid(),
    channel: z.enum(CHANNEL_TYPES),
    name: z.string().describe('The clinic’s name for the account (e.g. “WhatsApp reception”)'),
    conversation_id: z
      .uuid()
      .nullable()
      .describe('The patient’s live conversation there, where a message goes; null: sending opens one'),
    current: z.boolean().describe('The account of the conversation asked about'),
    window: windowJson,
    last_wrote_at: z.iso.datetime().nullable().describe('When the patient last wrote on this account'),
  })
  .meta({ id: 'PatientChannel' });

/**
 * The channels the care team can answer a conversation's patient on (GET /conversations/:id/channels):
 * what the composer offers beside the conversation's own, each with what its window allows now.
 */
export function patientChannelsRoutes(deps: {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  windowPolicyOf: WindowPolicyOf;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/conversations/:id/channels',
      {
        config: { access: 'conversations.read' },
        schema: {
          tags: ['conversations'],
          summary: 'The patient’s channels the care team can answer on, with what each window allows now',
          description:
            'The conversation’s own account first, then every other account of the clinic the patient ' +
            'talks to or has an identity on (most recent first). Send on one with POST ' +
            '/conversations/{id}/messages?channel_account_id=….',
          params: conversationParams,
          response: { 200: z.object({ data: z.array(patientChannelJson) }), ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const conversation = await findConversation(deps.db, orgId, request.params.id);
        if (!conversation) throw HttpProblem.notFound('Conversation');
        const channels = await patientChannelsOf(deps.db, deps.keyring, orgId, conversation.contactId, {
          windowPolicyOf: deps.windowPolicyOf,
          now: deps.clock.now(),
        });
        const own = channels.filter((c) => c.account.id === conversation.channelAccountId);
        const others = channels.filter((c) => c.account.id !== conversation.channelAccountId);
        return {
          data: [...own, ...others].map((c) => ({
            channel_account_id: c.account.id,
            channel: c.account.type,
            name: c.account.name,
            conversation_id: c.conversationId,
            current: c.account.id === conversation.channelAccountId,
            window: toWindowJson(c.window),
            last_wrote_at: c.lastWroteAt?.toISOString() ?? null,
          })),
        };
      },
    );
  };
}
