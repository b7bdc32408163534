import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import {
  type CareGroupDeps,
  CareGroupNotFoundError,
  CareGroupRefusedError,
  type CareGroupView,
  careGroupAvailability,
  careGroupTimeline,
  createCareGroup,
  type GroupMessageView,
  type GroupOutbound,
  getCareGroup,
  listCareGroups,
  MAX_CARE_GROUP_PARTICIPANTS,
  MAX_DESCRIPTION_LENGTH,
  MAX_SUBJECT_LENGTH,
  resetCareGroupInviteLink,
  sendToCareGroup,
  UnknownChannelAccountError,
} from './care-group.service.ts';

const participantJson = z.object({
  id: z.uuid(),
  contact_id: z.uuid().nullable().describe('The patient record, when the participant is one'),
  wa_id: z.string().nullable(),
  name: z.string().nullable().describe('Their WhatsApp profile name, when they wrote'),
  status: z.enum(['joined', 'left', 'removed']),
  joined_at: z.iso.datetime(),
  left_at: z.iso.datetime().nullable(),
});

const careGroupJson = z
  .object({
    id: z.uuid(),
    channel_account_id: z.uuid(),
    subject: z.string(),
    description: z.string().nullable(),
    status: z
      .enum(['creating', 'active', 'failed', 'deleted'])
      .describe('creating until WhatsApp confirms the group (and gives its invite link)'),
    invite_link: z.string().nullable(),
    failure: z.string().nullable(),
    participants: z.array(participantJson),
    max_participants: z.number().int(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'CareGroup' });

const availabilityJson = z
  .object({
    channel_account_id: z.uuid(),
    name: z.string(),
    available: z.boolean(),
    reason: z.string().nullable().describe('Why WhatsApp refuses groups on this number'),
  })
  .meta({ id: 'CareGroupAvailability' });

const groupMessageJson = z
  .object({
    id: z.uuid(),
    direction: z.enum(['inbound', 'outbound']),
    participant_id: z.uuid().nullable(),
    sent_by_user_id: z.uuid().nullable(),
    type: z.string(),
    text: z.string().nullable(),
    status: z.string(),
    error_code: z.number().int().nullable(),
    error_title: z.string().nullable(),
    red_flag: z.string().nullable().describe('The red-flag screening’s category for a participant’s message'),
    occurred_at: z.iso.datetime(),
  })
  .meta({ id: 'CareGroupMessage' });

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const params = z.object({ id: z.uuid('must be a care group id (UUID)') });

/** Types Meta does not allow in groups, refused with a 422 that says so. */
const NOT_IN_GROUPS = new Set([
  'buttons',
  'list',
  'ctaUrl',
  'interactive',
  'flow',
  'location',
  'contacts',
  'reaction',
]);

/**
 * WhatsApp care groups (Cloud API Groups): small groups (8 participants, Meta's limit) created from
 * Careline on a WhatsApp number, joined by invite link. Reading them is the care team's
 * (conversations.read), writing in them too (conversations.write); creating one, which puts patients
 * in touch with each other, is for supervisors and administrators (groups.manage).
 */
export function careGroupRoutes(deps: CareGroupDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/care-groups',
      {
        config: { access: 'conversations.read' },
        schema: {
          tags: ['care-groups'],
          summary: 'The clinic’s WhatsApp care groups, and which numbers may have groups',
          response: {
            200: z.object({ data: z.array(careGroupJson), availability: z.array(availabilityJson) }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const [groups, availability] = await Promise.all([
          listCareGroups(deps, orgId),
          careGroupAvailability(deps, orgId),
        ]);
        return {
          data: groups.map(toGroupJson),
          availability: availability.map((a) => ({
            channel_account_id: a.channelAccountId,
            name: a.name,
            available: a.available,
            reason: a.reason,
          })),
        };
      },
    );

    app.post(
      '/care-groups',
      {
        config: { access: 'groups.manage' },
        schema: {
          tags: ['care-groups'],
          summary: 'Create a WhatsApp care group on one of the clinic’s numbers',
          description:
            'WhatsApp confirms the group a moment later with its invite link (status creating → active). 409 when the number has no access to groups, 429 when WhatsApp refuses too many group operations (131208).',
          body: z
            .object({
              channel_account_id: z.uuid('must be a channel account id (UUID)'),
              subject: z
                .string()
                .trim()
                .min(1, 'must not be empty')
                .max(MAX_SUBJECT_LENGTH, `must be at most ${MAX_SUBJECT_LENGTH} characters`),
              description: z
                .string()
                .trim()
                .max(MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`)
                .optional(),
            })
            .meta({ id: 'NewCareGroup' }),
          response: {
            201: careGroupJson,
            409: problemSchema,
            429: problemSchema,
            502: problemSchema,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const group = await createCareGroup(deps, {
          orgId: caller.orgId,
          channelAccountId: request.body.channel_account_id,
          subject: request.body.subject,
          description: request.body.description || null,
          createdByUserId: caller.userId,
        }).catch((error: unknown) => {
          if (error instanceof UnknownChannelAccountError)
            throw HttpProblem.badField(
              'body.channel_account_id',
              'must be one of the clinic’s WhatsApp numbers',
            );
          throw problemOf(error);
        });
        return reply.code(201).send(toGroupJson({ group, participants: [] }));
      },
    );

    app.get(
      '/care-groups/:id',
      {
        config: { access: 'conversations.read' },
        schema: {
          tags: ['care-groups'],
          summary: 'A care group with its participants and invite link',
          params,
          response: { 200: careGroupJson, 404: problemSchema, ...errors },
        },
      },
      async (request) =>
        toGroupJson(
          await getCareGroup(deps, callerOf(request).orgId, request.params.id).catch((error: unknown) => {
            throw problemOf(error);
          }),
        ),
    );

    app.post(
      '/care-groups/:id/invite-link',
      {
        config: { access: 'groups.manage' },
        schema: {
          tags: ['care-groups'],
          summary: 'Reset the group’s invite link (every earlier link stops working)',
          params,
          response: {
            200: careGroupJson,
            404: problemSchema,
            409: problemSchema,
            429: problemSchema,
            ...errors,
          },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        await resetCareGroupInviteLink(deps, orgId, request.params.id).catch((error: unknown) => {
          throw problemOf(error);
        });
        return toGroupJson(await getCareGroup(deps, orgId, request.params.id));
      },
    );

    app.get(
      '/care-groups/:id/messages',
      {
        config: { access: 'conversations.read' },
        schema: {
          tags: ['care-groups'],
          summary: 'The group’s latest messages, oldest first',
          params,
          response: { 200: z.object({ data: z.array(groupMessageJson) }), 404: problemSchema, ...errors },
        },
      },
      async (request) => {
        const rows = await careGroupTimeline(deps, callerOf(request).orgId, request.params.id).catch(
          (error: unknown) => {
            throw problemOf(error);
          },
        );
        return { data: rows.map(toMessageJson) };
      },
    );

    app.post(
      '/care-groups/:id/messages',
      {
        config: { access: 'conversations.write' },
        schema: {
          tags: ['care-groups'],
          summary: 'Send to the group: text or an approved template',
          description:
            'Sent at once; a refusal by WhatsApp is stored on the message (status failed, with Meta’s code) and never retried. Interactive messages are refused (422): WhatsApp groups take text, media and templates only. 429 on 131208.',
          params,
          body: z
            .looseObject({
              type: z.string().min(1, 'must be text or template').max(32),
              // Longer than WhatsApp's 4,096 so that the check below names the limit.
              text: z.string().max(65_536).optional(),
              name: z.string().max(512).optional(),
              language: z.string().max(35).optional(),
              parameters: z.array(z.string().max(1024)).max(100).optional(),
            })
            .meta({ id: 'NewCareGroupMessage' }),
          response: {
            201: groupMessageJson,
            404: problemSchema,
            409: problemSchema,
            422: problemSchema,
            429: problemSchema,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const message = outboundOf(request.body);
        const sent = await sendToCareGroup(deps, {
          orgId: caller.orgId,
          id: request.params.id,
          userId: caller.userId,
          message,
        }).catch((error: unknown) => {
          throw problemOf(error);
        });
        return reply.code(201).send(toMessageJson(sent));
      },
    );
  };
}

function outboundOf(body: {
  type: string;
  text?: string | undefined;
  name?: string | undefined;
  language?: string | undefined;
  parameters?: string[] | undefined;
}): GroupOutbound {
  if (NOT_IN_GROUPS.has(body.type))
    throw new HttpProblem(
      422,
      `body.type: ${body.type} messages are not allowed in WhatsApp groups (text, media and templates only)`,
      [{ field: 'body.type', message: 'WhatsApp groups take text, media and templates only' }],
    );
  if (body.type === 'text') {
    const text = body.text?.trim() ?? '';
    if (text === '') throw HttpProblem.badField('body.text', 'must not be empty');
    if (text.length > 4096) throw HttpProblem.badField('body.text', 'must be at most 4096 characters');
    return { type: 'text', text };
  }
  if (body.type === 'template') {
    if (!body.name?.trim()) throw HttpProblem.badField('body.name', 'must name an approved template');
    if (!body.language?.trim())
      throw HttpProblem.badField('body.language', 'must be the template’s language, e.g. fr');
    return {
      type: 'template',
      name: body.name.trim(),
      language: body.language.trim(),
      parameters: body.parameters ?? [],
    };
  }
  if (['image', 'video', 'audio', 'document', 'sticker'].includes(body.type))
    throw new HttpProblem(
      422,
      `body.type: sending ${body.type} to a group is not available in Careline yet`,
      [{ field: 'body.type', message: 'text and templates only for now' }],
    );
  throw HttpProblem.badField('body.type', 'must be text or template');
}

function problemOf(error: unknown): unknown {
  if (error instanceof CareGroupNotFoundError) return HttpProblem.notFound('care group');
  if (error instanceof CareGroupRefusedError) {
    const detail = error.code === null ? error.message : `${error.message}`;
    return new HttpProblem(error.status, detail);
  }
  return error;
}

function toGroupJson(view: CareGroupView) {
  const { group } = view;
  return {
    id: group.id,
    channel_account_id: group.channelAccountId,
    subject: group.subject,
    description: group.description,
    status: group.status,
    invite_link: group.inviteLink,
    failure: group.failure,
    participants: view.participants.map((p) => ({
      id: p.id,
      contact_id: p.contactId,
      wa_id: p.waId,
      name: p.name,
      status: p.status,
      joined_at: p.joinedAt.toISOString(),
      left_at: p.leftAt?.toISOString() ?? null,
    })),
    max_participants: MAX_CARE_GROUP_PARTICIPANTS,
    created_at: group.createdAt.toISOString(),
  };
}

function toMessageJson(row: GroupMessageView) {
  return {
    id: row.id,
    direction: row.direction,
    participant_id: row.participantId,
    sent_by_user_id: row.sentByUserId,
    type: row.type,
    text: row.text,
    status: row.status,
    error_code: row.errorCode,
    error_title: row.errorTitle,
    red_flag: row.redFlag,
    occurred_at: row.occurredAt.toISOString(),
  };
}
