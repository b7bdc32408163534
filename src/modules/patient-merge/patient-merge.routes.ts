import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { auditRead, changeCallerOf, patientEntity } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { Contact } from '../contacts/contact.schema.ts';
import { findContactsByIds, identitiesOfContacts } from '../contacts/contact.service.ts';
import { dismissDuplicatePair, findDuplicatePairs } from '../contacts/contact-duplicates.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { ContactMergeRow } from './contact-merge.schema.ts';
import {
  type FieldChoices,
  fieldChoicesOf,
  MergeError,
  type MergeSide,
  mergeContacts,
  mergePreview,
  mergesOfContact,
  unmergeContacts,
} from './patient-merge.service.ts';

const idParams = z.object({ id: z.uuid('must be a contact id (UUID)') });
const mergeParams = z.object({ id: z.uuid('must be a merge id (UUID)') });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const side = z.enum(['survivor', 'merged'], { error: 'must be "survivor" or "merged"' });

const contactSummaryJson = z
  .object({
    id: z.uuid(),
    display_name: z.string().nullable(),
    phone: z.string().nullable(),
    channels: z.array(z.string()),
    created_at: z.iso.datetime(),
  })
  .meta({ id: 'ContactSummary' });

const duplicateJson = z
  .object({
    contacts: z.array(contactSummaryJson).describe('The two records, older first'),
    reasons: z
      .array(z.enum(['phone', 'shared_contact', 'email', 'name_birth_date']))
      .describe(
        'Why they look like one person: the same phone number, a contact card one shared with the other’s number, the same e-mail, or the same name and birth date',
      ),
  })
  .meta({ id: 'DuplicateSuggestion' });

const mergeSideJson = z.object({
  contact: contactSummaryJson.extend({
    language: z.string().nullable(),
    tags: z.array(z.string()),
    custom_fields: z.record(z.string(), z.string()),
  }),
  counts: z.object({
    identities: z.number().int(),
    conversations: z.number().int(),
    appointments: z.number().int(),
    consents: z.number().int(),
  }),
});

const mergePreviewJson = z
  .object({
    survivor: mergeSideJson,
    merged: mergeSideJson,
    conflicts: z
      .array(z.object({ field: z.string(), survivor: z.string(), merged: z.string() }))
      .describe('Fields both records fill differently: choose one side for each in the merge'),
  })
  .meta({ id: 'MergePreview' });

const actorJson = z.object({ user_id: z.uuid().nullable(), api_key_id: z.uuid().nullable() });

const mergeJson = z
  .object({
    id: z.uuid(),
    survivor: z.object({ id: z.uuid(), display_name: z.string().nullable() }),
    merged: z.object({ id: z.uuid(), display_name: z.string().nullable() }),
    merged_at: z.iso.datetime(),
    merged_by: actorJson,
    field_choices: z.record(z.string(), z.string()).describe('Which record each conflicting field came from'),
    moved: z.object({
      identities: z.number().int(),
      conversations: z.number().int(),
      appointments: z.number().int(),
      consents: z.number().int(),
      prescription_orders: z.number().int(),
    }),
    unmerged_at: z.iso.datetime().nullable(),
    unmerged_by: actorJson.nullable(),
  })
  .meta({ id: 'ContactMerge' });

const mergeBody = z
  .object({
    other_id: z.uuid('must be a contact id (UUID)').describe('The record merged into this one (then hidden)'),
    fields: z
      .strictObject({
        display_name: side.optional(),
        phone: side.optional(),
        language: side.optional(),
        custom_fields: z.record(z.string().max(40), side).optional(),
      })
      .default({})
      .describe('For each field both records fill differently, which record’s value to keep'),
  })
  .meta({ id: 'ContactMergeRequest' });

/**
 * One patient across channels: duplicate suggestions, merge and unmerge. Reading them needs
 * `contacts.read`; merging, unmerging and dismissing need `contacts.write` (the front desk, who meets
 * the duplicates first, may merge: every merge is reversible and audited with who and when).
 */
