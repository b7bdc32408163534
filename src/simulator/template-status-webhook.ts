import type { Template } from './template.schema.ts';

/**
 * Meta's `message_template_status_update` webhook (conformance other/template-status-*.json): entry id
 * is the WABA, `time` a number of seconds, the template id a JSON number.
 */
export function templateStatusWebhook(template: Template, at: Date, reason: string | undefined) {
  return {
    entry: [
      {
        id: template.wabaId,
        time: Math.floor(at.getTime() / 1000),
        changes: [
          {
            value: {
              event: template.status,
              message_template_id: Number(template.id),
              message_template_name: template.name,
              message_template_language: template.language,
              reason: reason ?? (template.status === 'REJECTED' ? 'INVALID_FORMAT' : 'NONE'),
              message_template_category: template.category,
            },
            field: 'message_template_status_update',
          },
        ],
      },
    ],
    object: 'whatsapp_business_account',
  };
}
