import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { NoAutomationError, resumeAutomation, stopAutomation } from './automation-control.service.ts';
import { findFlowByKey } from './flow.repository.ts';
import { startFlowOnRequest } from './flow-runtime.service.ts';
import type { FlowRuntimeDeps } from './flow-runtime-deps.ts';

const params = z.object({ id: z.uuid('must be a conversation id (UUID)') });
const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema };
const sessionJson = z.object({ session_id: z.uuid(), status: z.string() }).meta({ id: 'AutomationSession' });

/** The care team starts, hands back or stops a conversation's automation. */
export function automationRoutes(deps: FlowRuntimeDeps, wake: () => void): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/conversations/:id/automation',
      {
        config: { access: 'conversations.write' },
        schema: {
          tags: ['flows'],
          summary: 'Start a flow in this conversation (any automation running there stops)',
          params,
          body: z.object({
            flow_key: z.string().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
          }),
          response: { 201: sessionJson, ...errors },
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        const flow = await findFlowByKey(deps.db, orgId, request.body.flow_key);
        if (!flow) throw HttpProblem.badField('body.flow_key', 'is not a flow of this clinic');
        if (!flow.enabled) throw HttpProblem.badField('body.flow_key', 'is a flow that is turned off');
        const session = await startFlowOnRequest(deps, {
          orgId,
          conversationId: request.params.id,
          flowKey: flow.key,
        });
        if (!session) throw HttpProblem.notFound('Conversation');
        wake();
        return reply.code(201).send({ session_id: session.id, status: session.status });
      },
    );

    for (const action of ['resume', 'stop'] as const) {
      app.post(
        `/conversations/:id/automation/${action}`,
        {
          config: { access: 'conversations.write' },
          schema: {
            tags: ['flows'],
            summary:
              action === 'resume'
                ? 'Hand the conversation back to its paused flow'
                : 'Stop the conversation’s automation for good',
            params,
            response: { 200: sessionJson, ...errors },
          },
        },
        async (request) => {
          const { orgId } = callerOf(request);
          try {
            const session = await (action === 'resume' ? resumeAutomation : stopAutomation)(
              deps.db,
              deps.keyring,
              orgId,
              request.params.id,
              deps.clock.now(),
            );
            return { session_id: session.id, status: action === 'resume' ? 'running' : 'stopped' };
          } catch (error) {
            if (error instanceof NoAutomationError) throw new HttpProblem(409, error.message);
            throw error;
          }
        },
      );
    }
  };
}
