import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { auditRead, patientEntity } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { findContactsByIds } from '../contacts/contact.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { PatientGroup } from './patient-group.schema.ts';
import {
  addPatientsToGroup,
  archivePatientGroup,
  checkSegmentReferences,
  createPatientGroup,
  DuplicateGroupNameError,
  GroupKindError,
  getPatientGroup,
  groupSizeAndSample,
  listPatientGroups,
  PatientGroupNotFoundError,
  previewSegment,
  removePatientsFromGroup,
  StaticGroupRulesError,
  staticMembersPage,
  UnknownSegmentReferenceError,
  updatePatientGroup,
} from './patient-group.service.ts';
import { type SegmentDefinition, segmentDefinition } from './segment-rules.ts';

export interface PatientGroupDeps {
  db: Db;
  clock: Clock;
  keyring: Keyring;
}

/** How many patients a preview shows by name. */
export const PREVIEW_SAMPLE_SIZE = 20;

const groupJson = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    kind: z.enum(['static', 'dynamic']),
    definition: segmentDefinition.nullable().describe('The rules of a dynamic group; null for a static one'),
    member_count: z.number().int().nullable().describe('A static group’s members; null for a dynamic one'),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
    archived_at: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PatientGroup' });

const patientJson = z
  .object({
    id: z.uuid(),
    display_name: z.string().nullable(),
    phone_masked: z.string().nullable().describe('The number with its middle digits hidden: +336••••••78'),
  })
  .meta({ id: 'GroupPatient' });

const previewJson = z
  .object({
    size: z.number().int().describe('How many patients the group holds now'),
    sample: z.array(patientJson).describe(`The first ${PREVIEW_SAMPLE_SIZE} of them, at most`),
  })
  .meta({ id: 'PatientGroupPreview' });

const name = z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters');
const description = z.string().trim().max(1000, 'must be at most 1000 characters').nullable().optional();
const contactIds = z.array(z.uuid('must be a patient id (UUID)')).min(1).max(500);
const params = z.object({ id: z.uuid('must be a patient group id (UUID)') });

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const withNotFound = { ...errors, 404: problemSchema };

