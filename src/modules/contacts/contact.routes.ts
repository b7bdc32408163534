import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { cursorPosition, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { auditRead, auditSearch, patientEntity } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { Keyring } from '../keys/keyring.ts';
import {
  contactJson,
  contactPanelJson,
  contactPatchBody,
  toContactJson,
  toContactPanelJson,
} from './contact.api.ts';
import {
  ContactNotFoundError,
  getContactPanel,
  listContacts,
  toE164,
  updateContactDetails,
} from './contact.service.ts';

const contactParams = z.object({ id: z.uuid('must be a contact id (UUID)') });
const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

export function contactRoutes(db: Db, clock: Clock, keyring: Keyring): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/contacts',
      {
        config: { access: 'contacts.read' },
        schema: {
          tags: ['contacts'],
          summary: 'List the clinic’s contacts (patients), newest first',
          querystring: z.object({
            ...pageQuery,
            phone: z
              .string()
              .max(64)
              .optional()
              .describe('Only the contact with this phone number (any common format)'),
          }),
          response: { 200: pageOf(contactJson), 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const { limit, cursor, phone } = request.query;
        const e164 = phone === undefined ? undefined : toE164(phone);
        if (phone !== undefined && !e164)
          throw HttpProblem.badField('query.phone', 'is not a valid phone number');
        const after = cursorPosition(cursor);
        const page = await listContacts(db, keyring, orgId, {
          limit,
          ...(e164 ? { phone: e164 } : {}),
          ...(after ? { after } : {}),
        });
        const listed = page.data.map((c) => patientEntity(c.id));
        await (phone === undefined ? auditRead(request, ...listed) : auditSearch(request, phone, listed));
        return { data: page.data.map(toContactJson), next_cursor: page.nextCursor };
      },
    );

    app.get(
      '/contacts/:id',
      {
        config: { access: 'contacts.read' },
        schema: {
          tags: ['contacts'],
          summary: 'One patient: identities, language, tags, custom fields and conversations',
          params: contactParams,
          response: { 200: contactPanelJson, ...errors },
        },
      },
      async (request) => {
        const panel = await found(getContactPanel(db, keyring, callerOf(request).orgId, request.params.id));
        await auditRead(request, patientEntity(request.params.id));
        return toContactPanelJson(panel);
      },
    );

    app.patch(
      '/contacts/:id',
      {
        config: { access: 'contacts.write' },
        schema: {
          tags: ['contacts'],
          summary: 'Change a patient’s name, language, tags or custom fields',
          description:
            'Fields left out stay as they are. Tags: at most 20, each at most 40 characters; custom fields: ' +
            'keys at most 40 characters, values at most 500 (the object replaces the previous one); ' +
            'language: a BCP 47 tag such as fr or en-GB, or null for the clinic’s default.',
          params: contactParams,
          body: contactPatchBody,
          response: { 200: contactPanelJson, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const body = request.body;
        const panel = await found(
          updateContactDetails(
            db,
            keyring,
            orgId,
            request.params.id,
            {
              ...(body.display_name !== undefined ? { displayName: body.display_name } : {}),
              ...(body.language !== undefined ? { language: body.language } : {}),
              ...(body.tags !== undefined ? { tags: body.tags } : {}),
              ...(body.custom_fields !== undefined ? { customFields: body.custom_fields } : {}),
            },
            clock.now(),
          ),
        );
        return toContactPanelJson(panel);
      },
    );
  };
}

async function found<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ContactNotFoundError) throw HttpProblem.notFound('Contact');
    throw error;
  }
}
