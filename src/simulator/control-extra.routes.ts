import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { injectedErrorsSchema } from './injected-errors.ts';
import { sendProblem, zodProblems } from './problem.ts';
import { graphTemplateView, TEMPLATE_STATUSES, templateInputSchema } from './template.schema.ts';
import { transportFaultsSchema } from './transport-faults.ts';
import type { WhatsAppSimulator } from './whatsapp-simulator.ts';

const wabaParams = z.object({ wabaId: z.string().min(1) });
const templateParams = z.object({ wabaId: z.string().min(1), templateId: z.string().min(1) });
const statusBody = z.object({ status: z.enum(TEMPLATE_STATUSES), reason: z.string().min(1).optional() });
const preferenceBody = z.object({
  phoneNumberId: z.string().min(1).optional(),
  from: z.string().min(1),
  value: z.enum(['stop', 'resume']),
  name: z.string().min(1).optional(),
});
const clockBody = z.object({ advanceMs: z.number().int().min(0) });
const injectBody = z.object({
  phoneNumberId: z.string().min(1).optional(),
  errors: injectedErrorsSchema.min(1),
});
const faultsBody = z.object({
  phoneNumberId: z.string().min(1).optional(),
  faults: transportFaultsSchema.min(1),
});
const flushBody = z.object({ phoneNumberId: z.string().min(1).optional() });

/**
 * Control routes for the capabilities beyond texts (under `/_sim`, sharing its error handler):
 * templates per WABA, marketing preferences, the clock, injected errors and transport faults, and
 * held webhooks.
 */
export function controlExtraRoutes(
  simulator: WhatsAppSimulator,
  playsTarget: (phoneNumberId: string | undefined) => Promise<boolean>,
  notPlayed: (reply: FastifyReply) => FastifyReply,
): FastifyPluginAsync {
  return async (app) => {
    app.get('/wabas/:wabaId/templates', async (request) => {
      const { wabaId } = wabaParams.parse(request.params);
      return { wabaId, templates: simulator.templates(wabaId).map(graphTemplateView) };
    });

    app.post('/wabas/:wabaId/templates', async (request, reply) => {
      const { wabaId } = wabaParams.parse(request.params);
      const body = typeof request.body === 'object' && request.body !== null ? request.body : {};
      const parsed = templateInputSchema.safeParse({ ...body, wabaId });
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid template', zodProblems(parsed.error));
      const template = simulator.upsertTemplate(parsed.data);
      return reply.code(201).send({ template: graphTemplateView(template) });
    });

    app.put('/wabas/:wabaId/templates/:templateId/status', async (request, reply) => {
      const { wabaId, templateId } = templateParams.parse(request.params);
      const parsed = statusBody.safeParse(request.body ?? {});
      if (!parsed.success)
        return sendProblem(reply, 400, 'Invalid template status', zodProblems(parsed.error));
      const template = simulator.setTemplateStatus(
        wabaId,
        templateId,
        parsed.data.status,
        parsed.data.reason,
      );
      return { template: graphTemplateView(template) };
    });

    app.delete('/wabas/:wabaId/templates/:templateId', async (request, reply) => {
      const { wabaId, templateId } = templateParams.parse(request.params);
      if (!simulator.deleteTemplate(wabaId, templateId)) {
        return sendProblem(reply, 404, 'Unknown template', [
          { field: 'templateId', reason: 'no such template' },
        ]);
      }
      return reply.code(204).send();
    });

    app.post('/marketing-preferences', async (request, reply) => {
      const parsed = preferenceBody.safeParse(request.body ?? {});
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid preference', zodProblems(parsed.error));
      if (!(await playsTarget(parsed.data.phoneNumberId))) return notPlayed(reply);
      return simulator.patientSetsMarketingPreference(parsed.data);
    });

    app.get('/clock', async () => ({ now: simulator.now().toISOString() }));

    app.post('/clock', async (request, reply) => {
      const parsed = clockBody.safeParse(request.body ?? {});
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid clock change', zodProblems(parsed.error));
      return { now: simulator.advanceClock(parsed.data.advanceMs).toISOString() };
    });

    app.post('/inject-errors', async (request, reply) => {
      const parsed = injectBody.safeParse(request.body ?? {});
      if (!parsed.success)
        return sendProblem(reply, 400, 'Invalid error injection', zodProblems(parsed.error));
      simulator.injectErrors(parsed.data.errors, parsed.data.phoneNumberId);
      return reply.code(204).send();
    });

    app.post('/inject-transport-faults', async (request, reply) => {
      const parsed = faultsBody.safeParse(request.body ?? {});
      if (!parsed.success)
        return sendProblem(reply, 400, 'Invalid transport fault injection', zodProblems(parsed.error));
      simulator.injectTransportFaults(parsed.data.faults, parsed.data.phoneNumberId);
      return reply.code(204).send();
    });

    app.post('/webhooks/flush', async (request, reply) => {
      const parsed = flushBody.safeParse(request.body ?? {});
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid flush', zodProblems(parsed.error));
      simulator.flushWebhooks(parsed.data.phoneNumberId);
      return reply.code(204).send();
    });
  };
}