/** The clinic's patient groups, static lists and dynamic segments, for holders of `groups.manage`. */
export function patientGroupRoutes(deps: PatientGroupDeps): FastifyPluginAsyncZod {
  const { db, clock, keyring } = deps;
  const route = <S extends object>(summary: string, schema: S, description?: string) => ({
    config: { access: 'groups.manage' as const },
    schema: { tags: ['patient-groups'], summary, ...(description ? { description } : {}), ...schema },
  });

  /** Names and masked numbers of these patients, in the order given; each read is audited. */
  async function patientsShown(request: FastifyRequest, ids: string[]) {
    const { orgId } = callerOf(request);
    const found = new Map((await findContactsByIds(db, keyring, orgId, ids)).map((c) => [c.id, c]));
    const shown = ids.flatMap((id) => {
      const contact = found.get(id);
      return contact
        ? [{ id, display_name: contact.displayName, phone_masked: maskPhone(contact.phone) }]
        : [];
    });
    await auditRead(request, ...shown.map((p) => patientEntity(p.id)));
    return shown;
  }

  async function checked(orgId: string, definition: SegmentDefinition): Promise<SegmentDefinition> {
    await checkSegmentReferences(db, orgId, definition).catch(rethrow);
    return definition;
  }

  return async (app) => {
    app.get(
      '/patient-groups',
      route('The clinic’s patient groups, newest first', {
        querystring: z.object({
          include_archived: z
            .enum(['true', 'false'])
            .optional()
            .describe('Archived groups too (they are left out by default)'),
        }),
        response: { 200: z.object({ data: z.array(groupJson) }), ...errors },
      }),
      async (request) => {
        const groups = await listPatientGroups(db, callerOf(request).orgId, {
          includeArchived: request.query.include_archived === 'true',
        });
        return { data: groups.map((g) => toGroupJson(g, g.memberCount)) };
      },
    );

    app.post(
      '/patient-groups',
      route(
        'Create a patient group: a static list or a dynamic segment',
        {
          body: z
            .object({
              name,
              description,
              kind: z.enum(['static', 'dynamic']),
              definition: segmentDefinition
                .optional()
                .describe('Required for a dynamic group; not for a static one'),
            })
            .superRefine((body, ctx) => {
              if (body.kind === 'dynamic' && body.definition === undefined)
                ctx.addIssue({
                  code: 'custom',
                  path: ['definition'],
                  message: 'is required for a dynamic group',
                });
              if (body.kind === 'static' && body.definition !== undefined)
                ctx.addIssue({
                  code: 'custom',
                  path: ['definition'],
                  message: 'is only for a dynamic group',
                });
            })
            .meta({ id: 'NewPatientGroup' }),
          response: { 201: groupJson, 409: problemSchema, 422: problemSchema, ...errors },
        },
        'A rule naming a practitioner or appointment type the clinic does not have is refused (422).',
      ),
      async (request, reply) => {
        const caller = callerOf(request);
        const { kind, definition } = request.body;
        const group = await createPatientGroup(db, {
          orgId: caller.orgId,
          name: request.body.name,
          description: request.body.description ?? null,
          kind,
          definition: definition ? await checked(caller.orgId, definition) : null,
          createdByUserId: caller.userId,
        }).catch(rethrow);
        return reply.code(201).send(toGroupJson(group, kind === 'static' ? 0 : null));
      },
    );

    app.post(
      '/patient-groups/preview',
      route(
        'Preview an unsaved dynamic group: how many patients match now, and the first of them',
        {
          body: z.object({ definition: segmentDefinition }).meta({ id: 'PatientGroupPreviewRequest' }),
          response: { 200: previewJson, 422: problemSchema, ...errors },
        },
        'Reading the sample’s names is recorded in the audit.',
      ),
      async (request) => {
        const { orgId } = callerOf(request);
        const definition = await checked(orgId, request.body.definition);
        const preview = await previewSegment(db, deps, {
          orgId,
          definition,
          sampleSize: PREVIEW_SAMPLE_SIZE,
        });
        return { size: preview.size, sample: await patientsShown(request, preview.sample) };
      },
    );

    app.get(
      '/patient-groups/:id',
      route('One patient group', { params, response: { 200: groupJson, ...withNotFound } }),
      async (request) => {
        const { orgId } = callerOf(request);
        const group = await getPatientGroup(db, orgId, request.params.id).catch(rethrow);
        return toGroupJson(group, await memberCountOf(orgId, group));
      },
    );

    app.get(
      '/patient-groups/:id/preview',
      route('How many patients a group holds now, and the first of them', {
        params,
        response: { 200: previewJson, ...withNotFound },
      }),
      async (request) => {
        const { orgId } = callerOf(request);
        const group = await getPatientGroup(db, orgId, request.params.id).catch(rethrow);
        const preview = await groupSizeAndSample(db, deps, { orgId, group, sampleSize: PREVIEW_SAMPLE_SIZE });
        return { size: preview.size, sample: await patientsShown(request, preview.sample) };
      },
    );

    app.patch(
      '/patient-groups/:id',
      route('Change a group’s name, description or (a dynamic group’s) rules', {
        params,
        body: z
          .object({ name: name.optional(), description, definition: segmentDefinition.optional() })
          .refine((b) => Object.values(b).some((v) => v !== undefined), {
            message: 'change at least one field',
          })
          .meta({ id: 'PatientGroupChange' }),
        response: { 200: groupJson, 409: problemSchema, 422: problemSchema, ...withNotFound },
      }),
      async (request) => {
        const { orgId } = callerOf(request);
        const { definition } = request.body;
        const group = await updatePatientGroup(db, {
          orgId,
          groupId: request.params.id,
          name: request.body.name,
          description: request.body.description,
          definition: definition ? await checked(orgId, definition) : undefined,
          now: clock.now(),
        }).catch(rethrow);
        return toGroupJson(group, await memberCountOf(orgId, group));
      },
    );

    app.post(
      '/patient-groups/:id/archive',
      route(
        'Archive a group',
        { params, response: { 200: groupJson, ...withNotFound } },
        'An archived group is no longer offered (left out of the list) but kept, with its members, for the ' +
          'broadcasts that went to it. Its name may be given to a new group.',
      ),
      async (request) => {
        const { orgId } = callerOf(request);
        const group = await archivePatientGroup(db, {
          orgId,
          groupId: request.params.id,
          now: clock.now(),
        }).catch(rethrow);
        return toGroupJson(group, await memberCountOf(orgId, group));
      },
    );

    app.get(
      '/patient-groups/:id/members',
      route(
        'A static group’s members, a page at a time',
        {
          params,
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(100).default(25).describe('Items per page (1-100)'),
            cursor: z
              .uuid('is not a cursor returned by this API')
              .optional()
              .describe('`next_cursor` from the previous page'),
          }),
          response: { 200: pageOf(patientJson), 409: problemSchema, ...withNotFound },
        },
        'Merged records are listed as the record they were merged into. Reading the names is recorded in the audit.',
      ),
      async (request) => {
        const { orgId } = callerOf(request);
        const { limit, cursor } = request.query;
        const ids = await staticMembersPage(db, {
          orgId,
          groupId: request.params.id,
          afterContactId: cursor ?? null,
          limit: limit + 1,
        }).catch(rethrow);
        const page = ids.slice(0, limit);
        return {
          data: await patientsShown(request, page),
          next_cursor: ids.length > limit ? (page.at(-1) ?? null) : null,
        };
      },
    );

    app.post(
      '/patient-groups/:id/members',
      route(
        'Add patients to a static group',
        {
          params,
          body: z.object({ contact_ids: contactIds }).meta({ id: 'GroupMembersChange' }),
          response: { 200: z.object({ added: z.number().int() }), 409: problemSchema, ...withNotFound },
        },
        'Patients of another clinic, and those already in the group, are left out; `added` counts the new ones.',
      ),
      async (request) => {
        const caller = callerOf(request);
        const added = await addPatientsToGroup(db, {
          orgId: caller.orgId,
          groupId: request.params.id,
          contactIds: request.body.contact_ids,
          addedByUserId: caller.userId,
        }).catch(rethrow);
        return { added };
      },
    );

    app.delete(
      '/patient-groups/:id/members/:contact_id',
      route('Remove a patient from a static group', {
        params: params.extend({ contact_id: z.uuid('must be a patient id (UUID)') }),
        response: { 204: z.null(), 409: problemSchema, ...withNotFound },
      }),
      async (request, reply) => {
        const removed = await removePatientsFromGroup(db, {
          orgId: callerOf(request).orgId,
          groupId: request.params.id,
          contactIds: [request.params.contact_id],
        }).catch(rethrow);
        if (removed === 0) throw HttpProblem.notFound('Member');
        return reply.code(204).send(null);
      },
    );
  };

  async function memberCountOf(orgId: string, group: PatientGroup): Promise<number | null> {
    if (group.kind !== 'static') return null;
    return (await groupSizeAndSample(db, deps, { orgId, group, sampleSize: 0 })).size;
  }
}

