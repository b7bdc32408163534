import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import {
  businessAccountIdOf,
  listChannelAccountsOfOrg,
} from '../channel-accounts/channel-account.service.ts';
import { listTemplates } from './template.service.ts';
import { enqueueTemplateSync } from './template-sync-queue.ts';

/**
 * A part of a template as Meta describes it (header, body, footer, buttons). Loose: Meta adds fields
 * (examples, formats) that Careline passes on untouched; the ones the inbox reads are typed.
 */
const templateComponentJson = z
  .looseObject({
    type: z.string().describe('HEADER, BODY, FOOTER, BUTTONS'),
    text: z.string().optional(),
    format: z.string().optional().describe('A header’s kind: TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION'),
    buttons: z.array(z.looseObject({ type: z.string(), text: z.string().optional() })).optional(),
  })
  .meta({ id: 'TemplateComponent' });

const templateJson = z
  .object({
    id: z.uuid(),
    channel: z.string(),
    business_account_id: z.string(),
    name: z.string(),
    language: z.string(),
    category: z.string().nullable(),
    status: z.string().describe('APPROVED, PENDING, REJECTED, PAUSED, DISABLED, DELETED'),
    status_reason: z.string().nullable(),
    parameter_format: z.string(),
    components: z.array(templateComponentJson),
    synced_at: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Template' });

/** The clinic's message templates, as the provider approved them. */
export function templateRoutes(db: Db, wake: () => void): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/templates',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags: ['templates'],
          summary: 'Message templates of the clinic’s WhatsApp Business Accounts',
          querystring: z.object({ status: z.string().max(32).optional().describe('e.g. APPROVED') }),
          response: { 200: z.object({ data: z.array(templateJson) }), 401: problemSchema },
        },
      },
      async (request) => {
        const templates = await listTemplates(db, callerOf(request).orgId);
        return {
          data: templates
            .filter((t) => !request.query.status || t.status === request.query.status)
            .map((t) => ({
              id: t.id,
              channel: t.channelType,
              business_account_id: t.businessAccountId,
              name: t.name,
              language: t.language,
              category: t.category,
              status: t.status,
              status_reason: t.statusReason,
              parameter_format: t.parameterFormat,
              components: describedComponents(t.components),
              synced_at: t.syncedAt?.toISOString() ?? null,
            })),
        };
      },
    );

    app.post(
      '/templates/sync',
      {
        config: { access: 'conversations.write' },
        schema: {
          tags: ['templates'],
          summary: 'Refresh the templates from WhatsApp (runs in the background)',
          response: { 202: z.object({ accounts: z.number().int() }), 401: problemSchema },
        },
      },
      async (request, reply) => {
        const { orgId } = callerOf(request);
        const accounts = (await listChannelAccountsOfOrg(db, orgId)).filter(
          (a) => businessAccountIdOf(a) !== null,
        );
        for (const account of accounts) await enqueueTemplateSync(db, account);
        wake();
        return reply.code(202).send({ accounts: accounts.length });
      },
    );
  };
}

/** Meta's components as stored; one without a `type` (never seen from Meta) is left out rather than fail the list. */
function describedComponents(components: unknown[]): z.infer<typeof templateComponentJson>[] {
  return components.flatMap((component) => {
    const parsed = templateComponentJson.safeParse(component);
    return parsed.success ? [parsed.data] : [];
  });
}
