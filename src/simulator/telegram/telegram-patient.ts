import { z } from 'zod';

/** Who writes: a key the phone page keeps for the person (their phone number) and the name they show. */
export const personSchema = z.object({
  key: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(80),
});
export type Person = z.infer<typeof personSchema>;

const base64 = z
  .string()
  .min(1)
  .max(20_000_000)
  .regex(/^[A-Za-z0-9+/=\s]+$/, 'must be base64');

/** What the simulated patient does in the Telegram app. */
export const telegramPatientActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(4096) }),
  z.object({
    type: z.literal('photo'),
    bytes: base64,
    mimeType: z.string().max(100).optional(),
    caption: z.string().max(1024).optional(),
  }),
  z.object({
    type: z.literal('voice'),
    bytes: base64,
    mimeType: z.string().max(100).optional(),
    duration: z.number().int().min(1).max(3600).optional(),
  }),
  z.object({
    type: z.literal('location'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  }),
  /** A tap on an inline-keyboard button of a bot message: Telegram sends its callback_data back. */
  z.object({
    type: z.literal('tap'),
    messageId: z.string().regex(/^\d{1,15}$/),
    buttonId: z.string().min(1).max(64),
  }),
  z.object({
    type: z.literal('edit'),
    messageId: z.string().regex(/^\d{1,15}$/),
    text: z.string().min(1).max(4096),
  }),
  z.object({ type: z.literal('block') }),
  z.object({ type: z.literal('unblock') }),
]);
export type TelegramPatientAction = z.infer<typeof telegramPatientActionSchema>;

export const telegramPatientInputSchema = z.object({
  person: personSchema,
  /** A new chat starts with `/start`, as the Telegram app sends it when the person taps START. */
  start: z.boolean().optional(),
  action: telegramPatientActionSchema,
});
export type TelegramPatientInput = z.infer<typeof telegramPatientInputSchema>;

export interface PatientActResult {
  updateId: number | null;
  messageId: string | null;
  /** Careline's answer to the delivery; null when none came or no webhook is set. */
  httpStatus: number | null;
}

/** "Marie Curie" → first name "Marie", last name "Curie", as a Telegram profile holds them. */
export function splitName(name: string): { first: string; last: string | undefined } {
  const [first = name, ...rest] = name.trim().split(/\s+/);
  return { first, last: rest.length > 0 ? rest.join(' ') : undefined };
}