function toGroupJson(group: PatientGroup, memberCount: number | null): z.infer<typeof groupJson> {
  const parsed = segmentDefinition.safeParse(group.definition);
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    kind: group.kind,
    definition: group.kind === 'dynamic' && parsed.success ? parsed.data : null,
    member_count: memberCount,
    created_at: group.createdAt.toISOString(),
    updated_at: group.updatedAt.toISOString(),
    archived_at: group.archivedAt?.toISOString() ?? null,
  };
}

/** +33612345678 → +336••••••78: enough to tell two patients apart, not to call them. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  if (phone.length <= 6) return '•'.repeat(phone.length);
  return `${phone.slice(0, 4)}${'•'.repeat(phone.length - 6)}${phone.slice(-2)}`;
}

function rethrow(error: unknown): never {
  if (error instanceof PatientGroupNotFoundError) throw HttpProblem.notFound('Patient group');
  if (error instanceof DuplicateGroupNameError)
    throw new HttpProblem(409, `body.name: the clinic already has a group named ${error.groupName}`, [
      { field: 'body.name', message: 'another group of the clinic has this name' },
    ]);
  if (error instanceof UnknownSegmentReferenceError) {
    const field = `body.definition.${error.path}`;
    throw new HttpProblem(422, `${field}: ${error.message.split(': ')[1]}`, [
      { field, message: error.message.split(': ')[1] ?? 'is unknown' },
    ]);
  }
  if (error instanceof StaticGroupRulesError)
    throw new HttpProblem(409, 'body.definition: a static group has members, not rules', [
      { field: 'body.definition', message: 'a static group has members, not rules' },
    ]);
  if (error instanceof GroupKindError) throw new HttpProblem(409, error.message);
  throw error;
}
