import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countSmsSegments } from '../../channels/sms/sms-segments.ts';
import { problemSchema } from '../../platform/http/problem.ts';

export const smsSegmentsJson = z
  .object({
    encoding: z.enum(['GSM-7', 'UCS-2']).describe('GSM-7 when every character is of the GSM alphabet'),
    units: z.int().describe('Septets (GSM-7, the extension table counting two) or UTF-16 code units (UCS-2)'),
    segments: z.int().describe('How many SMS the text is carried and billed as'),
    per_segment: z.int().describe('What one SMS holds in this encoding: 160 or 153, 70 or 67'),
    remaining: z.int().describe('Room left in the last SMS'),
    non_gsm: z.array(z.string()).describe('The characters that made the text UCS-2, each once'),
  })
  .meta({ id: 'SmsSegments' });

/**
 * How many SMS a text would be (src/channels/sms/sms-segments.ts): the composer shows it while the agent
 * writes to a patient on SMS, before anything is sent. The count is the server's own, so what the agent
 * sees is what the outbox sends.
 */
export function smsSegmentsRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/sms/segments',
      {
        config: { access: 'clinic.read' },
        schema: {
          tags: ['channels'],
          summary: 'How many SMS segments a text takes, and in which encoding',
          body: z.strictObject({
            text: z.string({ error: 'text must be a string' }).max(1600, 'text is at most 1600 characters'),
          }),
          response: { 200: smsSegmentsJson, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => {
        const counted = countSmsSegments(request.body.text);
        return {
          encoding: counted.encoding,
          units: counted.units,
          segments: counted.segments,
          per_segment: counted.perSegment,
          remaining: counted.remaining,
          non_gsm: counted.nonGsm,
        };
      },
    );
  };
}
