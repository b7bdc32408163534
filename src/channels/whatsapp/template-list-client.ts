import { z } from 'zod';
import type { ChannelAccount } from '../../modules/channel-accounts/channel-account.schema.ts';
import type { SecretsOf } from '../../modules/channel-accounts/channel-secrets.ts';
import type { TemplateDefinition } from '../../modules/templates/template.service.ts';

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

export class TemplateListError extends Error {
  override name = 'TemplateListError';
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean) {
    super(message);
    this.retryable = retryable;
  }
}

/** Every template of the account's WABA: GET /{version}/{waba-id}/message_templates, all pages. */
export async function fetchWhatsAppTemplates(
  account: ChannelAccount,
  defaults: { graphUrl: string; apiVersion: string; secretsOf: SecretsOf },
): Promise<TemplateDefinition[]> {
  const wabaId = account.settings.wabaId;
  if (!wabaId)
    throw new TemplateListError('The WhatsApp channel has no WABA id (add it with --waba-id)', false);
  const base = `${account.settings.graphUrl ?? defaults.graphUrl}/${account.settings.apiVersion ?? defaults.apiVersion}`;
  const { accessToken } = await defaults.secretsOf(account);
  const templates: TemplateDefinition[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const url = new URL(`${base}/${encodeURIComponent(wabaId)}/message_templates`);
    url.searchParams.set('limit', '100');
    if (after) url.searchParams.set('after', after);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${accessToken}` },
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      throw new TemplateListError(`Could not reach WhatsApp: ${String(error)}`, true);
    }
    if (!response.ok) {
      throw new TemplateListError(
        `WhatsApp answered HTTP ${response.status} to the template list`,
        response.status >= 500,
      );
    }
    const parsed = templatePage.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new TemplateListError('Unexpected template list from WhatsApp', false);
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
    if (!after) return templates;
  }
  return templates;
}
