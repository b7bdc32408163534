import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OutboundMessage } from '../../channels/channel.ts';
import { outboundMessageSchema } from '../../channels/outbound-message.ts';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import type { PauseAutomation } from '../inbox/conversation-hooks.ts';
import { conversationParams, conversationErrors as errors, found } from '../inbox/conversation-http.ts';
import { authorsOfRequest } from '../inbox/conversation-view.service.ts';
import { messageJson, toMessageJson } from '../inbox/inbox.api.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { ApiCaller } from '../users/caller.ts';
import { submitReply } from './agent-reply.service.ts';
import { type ChannelSender, windowPolicyOfSenders } from './channel-sender.ts';
import { idempotencyKeyHeader, requestFingerprint } from './idempotency-key-header.ts';
import {
  answerOnce,
  IdempotencyKeyInProgress,
  IdempotencyKeyReused,
  type KeyedAnswer,
} from './idempotent-request.service.ts';
import { OutboundValidationError } from './outbound-submission.service.ts';
import { replyConversationOf } from './reply-channel.service.ts';

const windowClosedJson = problemSchema
  .extend({ failure_reason: z.string(), message: messageJson })
  .describe('Refused by the channel’s window (the message is stored as refused; `detail` names the rule)');

/**
 * The care team answers the patient in a conversation (POST /conversations/:id/messages): the agent's
 * send path, above the inbox it reads the conversation from.
 */
export function agentReplyRoutes(
  deps: {
    db: Db;
    clock: Clock;
    keyring: Keyring;
    senders: Partial<Record<ChannelType, ChannelSender>>;
    pauseAutomation: PauseAutomation;
  },
  onMessageQueued: () => void,
): FastifyPluginAsyncZod {
  const { db } = deps;
  const windowPolicyOf = windowPolicyOfSenders(deps.senders);

  /** Stores and queues the message (or refuses it for a closed window) and says what to answer. */
  async function sendToPatient(
    tx: DbOrTx,
    caller: ApiCaller,
    to: { conversationId: string; channelAccountId?: string | undefined },
    outbound: OutboundMessage,
  ): Promise<KeyedAnswer> {
    const conversationId = await found(
      replyConversationOf(
        tx,
        { keyring: deps.keyring, windowPolicyOf, now: deps.clock.now() },
        { orgId: caller.orgId, ...to, ...(caller.teamScope ? { onlyTeamsOf: caller.teamScope.userId } : {}) },
      ),
    );
    const submission = await found(
      submitReply(
        { ...deps, db: tx },
        {
          orgId: caller.orgId,
          conversationId,
          message: outbound,
          apiKeyId: caller.apiKeyId,
          authorUserId: caller.userId,
        },
        deps.pauseAutomation,
      ).catch((error: unknown) => {
        if (!(error instanceof OutboundValidationError)) throw error;
        const fields = error.violations.map((v) => ({ field: `body.${v.field}`, message: v.limit }));
        throw new HttpProblem(400, fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
      }),
    );
    const message = toMessageJson(
      submission.message,
      [],
      [],
      await authorsOfRequest(tx, caller.orgId, caller.userId),
    );
    if (submission.outcome === 'refused') {
      return {
        status: 422,
        contentType: 'application/problem+json',
        body: {
          type: 'about:blank',
          title: 'Unprocessable Content',
          status: 422,
          detail: submission.detail,
          failure_reason: submission.reason,
          message,
        },
      };
    }
    return { status: 202, contentType: 'application/json; charset=utf-8', body: message };
  }

  return async (app) => {
    app.post(
      '/conversations/:id/messages',
      {
        config: { access: 'conversations.write' },
        schema: {
          tags: ['conversations'],
          summary: 'Send a message to the patient',
          description:
            'Any type: text, media (by uploaded `mediaId` or `url`), location, contacts, reaction, reply ' +
            'buttons, list, call-to-action URL, template. The channel’s limits and template registry are ' +
            'checked first (400 naming the field and the limit). A message the channel’s window does not let ' +
            'go now (the conversation’s `window.allows`) is stored as `refused` with `failure_reason: ' +
            'window_closed` and answered 422, `detail` naming the rule: on WhatsApp after 24 hours only ' +
            'approved templates; on Messenger and Instagram after 24 hours only a reply written by a ' +
            'signed-in member of the care team (sent tagged HUMAN_AGENT; an API key counts as automation), ' +
            'until 7 days after the patient’s last message, then nothing. Otherwise it is `queued` (202) and ' +
            'its `status` then follows the ' +
            'channel: accepted, sent, delivered, read — or failed with the provider’s reason in `error`. ' +
            'A signed-in agent is recorded as its `author`. With an `Idempotency-Key` header, a retry ' +
            'of the same request gets the first answer again (same status and body) and nothing is sent twice.',
          params: conversationParams,
          querystring: z.object({
            channel_account_id: z
              .uuid('must be a channel account id (UUID)')
              .optional()
              .describe(
                'Answer on another of the patient’s channels (one of GET /conversations/{id}/channels): the ' +
                  'message goes to their live conversation on that account, opened if there is none, under ' +
                  'that channel’s window; the answer’s `conversation_id` says where it went',
              ),
          }),
          headers: z.looseObject({ 'idempotency-key': idempotencyKeyHeader.optional() }),
          body: outboundMessageSchema,
          response: {
            202: messageJson,
            409: problemSchema.describe('The first request with this Idempotency-Key is still running'),
            422: z
              .union([
                windowClosedJson,
                problemSchema.describe('This Idempotency-Key was already used with another request'),
              ])
              .describe('Refused for a closed window, or an Idempotency-Key used with another request'),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const key = request.headers['idempotency-key'];
        const conversationId = request.params.id;
        const to = { conversationId, channelAccountId: request.query.channel_account_id };
        const { answer, replayed } =
          key === undefined
            ? { answer: await sendToPatient(db, caller, to, request.body), replayed: false }
            : await answerOnce(
                db,
                deps.keyring,
                { orgId: caller.orgId, principal: principalOf(caller), key },
                requestFingerprint({
                  route: 'POST /conversations/:id/messages',
                  conversationId,
                  ...(to.channelAccountId ? { channelAccountId: to.channelAccountId } : {}),
                  body: request.body,
                }),
                (tx) => sendToPatient(tx, caller, to, request.body),
              ).catch(asProblem);
        if (answer.status === 202 && !replayed) onMessageQueued();
        if (replayed) reply.header('idempotent-replayed', 'true');
        // A replayed answer comes from the database: it is read back through the schema it was written with.
        if (answer.status === 422)
          return reply.code(422).type(answer.contentType).send(windowClosedJson.parse(answer.body));
        return reply.code(202).type(answer.contentType).send(messageJson.parse(answer.body));
      },
    );
  };
}

/** Whose key it is: keys of one API key, or of one signed-in user, never meet another's. */
function principalOf(caller: ApiCaller): string {
  if (caller.apiKeyId) return `api_key:${caller.apiKeyId}`;
  return `user:${caller.userId ?? 'unknown'}`;
}

function asProblem(error: unknown): never {
  if (error instanceof IdempotencyKeyReused)
    throw new HttpProblem(
      422,
      'headers.idempotency-key: this key was already used with another request; use a new key for a new message',
      [{ field: 'headers.idempotency-key', message: 'was already used with another request' }],
    );
  if (error instanceof IdempotencyKeyInProgress)
    throw new HttpProblem(
      409,
      'headers.idempotency-key: the first request with this key is still being processed; retry in a moment',
      [{ field: 'headers.idempotency-key', message: 'a request with this key is in progress' }],
    );
  throw error;
}
