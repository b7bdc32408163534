import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.ts';
import { HttpProblem, problemSchema } from '../../platform/http/problem.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import { CHANNEL_TYPES } from '../channel-accounts/channel-types.ts';
import { contactExists } from '../contacts/contact.service.ts';
import type { Keyring } from '../keys/keyring.ts';
import { CONSENT_METHODS, CONSENT_PURPOSES, type ConsentRecord } from './consent.schema.ts';
import { consentHistory, consentStates, recordConsent } from './consent.service.ts';

const consentRecordJson = z
  .object({
    id: z.uuid(),
    channel: z.enum(CHANNEL_TYPES),
    purpose: z.enum(CONSENT_PURPOSES),
    granted: z.boolean(),
    method: z.enum(CONSENT_METHODS),
    text_shown: z.string().describe('The question or keyword exactly as the patient saw or typed it'),
    message_id: z.uuid().nullable().describe('The patient’s message that gave or withdrew it'),
    recorded_by_user_id: z.uuid().nullable(),
    recorded_at: z.iso.datetime(),
  })
  .meta({ id: 'ConsentRecord' });

const consentsJson = z
  .object({
    current: z.array(
      z.object({
        channel: z.enum(CHANNEL_TYPES),
        purpose: z.enum(CONSENT_PURPOSES),
        state: z.enum(['granted', 'withdrawn', 'unknown']),
        record: consentRecordJson.nullable(),
      }),
    ),
    history: z.array(consentRecordJson).describe('Every agreement and withdrawal, newest first'),
  })
  .meta({ id: 'ContactConsents' });

const staffConsentBody = z
  .strictObject({
    channel: z.enum(CHANNEL_TYPES).default('whatsapp'),
    purpose: z.enum(CONSENT_PURPOSES),
    granted: z.boolean({ error: 'granted must be true or false' }),
    text_shown: z
      .string({ error: 'text_shown is required: the words the patient agreed to' })
      .trim()
      .min(1, 'must not be empty: the words the patient agreed to')
      .max(2000, 'must be at most 2000 characters'),
  })
  .meta({ id: 'StaffConsent' });

const params = z.object({ id: z.uuid('must be a contact id (UUID)') });
const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

/** A patient's consents: the current state of each channel × purpose, and the ledger behind it. */
export function consentRoutes(db: Db, keyring: Keyring): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/contacts/:id/consents',
      {
        config: { access: 'contacts.read' },
        schema: {
          tags: ['consents'],
          summary: 'A patient’s consents per channel and purpose, with their history',
          params,
          response: { 200: consentsJson, ...errors },
        },
      },
      async (request) => {
        const { orgId } = callerOf(request);
        await requireContact(db, orgId, request.params.id);
        const [current, history] = await Promise.all([
          consentStates(db, orgId, request.params.id),
          consentHistory(db, orgId, request.params.id),
        ]);
        // The words shown are sealed with the patient's key; an erased patient's read as removed ("").
        const opener = await keyring.opener(db, orgId, [
          ...current.map((s) => s.record?.textShown),
          ...history.map((r) => r.textShown),
        ]);
        const opened = (record: ConsentRecord) =>
          toConsentJson({
            ...record,
            textShown: opener.open(record.textShown, 'consent_records.text_shown') ?? '',
          });
        return {
          current: current.map((s) => ({ ...s, record: s.record ? opened(s.record) : null })),
          history: history.map(opened),
        };
      },
    );

    app.post(
      '/contacts/:id/consents',
      {
        config: { access: 'contacts.write' },
        schema: {
          tags: ['consents'],
          summary: 'Record a consent the patient gave or withdrew by phone or at the desk',
          description:
            'Recorded with method `staff` and the member of staff who recorded it. `text_shown` is what the ' +
            'patient was told and agreed to (or refused), word for word.',
          params,
          body: staffConsentBody,
          response: { 201: consentRecordJson, ...errors },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        await requireContact(db, caller.orgId, request.params.id);
        const body = request.body;
        const record = await recordConsent(db, keyring, {
          orgId: caller.orgId,
          contactId: request.params.id,
          channel: body.channel,
          purpose: body.purpose,
          granted: body.granted,
          method: 'staff',
          textShown: body.text_shown,
          recordedByUserId: caller.userId,
        });
        return reply.code(201).send(toConsentJson(record));
      },
    );
  };
}

async function requireContact(db: Db, orgId: string, id: string): Promise<void> {
  if (!(await contactExists(db, orgId, id))) throw HttpProblem.notFound('Contact');
}

function toConsentJson(record: ConsentRecord): z.infer<typeof consentRecordJson> {
  return {
    id: record.id,
    channel: record.channel,
    purpose: record.purpose,
    granted: record.granted,
    method: record.method,
    text_shown: record.textShown,
    message_id: record.messageId,
    recorded_by_user_id: record.recordedByUserId,
    recorded_at: record.recordedAt.toISOString(),
  };
}
