import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { Alert } from './alert.schema.ts';
import {
  AlertNotFoundError,
  AlertNotRetryableError,
  isRetryable,
  openAlerts,
  resolveAlert,
  retryAlert,
} from './alert.service.ts';

const alertJson = z
  .object({
    id: z.uuid(),
    kind: z
      .string()
      .describe(
        'channel_token_invalid (replace the access token), inbound_not_stored (a delivery could not be stored: retry it), inbound_item_refused (a patient sent something Careline cannot read; the delivery is kept as received), line_quota_warning (80 % of a LINE account’s monthly push messages are used), webhook_subscription_disabled (a webhook receiver failed every attempt at an event for 3 days: fix it and turn the subscription on again)',
      ),
    channel_account_id: z.uuid().nullable(),
    detail: z.string().describe('What happened, in words that quote nothing of the patient’s message'),
    retryable: z.boolean().describe('POST /alerts/{id}/retry has it done again'),
    created_at: z.iso.datetime(),
    resolved_at: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Alert' });

/** What an operator must fix, e.g. a WhatsApp access token Meta no longer accepts. */
export function alertRoutes(db: Db, clock: Clock, wake: () => void): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/alerts',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags: ['alerts'],
          summary: 'Open operator alerts of the clinic',
          response: { 200: z.object({ data: z.array(alertJson) }), 401: problemSchema },
        },
      },
      async (request) => ({ data: (await openAlerts(db, callerOf(request).orgId)).map(toAlertJson) }),
    );

    app.post(
      '/alerts/:id/retry',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['alerts'],
          summary: 'Process again the delivery an alert is about (administrators)',
          description: 'Closes the alert and queues the delivery; if it fails again, a new alert says why.',
          params: z.object({ id: z.uuid('must be an alert id (UUID)') }),
          response: {
            202: alertJson,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
            409: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const retried = await retryAlert(db, caller.orgId, request.params.id, clock.now()).catch(
          (error: unknown) => {
            if (error instanceof AlertNotFoundError) throw HttpProblem.notFound('Open alert');
            if (error instanceof AlertNotRetryableError) {
              throw new HttpProblem(409, 'This alert has nothing to retry: fix what it describes');
            }
            throw error;
          },
        );
        // Who retried what, for the record: ids only.
        request.log.info(
          { alertId: retried.id, userId: caller.userId, apiKeyId: caller.apiKeyId },
          'alert retried by an operator',
        );
        wake();
        return reply.code(202).send(toAlertJson(retried));
      },
    );

    app.post(
      '/alerts/:id/resolve',
      {
        config: { access: 'settings.manage' },
        schema: {
          tags: ['alerts'],
          summary: 'Mark an alert resolved (administrators)',
          description:
            'Closes the alert once its cause is seen to; it stays on record. A delivery it was about stays in the journal as it is: nothing is processed again.',
          params: z.object({ id: z.uuid('must be an alert id (UUID)') }),
          response: { 200: alertJson, 401: problemSchema, 403: problemSchema, 404: problemSchema },
        },
      },
      async (request) => {
        const caller = callerOf(request);
        const resolved = await resolveAlert(db, caller.orgId, request.params.id, clock.now()).catch(
          (error: unknown) => {
            if (error instanceof AlertNotFoundError) throw HttpProblem.notFound('Open alert');
            throw error;
          },
        );
        request.log.info(
          { alertId: resolved.id, userId: caller.userId, apiKeyId: caller.apiKeyId },
          'alert resolved by an operator',
        );
        return toAlertJson(resolved);
      },
    );
  };
}

function toAlertJson(alert: Alert): z.infer<typeof alertJson> {
  return {
    id: alert.id,
    kind: alert.kind,
    channel_account_id: alert.channelAccountId,
    detail: alert.detail,
    retryable: isRetryable(alert),
    created_at: alert.createdAt.toISOString(),
    resolved_at: alert.resolvedAt?.toISOString() ?? null,
  };
}
