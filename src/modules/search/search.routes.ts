import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/db.ts';
import { problemSchema } from '../../platform/http/problem.ts';
import { type AuditedEntity, auditSearch, patientEntity } from '../audit/audit-trail.ts';
import { readerScopeOf } from '../auth/access-guard.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { Keyring } from '../keys/keyring.ts';
import { searchQuery, searchResultsJson, toSearchResultsJson } from './search.api.ts';
import { search } from './search.service.ts';

export function searchRoutes(db: Db, keyring: Keyring): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/search',
      {
        config: { access: 'conversations.read' },
        schema: {
          tags: ['search'],
          summary: 'Search the clinic’s messages and contacts',
          description:
            'Messages: every word, French and English stems ("fièvres" finds "fièvre"), accents and case ignored, ' +
            'notes included, deleted messages left out; `-word` excludes, a "quoted phrase" needs all its words. ' +
            'Contacts: every query word as the start of a word of the name ("chl mart" finds Chloé Martin), ' +
            'or the phone number typed, exactly, in any format ("06 12 34 56 78", "+33 6 12 34 56 78"). ' +
            'Text, names and numbers are encrypted at rest: they are matched through keyed hashes. Newest first.',
          querystring: searchQuery,
          response: { 200: searchResultsJson, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => {
        const { q, limit } = request.query;
        const caller = callerOf(request);
        const results = toSearchResultsJson(
          await search(db, keyring, caller.orgId, q, limit, readerScopeOf(caller)),
        );
        await auditSearch(request, q, patientsFound(results));
        return results;
      },
    );
  };
}

/** The patients a search showed: those whose messages matched, and those found by name or number. */
function patientsFound(results: ReturnType<typeof toSearchResultsJson>): AuditedEntity[] {
  const ids = new Set([...results.messages.map((m) => m.contact.id), ...results.contacts.map((c) => c.id)]);
  return [...ids].map(patientEntity);
}