export function patientMergeRoutes(db: Db, clock: Clock, keyring: Keyring): FastifyPluginAsyncZod {
  const deps = { keyring };
  return async (app) => {
    app.get(
      '/contacts/duplicates',
      {
        config: { access: 'contacts.read' },
        schema: {
          tags: ['contacts'],
          summary: 'Possible duplicates: pairs of records that look like one patient',
          description:
            'Suggestions only, never merged by themselves: the same phone number on two records (whichever ' +
            'channel), a contact card shared on a chat (Telegram, LINE…) carrying a known number, the same e-mail, or the same name and birth date. Pairs marked “not the same person” ' +
            'are left out.',
          response: { 200: z.object({ data: z.array(duplicateJson) }), ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const pairs = await findDuplicatePairs(db, keyring, orgId);
        return { data: await duplicatesJson(request, pairs) };
      },
    );

    app.get(
      '/contacts/:id/duplicates',
      {
        config: { access: 'contacts.read' },
        schema: {
          tags: ['contacts'],
          summary: 'Possible duplicates of one patient',
          params: idParams,
          response: { 200: z.object({ data: z.array(duplicateJson) }), ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        await existing(orgId, request.params.id);
        const pairs = await findDuplicatePairs(db, keyring, orgId, { contactId: request.params.id });
        return { data: await duplicatesJson(request, pairs) };
      },
    );

    app.post(
      '/contacts/:id/duplicates/dismiss',
      {
        config: { access: 'contacts.write' },
        schema: {
          tags: ['contacts'],
          summary: 'Not the same person: stop suggesting this pair',
          params: idParams,
          body: z.object({ other_id: z.uuid('must be a contact id (UUID)') }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const { orgId, userId } = callerOf(request);
        const { id } = request.params;
        const otherId = request.body.other_id;
        if (otherId === id) throw HttpProblem.badField('body.other_id', 'must be another record');
        await existing(orgId, id);
        await existing(orgId, otherId, 'body.other_id');
        await dismissDuplicatePair(db, orgId, [id, otherId], userId, clock.now());
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/contacts/:id/merge-preview',
      {
        config: { access: 'contacts.read' },
        schema: {
          tags: ['contacts'],
          summary: 'Two records side by side before merging the other into this one',
          params: idParams,
          querystring: z.object({ other_id: z.uuid('must be a contact id (UUID)') }),
          response: { 200: mergePreviewJson, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const { id } = request.params;
        const otherId = request.query.other_id;
        if (otherId === id) throw HttpProblem.badField('query.other_id', 'must be another record');
        const preview = await mergePreview(db, keyring, orgId, id, otherId);
        if (!preview) throw HttpProblem.notFound('Contact');
        await auditRead(request, patientEntity(id), patientEntity(otherId));
        return {
          survivor: sideJson(preview.survivor),
          merged: sideJson(preview.merged),
          conflicts: preview.conflicts,
        };
      },
    );

    app.post(
      '/contacts/:id/merge',
      {
        config: { access: 'contacts.write' },
        schema: {
          tags: ['contacts'],
          summary: 'Merge another record of the same patient into this one',
          description:
            'This record survives and takes the other’s identities, conversations, appointments, consents, ' +
            'prescription orders, tags and custom fields; for each field both fill differently (see merge-preview) `fields` ' +
            'says which value to keep (400 naming the field otherwise). The other record is hidden, kept ' +
            'for an unmerge. 409 when either is already merged into another record. Audited.',
          params: idParams,
          body: mergeBody,
          response: { 201: mergeJson, ...errors, 409: problemSchema, 428: problemSchema },
        },
      },
      async (request, reply) => {
        const { orgId, actor } = changeCallerOf(request);
        const { fields } = request.body;
        const choices: FieldChoices = {
          ...(fields.display_name ? { displayName: fields.display_name } : {}),
          ...(fields.phone ? { phone: fields.phone } : {}),
          ...(fields.language ? { language: fields.language } : {}),
          ...(fields.custom_fields ? { customFields: fields.custom_fields } : {}),
        };
        const record = await mapped(
          mergeContacts(db, deps, {
            orgId,
            survivorId: request.params.id,
            mergedId: request.body.other_id,
            choices,
            actor,
            now: clock.now(),
          }),
        );
        return reply.status(201).send(await mergesJson(orgId, [record]).then((j) => j[0] as MergeJson));
      },
    );

    app.post(
      '/contact-merges/:id/unmerge',
      {
        config: { access: 'contacts.write' },
        schema: {
          tags: ['contacts'],
          summary: 'Undo a merge: both records as they were',
          description:
            'Both records get back their own fields, identities, conversations, appointments, consents and ' +
            'prescription orders; ' +
            'what came through the merged record’s identities since the merge goes back with them. 409 when ' +
            'already undone, or when a later merge into the survivor must be undone first. Audited.',
          params: mergeParams,
          response: { 200: mergeJson, ...errors, 409: problemSchema, 428: problemSchema },
        },
      },
      async (request) => {
        const { orgId, actor } = changeCallerOf(request);
        const record = await mapped(
          unmergeContacts(db, deps, { orgId, mergeId: request.params.id, actor, now: clock.now() }),
        );
        return (await mergesJson(orgId, [record]))[0] as MergeJson;
      },
    );

    app.get(
      '/contacts/:id/merges',
      {
        config: { access: 'contacts.read' },
        schema: {
          tags: ['contacts'],
          summary: 'A record’s merge history, newest first',
          description:
            '`merged_into` names the record this one is merged into now (it is then hidden from lists).',
          params: idParams,
          response: {
            200: z.object({
              merged_into: z.object({ merge_id: z.uuid(), contact_id: z.uuid() }).nullable(),
              data: z.array(mergeJson),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const { id } = request.params;
        const [contact] = await findContactsByIds(db, keyring, orgId, [id]);
        if (!contact) throw HttpProblem.notFound('Contact');
        const merges = await mergesOfContact(db, orgId, id);
        const live = merges.find((m) => m.mergedId === id && m.unmergedAt === null);
        const data = await mergesJson(orgId, merges);
        const named = new Set([id, ...merges.flatMap((m) => [m.survivorId, m.mergedId])]);
        await auditRead(request, ...[...named].map(patientEntity));
        return {
          merged_into: live ? { merge_id: live.id, contact_id: live.survivorId } : null,
          data,
        };
      },
    );
  };

  async function existing(orgId: string, id: string, field?: string): Promise<Contact> {
    const [contact] = await findContactsByIds(db, keyring, orgId, [id]);
    if (!contact || contact.mergedIntoId !== null) {
      throw new HttpProblem(404, 'Contact not found', field ? [{ field, message: 'no such contact' }] : []);
    }
    return contact;
  }

  async function duplicatesJson(
    request: Parameters<typeof auditRead>[0],
    pairs: Awaited<ReturnType<typeof findDuplicatePairs>>,
  ): Promise<Array<z.infer<typeof duplicateJson>>> {
    const { orgId } = callerOf(request);
    const ids = [...new Set(pairs.flatMap((p) => p.contacts.map((c) => c.id)))];
    const identities = await identitiesOfContacts(db, keyring, orgId, ids);
    await auditRead(request, ...ids.map(patientEntity));
    return pairs.map((p) => ({
      reasons: p.reasons,
      contacts: p.contacts.map((c) =>
        summaryJson(c, [
          ...new Set(identities.filter((i) => i.contactId === c.id).map((i) => i.channelType)),
        ]),
      ),
    }));
  }

  async function mergesJson(orgId: string, merges: ContactMergeRow[]): Promise<MergeJson[]> {
    const names = new Map(
      (
        await findContactsByIds(
          db,
          keyring,
          orgId,
          merges.flatMap((m) => [m.survivorId, m.mergedId]),
        )
      ).map((c) => [c.id, c.displayName]),
    );
    const choices = await Promise.all(merges.map((m) => fieldChoicesOf(db, keyring, m)));
    return merges.map((m, index) => ({
      id: m.id,
      survivor: { id: m.survivorId, display_name: names.get(m.survivorId) ?? null },
      merged: { id: m.mergedId, display_name: names.get(m.mergedId) ?? null },
      merged_at: m.mergedAt.toISOString(),
      merged_by: { user_id: m.mergedByUserId, api_key_id: m.mergedByApiKeyId },
      field_choices: choices[index] ?? {},
      moved: {
        identities: m.moved.identities.length,
        conversations: m.moved.conversations.length,
        appointments: m.moved.appointments.length,
        consents: m.moved.consents.length,
        prescription_orders: m.moved.prescriptionOrders?.length ?? 0,
      },
      unmerged_at: m.unmergedAt?.toISOString() ?? null,
      unmerged_by: m.unmergedAt ? { user_id: m.unmergedByUserId, api_key_id: m.unmergedByApiKeyId } : null,
    }));
  }
}

type MergeJson = z.infer<typeof mergeJson>;

function summaryJson(contact: Contact, channels: string[]): z.infer<typeof contactSummaryJson> {
  return {
    id: contact.id,
    display_name: contact.displayName,
    phone: contact.phone,
    channels,
    created_at: contact.createdAt.toISOString(),
  };
}

function sideJson(s: MergeSide): z.infer<typeof mergeSideJson> {
  return {
    contact: {
      ...summaryJson(s.contact, s.channels),
      language: s.contact.language,
      tags: s.contact.tags,
      custom_fields: s.contact.customFields,
    },
    counts: s.counts,
  };
}

/** The service's refusals as HTTP answers: never a 500 for a request that cannot apply. */
async function mapped<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    const fieldErrors = error.field ? [{ field: error.field, message: error.message }] : [];
    switch (error.kind) {
      case 'not_found':
        throw new HttpProblem(404, error.message, fieldErrors);
      case 'same_record':
      case 'conflict_unchosen':
        throw new HttpProblem(400, `${error.field}: ${error.message}`, fieldErrors);
      case 'already_merged':
      case 'not_latest':
        throw new HttpProblem(409, error.message);
      case 'reason_required':
        throw new HttpProblem(428, error.message);
    }
    throw error;
  }
}
