import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { Keyring } from '../keys/keyring.ts';
import {
  deliveryJson,
  subscriptionJson,
  toDeliveryJson,
  toSubscriptionJson,
} from './outbound-webhook.json.ts';
import { findSubscription, latestDeliveries, listSubscriptions } from './outbound-webhook.repository.ts';
import {
  changeSubscription,
  createSubscription,
  DeliveryNotFoundError,
  MAX_REPLAY,
  removeSubscription,
  replayDelivery,
  replayRange,
  rotateSecret,
  SubscriptionNotFoundError,
  sendTestEvent,
} from './outbound-webhook.service.ts';
import { WEBHOOK_EVENT_TYPES } from './webhook-event-types.ts';
import { MAX_WEBHOOK_URL_LENGTH, webhookUrlProblem } from './webhook-url.ts';

export interface OutboundWebhookRouteDeps {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  /** OUTBOUND_ALLOWED_HOSTS: the internal hosts (and http) a receiver's URL may name. */
  allowedHosts: readonly string[];
  /** Wakes the worker: a test event or a replay goes out now, not at its next poll. */
  wake: () => void;
}

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const notFound = { 404: problemSchema };
const subscriptionId = z.object({ id: z.uuid('must be a webhook subscription id (UUID)') });

/**
 * Signed outbound webhooks (Standard Webhooks): the clinic's subscriptions, their delivery log, replays
 * and test events. Administrators only: a subscription sends the clinic's events elsewhere.
 */
