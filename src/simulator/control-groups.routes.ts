import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { sendProblem, zodProblems } from './problem.ts';
import type { WhatsAppSimulator } from './whatsapp-simulator.ts';

const joinSchema = z.object({
  inviteLink: z.url(),
  from: z.string().regex(/^\+?\d{5,15}$/, 'must be a phone number in digits'),
  name: z.string().min(1).max(100).optional(),
});
const leaveSchema = z.object({ from: z.string().regex(/^\+?\d{5,15}$/, 'must be a phone number in digits') });
const messageSchema = z.object({
  from: z.string().regex(/^\+?\d{5,15}$/, 'must be a phone number in digits'),
  text: z.string().min(1).max(4096),
});
const accessSchema = z.object({ allowed: z.boolean() });
const limitSchema = z.object({
  max: z.int().min(0).max(100_000),
  windowSeconds: z.int().min(1).max(86_400),
});

/**
 * The participants' side of WhatsApp groups, for tests and the demo phone: a patient taps an invite
 * link (joins), leaves, writes in the group; and the knobs a real number has (Groups access, the
 * group-operation rate behind 131208). Mounted under `/_sim` with the other control routes.
 */
export function controlGroupsRoutes(
  simulator: WhatsAppSimulator,
  playsTarget: (phoneNumberId: string | undefined) => Promise<boolean>,
  notPlayed: (reply: FastifyReply) => unknown,
): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { phoneNumberId: string } }>('/numbers/:phoneNumberId/groups', async (request) => ({
      groups: simulator.groups.groupsOf(request.params.phoneNumberId).map((group) => ({
        id: group.id,
        subject: group.subject,
        description: group.description,
        inviteLink: group.inviteLink,
        participants: [...group.participants.values()].map((p) => ({ waId: p.waId, name: p.name })),
      })),
    }));

    app.put<{ Params: { phoneNumberId: string } }>(
      '/numbers/:phoneNumberId/groups-access',
      async (request, reply) => {
        const parsed = accessSchema.safeParse(request.body);
        if (!parsed.success) return sendProblem(reply, 400, 'Invalid request', zodProblems(parsed.error));
        if (!(await playsTarget(request.params.phoneNumberId))) return notPlayed(reply);
        simulator.groups.setAccess(request.params.phoneNumberId, parsed.data.allowed);
        return { phoneNumberId: request.params.phoneNumberId, groupsAccess: parsed.data.allowed };
      },
    );

    app.put<{ Params: { phoneNumberId: string } }>(
      '/numbers/:phoneNumberId/group-operation-limit',
      async (request, reply) => {
        const parsed = limitSchema.safeParse(request.body);
        if (!parsed.success) return sendProblem(reply, 400, 'Invalid request', zodProblems(parsed.error));
        if (!(await playsTarget(request.params.phoneNumberId))) return notPlayed(reply);
        simulator.groups.setOperationLimit(request.params.phoneNumberId, {
          max: parsed.data.max,
          windowMs: parsed.data.windowSeconds * 1000,
        });
        return { phoneNumberId: request.params.phoneNumberId, ...parsed.data };
      },
    );

    app.post('/group-joins', async (request, reply) => {
      const parsed = joinSchema.safeParse(request.body);
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid request', zodProblems(parsed.error));
      return simulator.groups.join(parsed.data);
    });

    app.post<{ Params: { groupId: string } }>('/groups/:groupId/leave', async (request, reply) => {
      const parsed = leaveSchema.safeParse(request.body);
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid request', zodProblems(parsed.error));
      simulator.groups.leave({ groupId: request.params.groupId, from: parsed.data.from });
      return { left: true };
    });

    app.post<{ Params: { groupId: string } }>('/groups/:groupId/messages', async (request, reply) => {
      const parsed = messageSchema.safeParse(request.body);
      if (!parsed.success) return sendProblem(reply, 400, 'Invalid request', zodProblems(parsed.error));
      return simulator.groups.participantSends({ groupId: request.params.groupId, ...parsed.data });
    });
  };
}
