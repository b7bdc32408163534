import type { ChannelWebhook } from '../channel-adapter.ts';
import {
  answerHandshake,
  foreignMetaObject,
  missingSignature,
  verifySignature,
} from '../meta/meta-webhook.ts';
import { type MetaMessagingChannel, WEBHOOK_OBJECT } from './meta-messaging-channel.ts';
import { messengerAccountKeys, parseMessengerWebhook } from './parse-messenger-webhook.ts';

/**
 * The webhook side of a Messenger or Instagram account. Deliveries name their Page or Instagram account
 * in `entry[].id`, so they are routed by body; the signature is Meta's `X-Hub-Signature-256` over the raw
 * bytes with the app secret; the subscription handshake echoes `hub.challenge` when `hub.verify_token`
 * is ours.
 */
export function createMessengerWebhook(
  channel: MetaMessagingChannel,
): ChannelWebhook<{ appSecret: string; verifyToken: string }> {
  return {
    routing: 'body',
    unsigned: missingSignature,
    foreign: (body) => foreignMetaObject(body, WEBHOOK_OBJECT[channel]),
    verify: (request, secrets) => verifySignature(request, secrets.appSecret),
    handshake: (query, secrets) => answerHandshake(query, secrets.verifyToken),
    accountKeys: (body) => messengerAccountKeys(body, channel),
    parse: (body) => parseMessengerWebhook(body, channel),
  };
}
