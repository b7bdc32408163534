import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { mayControl, type SimulatorAccess } from './control-access.ts';
import { controlAppsRoutes } from './control-apps.routes.ts';
import { controlExtraRoutes } from './control-extra.routes.ts';
import { controlGroupsRoutes } from './control-groups.routes.ts';
import { clientErrorStatus, useJsonBodies } from './json-body-parser.ts';
import { patientMessageSchema } from './patient-message.ts';
import { sendProblem, zodProblems } from './problem.ts';
import { publicView, simulatedNumberSchema } from './simulated-number.ts';
import { simulatorBehaviourSchema } from './simulator-behaviour.ts';
import { SimulatorError } from './simulator-error.ts';
import type { WhatsAppSimulator } from './whatsapp-simulator.ts';

const numberParams = z.object({ phoneNumberId: z.string().min(1) });

const PROBLEMS: Record<SimulatorError['kind'], { status: number; title: string }> = {
  invalid_input: { status: 400, title: 'Invalid request' },
  unknown_message: { status: 400, title: 'Unknown message' },
  unknown_number: { status: 404, title: 'Unknown simulated number' },
  unknown_template: { status: 404, title: 'Unknown template' },
  conflict: { status: 409, title: 'Not possible in this state' },
};

/**
 * The simulator's own API, for tests and the demo: register numbers, make patients write, read what
 * the business sent, and turn the knobs. Mounted under `/_sim`. Tokens and app secrets are never shown.
 * Answers callers on this machine, or with `access.token`; plays only the numbers `access` allows.
 */
export function controlRoutes(
  simulator: WhatsAppSimulator,
  access: SimulatorAccess = {},
): FastifyPluginAsync {
  const plays = (phoneNumberId: string) => access.playsNumber?.(phoneNumberId) ?? Promise.resolve(true);
  return async (app) => {
    useJsonBodies(app);

    app.addHook('onRequest', async (request, reply) => {
      if (
        mayControl({ remoteAddress: request.socket.remoteAddress, headers: request.headers }, access.token)
      ) {
        return;
      }
      reply.header('www-authenticate', 'Bearer');
      return sendProblem(reply, 401, 'Not allowed', [
        {
          field: 'authorization',
          reason: 'the simulator control API answers this machine only, or a caller with SIMULATOR_TOKEN',
        },
      ]);
    });

    app.setErrorHandler((error, _request, reply) => {
      if (error instanceof SimulatorError) {
        const { status, title } = PROBLEMS[error.kind];
        return sendProblem(reply, status, title, [{ field: error.field, reason: error.reason }]);
      }
      const status = clientErrorStatus(error);
      if (status === undefined) throw error;
      const reason = error instanceof Error ? error.message : 'could not be read';
      return sendProblem(reply, status, 'Invalid request', [{ field: '(body)', reason }]);
    });

    app.get('/numbers', async () => ({
      numbers: simulator.numbers().map((number) => ({
        ...publicView(number),
        behaviour: simulator.behaviour(number.phoneNumberId),
      })),
    }));

    app.post('/numbers', async (request, reply) => {
      const parsed = simulatedNumberSchema.safeParse(request.body);
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid number', zodProblems(parsed.error));
      if (!(await plays(parsed.data.phoneNumberId))) return notPlayed(reply);
      if (access.acceptsWebhookUrl && !access.acceptsWebhookUrl(parsed.data.webhookUrl)) {
        return sendProblem(reply, 403, 'Webhook URL not allowed', [
          { field: 'webhookUrl', reason: 'must be the webhook URL of the Careline this simulator runs in' },
        ]);
      }
      const isNew = !simulator.numbers().some((number) => number.phoneNumberId === parsed.data.phoneNumberId);
      simulator.registerNumber(parsed.data);
      return reply.code(isNew ? 201 : 200).send({ number: publicView(parsed.data) });
    });

    app.get('/behaviour', async () => ({ behaviour: simulator.behaviour() }));

    app.put('/behaviour', async (request, reply) => {
      const parsed = simulatorBehaviourSchema.safeParse(request.body ?? {});
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid behaviour', zodProblems(parsed.error));
      simulator.setBehaviour(parsed.data);
      return { behaviour: simulator.behaviour() };
    });

    app.put('/numbers/:phoneNumberId/behaviour', async (request, reply) => {
      const { phoneNumberId } = numberParams.parse(request.params);
      const parsed = simulatorBehaviourSchema.safeParse(request.body ?? {});
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid behaviour', zodProblems(parsed.error));
      simulator.setBehaviour(parsed.data, phoneNumberId);
      return { phoneNumberId, behaviour: simulator.behaviour(phoneNumberId) };
    });

    app.get('/numbers/:phoneNumberId/sent', async (request) => {
      const { phoneNumberId } = numberParams.parse(request.params);
      return { phoneNumberId, sends: simulator.sends(phoneNumberId) };
    });

    app.get('/numbers/:phoneNumberId/received', async (request) => {
      const { phoneNumberId } = numberParams.parse(request.params);
      return { phoneNumberId, messages: simulator.inboundMessages(phoneNumberId) };
    });

    app.get('/numbers/:phoneNumberId/webhooks', async (request) => {
      const { phoneNumberId } = numberParams.parse(request.params);
      return { phoneNumberId, deliveries: simulator.deliveries(phoneNumberId) };
    });

    app.get('/numbers/:phoneNumberId/media-downloads', async (request) => {
      const { phoneNumberId } = numberParams.parse(request.params);
      return { phoneNumberId, downloads: simulator.mediaDownloads(phoneNumberId) };
    });

    app.post('/patient-messages', async (request, reply) => {
      const parsed = patientMessageSchema.safeParse(request.body);
      if (!parsed.success)
        return sendProblem(reply, 400, 'Invalid patient message', zodProblems(parsed.error));
      if (!(await playsTarget(parsed.data.phoneNumberId))) return notPlayed(reply);
      return simulator.patientSends(parsed.data);
    });

    await app.register(controlExtraRoutes(simulator, playsTarget, notPlayed));
    await app.register(controlGroupsRoutes(simulator, playsTarget, notPlayed));
    await app.register(controlAppsRoutes(simulator, access), { prefix: '/apps' });
  };

  /**
   * Checked again when a patient writes: a number played at start may have been moved to Meta since,
   * and the simulator must not sign a message for it.
   */
  async function playsTarget(phoneNumberId: string | undefined): Promise<boolean> {
    const numbers = simulator.numbers();
    const target = phoneNumberId ?? (numbers.length === 1 ? numbers[0]?.phoneNumberId : undefined);
    // No target: the simulator itself says which number is missing or unknown.
    return target === undefined || (await plays(target));
  }
}

function notPlayed(reply: FastifyReply) {
  return sendProblem(reply, 403, 'Not a simulated number', [
    {
      field: 'phoneNumberId',
      reason:
        'its channel account does not point at this simulator (the simulator never plays a real number)',
    },
  ]);
}
