import { z } from 'zod';

const mediaReference = z.looseObject({ id: z.string().min(1).optional(), link: z.string().optional() });

/** One parameter of a template component, as the business sends it. */
export const templateParameterSchema = z.looseObject({
  type: z.enum(['text', 'currency', 'date_time', 'image', 'video', 'document', 'payload', 'coupon_code']),
  text: z.string().optional(),
  parameter_name: z.string().min(1).optional(),
  payload: z.string().optional(),
  image: mediaReference.optional(),
  video: mediaReference.optional(),
  document: mediaReference.optional(),
});

export const templateSendSchema = z.object({
  name: z.string().min(1),
  language: z.object({ code: z.string().min(1), policy: z.literal('deterministic').optional() }),
  components: z
    .array(
      z
        .object({
          type: z.enum(['header', 'body', 'button']),
          sub_type: z.enum(['quick_reply', 'url', 'copy_code', 'flow']).optional(),
          index: z.union([z.string().regex(/^\d$/), z.number().int().min(0).max(9)]).optional(),
          parameters: z.array(templateParameterSchema).default([]),
        })
        .refine((component) => component.type !== 'button' || component.sub_type !== undefined, {
          message: 'is required for a button component',
          path: ['sub_type'],
        })
        .refine((component) => component.type !== 'button' || component.index !== undefined, {
          message: 'is required for a button component',
          path: ['index'],
        }),
    )
    .optional(),
});

export type TemplateSend = z.infer<typeof templateSendSchema>;
export type TemplateParameter = z.infer<typeof templateParameterSchema>;
