import { z } from 'zod';
import { TEXT_BODY_LIMIT } from './graph-send-request.ts';

const phoneNumber = z
  .string()
  // People type numbers with spaces and punctuation; Meta's wa_id is the bare digits.
  .transform((value) => value.replace(/[\s().-]/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\+?[1-9]\d{5,14}$/, 'must be a phone number in international format, e.g. +33612345678'),
  );

/** What a simulated patient sends: a text, from a phone number, a BSUID, or both. */
export const patientMessageSchema = z
  .object({
    /** The business number written to; may be left out when only one is registered. */
    phoneNumberId: z.string().min(1).optional(),
    from: phoneNumber.optional(),
    name: z.string().min(1).max(256).optional(),
    text: z
      .string()
      .min(1)
      .refine(
        (text) => [...text].length <= TEXT_BODY_LIMIT,
        `must be at most ${TEXT_BODY_LIMIT} characters long`,
      ),
    bsuid: z
      .string()
      .regex(
        /^[A-Z]{2}\.[A-Za-z0-9.]+$/,
        'must look like a business-scoped user id, e.g. US.13491208655302741918',
      )
      .optional(),
    /** A username-only user: no wa_id, only `user_id` / `from_user_id`. */
    phoneless: z.boolean().optional(),
    /** Sign with the wrong secret, to test that the receiver rejects it. */
    badSignature: z.boolean().optional(),
    /** Deliver this webhook twice. */
    duplicate: z.boolean().optional(),
  })
  .refine((message) => message.phoneless === true || message.from !== undefined, {
    path: ['from'],
    message: 'is required unless phoneless is true',
  });

export type PatientMessage = z.input<typeof patientMessageSchema>;
export type ParsedPatientMessage = z.output<typeof patientMessageSchema>;
