import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/db.ts';
import type { Clock } from '../../platform/time/clock.ts';
import { auditRead, patientEntity } from '../audit/audit-trail.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { contactPatchBody } from '../contacts/contact.api.ts';
import { contactErrors, contactFound, contactParams } from '../contacts/contact-http.ts';
import type { Keyring } from '../keys/keyring.ts';
import { contactPanelJson, toContactPanelJson } from './contact-panel.api.ts';
import { changeContactOfPanel, getContactPanel } from './contact-panel.service.ts';

/** The routes about one patient answer with the contact panel, which lists the patient's conversations. */
export function contactPanelRoutes(db: Db, clock: Clock, keyring: Keyring): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/contacts/:id',
      {
        config: { access: 'contacts.read' },
        schema: {
          tags: ['contacts'],
          summary: 'One patient: identities, language, tags, custom fields and conversations',
          params: contactParams,
          response: { 200: contactPanelJson, ...contactErrors },
        },
      },
      async (request) => {
        const panel = await contactFound(
          getContactPanel(db, keyring, callerOf(request).orgId, request.params.id),
        );
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
          response: { 200: contactPanelJson, ...contactErrors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        const body = request.body;
        const panel = await contactFound(
          changeContactOfPanel(
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
