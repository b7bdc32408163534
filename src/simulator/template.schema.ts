import { z } from 'zod';

const digits = z.string().regex(/^\d{1,32}$/, 'must be digits, like a Graph object id');
const buttonText = z.string().min(1).max(25);

/** Meta's template components, as the business defines them (upper-case types, as Graph returns). */
export const templateComponentSchema = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('HEADER'),
    format: z.enum(['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT']),
    text: z.string().min(1).max(60).optional(),
  }),
  z.looseObject({ type: z.literal('BODY'), text: z.string().min(1).max(1024) }),
  z.looseObject({ type: z.literal('FOOTER'), text: z.string().min(1).max(60) }),
  z.looseObject({
    type: z.literal('BUTTONS'),
    buttons: z
      .array(
        z.discriminatedUnion('type', [
          z.looseObject({ type: z.literal('QUICK_REPLY'), text: buttonText }),
          z.looseObject({ type: z.literal('URL'), text: buttonText, url: z.string().min(1) }),
          z.looseObject({
            type: z.literal('PHONE_NUMBER'),
            text: buttonText,
            phone_number: z.string().min(1),
          }),
          z.looseObject({ type: z.literal('COPY_CODE') }),
        ]),
      )
      .min(1)
      .max(10),
  }),
]);

export const TEMPLATE_STATUSES = ['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED'] as const;

/** What `upsertTemplate` and `POST /_sim/wabas/{wabaId}/templates` take. */
export const templateInputSchema = z
  .object({
    wabaId: digits,
    /** Left out: a template with the same name and language is updated, else a new id is drawn. */
    id: digits.optional(),
    name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'must be lower-case letters, digits and underscores'),
    language: z.string().min(2).max(15),
    category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
    status: z.enum(TEMPLATE_STATUSES),
    parameterFormat: z.enum(['POSITIONAL', 'NAMED']).default('POSITIONAL'),
    components: z.array(templateComponentSchema).min(1),
    /** Carried in the status webhook; Meta sends `NONE` for approvals. */
    reason: z.string().min(1).optional(),
  })
  .refine((template) => template.components.some((component) => component.type === 'BODY'), {
    message: 'must include a BODY component',
    path: ['components'],
  })
  .refine(
    (template) =>
      template.components.every(
        (component) =>
          component.type !== 'HEADER' || component.format !== 'TEXT' || component.text !== undefined,
      ),
    { message: 'a TEXT header needs its text', path: ['components'] },
  );

export type TemplateInput = z.input<typeof templateInputSchema>;
export type TemplateComponent = z.infer<typeof templateComponentSchema>;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export interface Template {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
  status: TemplateStatus;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  components: TemplateComponent[];
}

/** A template as `GET /{waba-id}/message_templates` lists it. */
export function graphTemplateView(template: Template) {
  return {
    id: template.id,
    name: template.name,
    language: template.language,
    status: template.status,
    category: template.category,
    parameter_format: template.parameterFormat,
    components: template.components,
  };
}
