import { z } from 'zod';
import type { ChannelTemplate, TemplateListing } from '../channel-template.ts';

const templatePage = z.object({
  data: z.array(
    z.looseObject({
      id: z.union([z.string(), z.number()]).transform(String).optional(),
      name: z.string(),
      language: z.string(),
      status: z.string(),
      category: z.string().optional(),
      parameter_format: z.string().optional(),
      rejected_reason: z.string().optional(),
      components: z.array(z.unknown()).default([]),
    }),
  ),
  paging: z
    .object({ cursors: z.object({ after: z.string().optional() }).optional(), next: z.string().optional() })
    .optional(),
});

/** Where a WABA's templates are listed, and with which token. */
export interface TemplateListAccess {
  graphUrl: string;
  apiVersion: string;
  accessToken: string;
  wabaId: string | undefined;
}

/** Every template of the account's WABA: GET /{version}/{waba-id}/message_templates, all pages. */
export async function fetchWhatsAppTemplates(access: TemplateListAccess): Promise<TemplateListing> {
  const { wabaId } = access;
  if (!wabaId)
    return {
      ok: false,
      retryable: false,
      title: 'The WhatsApp channel has no WABA id (add it with --waba-id)',
    };
  const base = `${access.graphUrl}/${access.apiVersion}`;
  const templates: ChannelTemplate[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const url = new URL(`${base}/${encodeURIComponent(wabaId)}/message_templates`);
    url.searchParams.set('limit', '100');
    if (after) url.searchParams.set('after', after);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${access.accessToken}` },
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      return { ok: false, retryable: true, title: `Could not reach WhatsApp: ${String(error)}` };
    }
    if (!response.ok) {
      return {
        ok: false,
        retryable: response.status >= 500,
        title: `WhatsApp answered HTTP ${response.status} to the template list`,
      };
    }
    const parsed = templatePage.safeParse(await response.json().catch(() => null));
    if (!parsed.success)
      return { ok: false, retryable: false, title: 'Unexpected template list from WhatsApp' };
    for (const t of parsed.data.data) {
      templates.push({
        externalId: t.id ?? null,
        name: t.name,
        language: t.language,
        status: t.status,
        category: t.category ?? null,
        statusReason: t.rejected_reason && t.rejected_reason !== 'NONE' ? t.rejected_reason : null,
        parameterFormat: t.parameter_format ?? 'POSITIONAL',
        components: t.components,
      });
    }
    after = parsed.data.paging?.next ? parsed.data.paging.cursors?.after : undefined;
    if (!after) return { ok: true, templates };
  }
  return { ok: true, templates };
}