export function outboundWebhookRoutes(deps: OutboundWebhookRouteDeps): FastifyPluginAsyncZod {
  const { db, clock, keyring } = deps;
  const url = z
    .string()
    .max(MAX_WEBHOOK_URL_LENGTH, {
      error: `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`,
      abort: true,
    })
    .superRefine((value, context) => {
      const problem = webhookUrlProblem(value, deps.allowedHosts);
      if (problem !== null) context.addIssue({ code: 'custom', message: problem });
    })
    .describe('Where events are POSTed: https (http only to a host in OUTBOUND_ALLOWED_HOSTS)');
  const events = z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1, 'choose at least one event')
    .max(WEBHOOK_EVENT_TYPES.length)
    .transform((list) => [...new Set(list)]);
  const description = z.string().trim().max(200, 'must be at most 200 characters');
  const fields = {
    url,
    events,
    active: z.boolean(),
    description,
    include_message_text: z
      .boolean()
      .describe('Message events carry the message text (patient data leaves Careline: off by default)'),
  };
  const secretJson = subscriptionJson
    .extend({ secret: z.string().describe('whsec_…: verify signatures with it. Shown this once.') })
    .meta({ id: 'WebhookSubscriptionWithSecret' });

  return async (app) => {
    app.get(
      '/webhook-subscriptions',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['webhooks'],
          summary: 'The clinic’s webhook subscriptions (administrators)',
          response: { 200: z.object({ data: z.array(subscriptionJson) }), ...errors },
        },
      },
      async (request) => ({
        data: (await listSubscriptions(db, callerOf(request).orgId)).map(toSubscriptionJson),
      }),
    );

    app.post(
      '/webhook-subscriptions',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['webhooks'],
          summary: 'Subscribe a URL to events (administrators)',
          description:
            'The answer holds the signing secret; it is never shown again (rotate it to get a new one).',
          body: z
            .object({
              url: fields.url,
              events: fields.events,
              active: fields.active.default(true),
              description: fields.description.default(''),
              include_message_text: fields.include_message_text.default(false),
            })
            .meta({ id: 'NewWebhookSubscription' }),
          response: { 201: secretJson, ...errors },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const { subscription, secret } = await createSubscription(db, keyring, callerOf(request).orgId, {
          url: body.url,
          events: body.events,
          active: body.active,
          description: body.description,
          includeMessageText: body.include_message_text,
        });
        return reply.code(201).send({ ...toSubscriptionJson(subscription), secret });
      },
    );

    app.patch(
      '/webhook-subscriptions/:id',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['webhooks'],
          summary: 'Change a subscription, turn it off or on again (administrators)',
          description: 'Turned on again, the events that waited meanwhile go out, in order.',
          params: subscriptionId,
          body: z
            .object({
              url: fields.url.optional(),
              events: fields.events.optional(),
              active: fields.active.optional(),
              description: fields.description.optional(),
              include_message_text: fields.include_message_text.optional(),
            })
            .meta({ id: 'WebhookSubscriptionChange' }),
          response: { 200: subscriptionJson, ...notFound, ...errors },
        },
      },
      async (request) => {
        const { url, events, active, description, include_message_text } = request.body;
        const changed = await changeSubscription(
          db,
          callerOf(request).orgId,
          request.params.id,
          {
            ...(url !== undefined ? { url } : {}),
            ...(events !== undefined ? { events } : {}),
            ...(active !== undefined ? { active } : {}),
            ...(description !== undefined ? { description } : {}),
            ...(include_message_text !== undefined ? { includeMessageText: include_message_text } : {}),
          },
          clock.now(),
        ).catch(rethrowAsProblem);
        deps.wake();
        return toSubscriptionJson(changed);
      },
    );

    app.delete(
      '/webhook-subscriptions/:id',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['webhooks'],
          summary: 'Delete a subscription and its delivery log (administrators)',
          params: subscriptionId,
          response: { 204: z.null(), ...notFound, ...errors },
        },
      },
      async (request, reply) => {
        await removeSubscription(db, callerOf(request).orgId, request.params.id).catch(rethrowAsProblem);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/webhook-subscriptions/:id/rotate-secret',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['webhooks'],
          summary: 'Replace the signing secret (administrators)',
          description: 'The old secret stops at once; the new one is in the answer, shown this once.',
          params: subscriptionId,
          response: { 200: secretJson, ...notFound, ...errors },
        },
      },
      async (request) => {
        const { subscription, secret } = await rotateSecret(
          db,
          keyring,
          callerOf(request).orgId,
          request.params.id,
          clock.now(),
        ).catch(rethrowAsProblem);
        return { ...toSubscriptionJson(subscription), secret };
      },
    );

    app.post(
      '/webhook-subscriptions/:id/test',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['webhooks'],
          summary: 'Send a webhook.test event (administrators)',
          params: subscriptionId,
          response: { 202: deliveryJson, ...notFound, ...errors },
        },
      },
      async (request, reply) => {
        const delivery = await sendTestEvent(
          db,
          callerOf(request).orgId,
          request.params.id,
          clock.now(),
        ).catch(rethrowAsProblem);
        deps.wake();
        return reply.code(202).send(toDeliveryJson(delivery));
      },
    );

    app.get(
      '/webhook-subscriptions/:id/deliveries',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['webhooks'],
          summary: 'The delivery log of a subscription, newest first (administrators)',
          params: subscriptionId,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ data: z.array(deliveryJson) }), ...notFound, ...errors },
        },
      },
      async (request) => {
        const orgId = callerOf(request).orgId;
        if (!(await findSubscription(db, orgId, request.params.id)))
          throw HttpProblem.notFound('Webhook subscription');
        const rows = await latestDeliveries(db, orgId, request.params.id, request.query.limit);
        return { data: rows.map(toDeliveryJson) };
      },
    );

    app.post(
      '/webhook-subscriptions/:id/deliveries/:deliveryId/replay',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['webhooks'],
          summary: 'Send one event again, with the same webhook-id (administrators)',
          params: subscriptionId.extend({ deliveryId: z.uuid('must be a delivery id (UUID)') }),
          response: { 202: deliveryJson, ...notFound, ...errors },
        },
      },
      async (request, reply) => {
        const { id, deliveryId } = request.params;
        const replay = await replayDelivery(db, callerOf(request).orgId, id, deliveryId).catch(
          rethrowAsProblem,
        );
        deps.wake();
        return reply.code(202).send(toDeliveryJson(replay));
      },
    );

    app.post(
      '/webhook-subscriptions/:id/replay',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['webhooks'],
          summary: 'Send again the events of a time range, in order (administrators)',
          description: `Each with its webhook-id; at most ${MAX_REPLAY} events per call (the earliest).`,
          params: subscriptionId,
          body: z
            .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
            .refine((b) => Date.parse(b.from) <= Date.parse(b.to), {
              message: 'must not be after to',
              path: ['from'],
            })
            .meta({ id: 'WebhookReplayRange' }),
          response: { 202: z.object({ replayed: z.number().int() }), ...notFound, ...errors },
        },
      },
      async (request, reply) => {
        const { from, to } = request.body;
        const replays = await replayRange(
          db,
          callerOf(request).orgId,
          request.params.id,
          new Date(from),
          new Date(to),
        ).catch(rethrowAsProblem);
        deps.wake();
        return reply.code(202).send({ replayed: replays.length });
      },
    );
  };
}

function rethrowAsProblem(error: unknown): never {
  if (error instanceof SubscriptionNotFoundError) throw HttpProblem.notFound('Webhook subscription');
  if (error instanceof DeliveryNotFoundError) throw HttpProblem.notFound('Delivery');
  throw error;
}
