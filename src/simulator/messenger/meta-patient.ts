import { z } from 'zod';
import { personSchema } from '../telegram/telegram-patient.ts';

const base64 = z
  .string()
  .min(1)
  .max(20_000_000)
  .regex(/^[A-Za-z0-9+/=\s]+$/, 'must be base64');

/** What the simulated patient does in Messenger or Instagram. */
export const metaPatientActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(2000) }),
  z.object({ type: z.literal('image'), bytes: base64, mimeType: z.string().max(100).optional() }),
  z.object({
    type: z.literal('location'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  }),
  /** A tap on a postback button or a quick reply under a page message. */
  z.object({
    type: z.literal('tap'),
    messageId: z.string().min(1).max(512),
    buttonId: z.string().min(1).max(1000),
  }),
  /** The person opened the conversation: everything the page sent so far is read. */
  z.object({ type: z.literal('read') }),
]);

export const metaPatientInputSchema = z.object({ person: personSchema, action: metaPatientActionSchema });
export type MetaPatientInput = z.infer<typeof metaPatientInputSchema>;

export interface MetaActResult {
  mid: string | null;
  httpStatus: number | null;
}
