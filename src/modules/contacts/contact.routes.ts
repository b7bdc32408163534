import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { cursorPosition, pageOf, pageQuery } from '../../platform/http/pagination.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { auditRead, auditSearch, patientEntity } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { Keyring } from '../keys/keyring.ts';
import { contactJson, toContactJson } from './contact.api.ts';
import { listContacts, toE164 } from './contact.service.ts';

export function contactRoutes(db: Db, keyring: Keyring): FastifyPluginAsyncZod {
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
  };
}
