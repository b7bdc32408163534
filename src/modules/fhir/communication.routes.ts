import type { Communication } from '@medplum/fhirtypes';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { OutboundMessage } from '../../channels/channel.ts';
import { auditRead } from '../audit/audit-trail.ts';
import { readerScopeOf } from '../auth/access-guard.ts';
import { callerOf } from '../auth/api-key.auth.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import { listChannelAccountsOfOrg } from '../channel-accounts/channel-account.service.ts';
import { CHANNEL_NAMES } from '../channel-accounts/channel-types.ts';
import type { ConsentPurpose } from '../consent/consent.schema.ts';
import { CONSENT_PURPOSES, currentConsent } from '../consent/consent.service.ts';
import { contactExists } from '../contacts/contact.service.ts';
import {
  conversationsOfContact,
  findConversation,
  isConversationVisibleTo,
} from '../inbox/conversation.service.ts';
import { listMessages, openOrContinueConversation } from '../inbox/inbox.service.ts';
import type { Message } from '../inbox/message.schema.ts';
import { findMessage } from '../inbox/message.service.ts';
import { openOneMessage } from '../inbox/message-sealing.ts';
import { patientChannelsOf } from '../inbox/patient-channels.service.ts';
import { OutboundValidationError, submitOutboundMessage } from '../outbox/outbound-submission.service.ts';
import { sendAuditedSearchset } from './audited-search.ts';
import { readBody } from './fhir-body.ts';
import { FHIR_PREFIX, type FhirDeps } from './fhir-deps.ts';
import { baseUrlOf, sendResource } from './fhir-http.ts';
import { FhirError } from './fhir-outcome.ts';
import {
  dateRange,
  inRange,
  parseSearch,
  referenceId,
  SEARCH_MATCHES_MAX,
  single,
  UUID,
} from './fhir-search.ts';
import {
  communicationStatusOf,
  type MessageSource,
  toFhirCommunication,
  toFhirCommunicationRequest,
} from './resources/communication.fhir.ts';
import {
  CHANNEL_CODE_SYSTEM,
  PURPOSE_CODE_SYSTEM,
  TEMPLATE_EXTENSION,
} from './resources/identifier-systems.ts';

export const COMMUNICATION_SEARCH_PARAMS = ['patient', 'subject', 'date', 'status'] as const;
const COMMUNICATION_STATUSES = ['completed', 'in-progress', 'not-done'] as const;

const coding = z
  .object({ system: z.string().max(500).optional(), code: z.string().max(200).optional() })
  .loose();
const concept = z.object({ coding: z.array(coding).max(10).optional() }).loose();
const templateExtension = z
  .object({
    url: z.literal(TEMPLATE_EXTENSION),
    extension: z
      .array(
        z.object({
          url: z.enum(['name', 'language', 'parameter']),
          valueString: z.string().min(1).max(1024),
        }),
      )
      .max(30),
  })
  .loose();
const newRequest = z
  .object({
    resourceType: z.literal('CommunicationRequest', { error: 'must be CommunicationRequest' }),
    status: z.literal('active', { error: 'must be active' }),
    subject: z
      .object({ reference: z.string().max(200) }, { error: 'must reference the Patient (Patient/<id>)' })
      .loose(),
    category: z.array(concept).max(5).optional(),
    medium: z.array(concept).max(5).optional(),
    payload: z
      .array(
        z
          .object({
            contentString: z
              .string({ error: 'must be text (contentString)' })
              .trim()
              .min(1, 'is empty')
              .max(4096, 'is at most 4096 characters'),
          })
          .loose(),
      )
      .max(1, 'holds one message')
      .optional(),
    extension: z
      .array(z.looseObject({ url: z.string().max(500) }))
      .max(10)
      .optional(),
  })
  .loose();

export function communicationRoutes(deps: FhirDeps) {
  const { db, keyring } = deps;

  async function channelTypes(orgId: string): Promise<Map<string, ChannelType>> {
    return new Map((await listChannelAccountsOfOrg(db, orgId)).map((a) => [a.id, a.type]));
  }

  /** One message to or from a patient the caller may see; medical ones only with medical.read. */
  async function readMessage(
    request: FastifyRequest,
    resourceType: string,
    id: string,
  ): Promise<MessageSource> {
    const caller = callerOf(request);
    const scope = readerScopeOf(caller);
    const row = UUID.test(id) ? await findMessage(db, caller.orgId, id.toLowerCase()) : undefined;
    const visible =
      row &&
      row.direction !== 'note' &&
      row.type !== 'reaction' &&
      (scope.seesMedical || !row.medical) &&
      (resourceType === 'Communication' || row.direction === 'outbound');
    const conversation = visible ? await findConversation(db, caller.orgId, row.conversationId) : undefined;
    if (!row || !conversation) throw FhirError.notFound(resourceType, id.slice(0, 64));
    if (
      scope.onlyTeamsOf &&
      !(await isConversationVisibleTo(db, caller.orgId, conversation.id, scope.onlyTeamsOf))
    )
      throw FhirError.notFound(resourceType, id);
    const channel = (await channelTypes(caller.orgId)).get(row.channelAccountId);
    if (!channel) throw FhirError.notFound(resourceType, id);
    const message = await openOneMessage(db, keyring, row);
    await auditRead(request, { type: resourceType, id: message.id, patient: conversation.contactId });
    return { message, contactId: conversation.contactId, channel };
  }

  return async (app: FastifyInstance) => {
    app.get<{ Params: { id: string } }>(
      '/Communication/:id',
      { config: { access: 'conversations.read' } },
      async (request, reply) =>
        sendResource(
          reply,
          toFhirCommunication(await readMessage(request, 'Communication', request.params.id)),
        ),
    );

    app.get<{ Params: { id: string } }>(
      '/CommunicationRequest/:id',
      { config: { access: 'conversations.read' } },
      async (request, reply) =>
        sendResource(
          reply,
          toFhirCommunicationRequest(await readMessage(request, 'CommunicationRequest', request.params.id)),
        ),
    );

    app.get('/Communication', { config: { access: 'conversations.read' } }, async (request, reply) => {
      const caller = callerOf(request);
      const scope = readerScopeOf(caller);
      const search = parseSearch('Communication', request.query, COMMUNICATION_SEARCH_PARAMS);
      const { params } = search;
      const patientParam = single(params, 'patient') ?? single(params, 'subject');
      if (patientParam === undefined)
        throw FhirError.invalid(
          'Communication?patient',
          'is required: messages are searched one patient at a time',
        );
      const contactId = referenceId('Communication', 'patient', 'Patient', patientParam);
      const status = single(params, 'status');
      if (status !== undefined && !(COMMUNICATION_STATUSES as readonly string[]).includes(status))
        throw FhirError.invalid(
          'Communication?status',
          `must be one of ${COMMUNICATION_STATUSES.join(', ')}`,
        );
      const range = dateRange('Communication', params.get('date') ?? []);
      const [latest] = await conversationsOfContact(db, caller.orgId, contactId, 1);
      const rows: Message[] = latest
        ? (
            await listMessages(
              db,
              keyring,
              caller.orgId,
              latest.id,
              {
                limit: SEARCH_MATCHES_MAX,
                seesMedical: scope.seesMedical,
                acrossChannels: { onlyTeamsOf: scope.onlyTeamsOf },
              },
              async () => [],
            )
          ).data
        : [];
      const types = await channelTypes(caller.orgId);
      const matches: Communication[] = rows.flatMap((message) => {
        const channel = types.get(message.channelAccountId);
        if (!channel || message.direction === 'note') return [];
        if (!inRange(message.occurredAt, range)) return [];
        if (status !== undefined && communicationStatusOf(message.status) !== status) return [];
        return [toFhirCommunication({ message, contactId, channel })];
      });
      return sendAuditedSearchset(request, reply, 'Communication', matches, search, () => contactId);
    });

    app.post(
      '/CommunicationRequest',
      { config: { access: 'conversations.write' } },
      async (request, reply) => {
        const caller = callerOf(request);
        const now = deps.clock.now();
        const body = readBody('CommunicationRequest', newRequest, request.body);
        const contactId = referenceId('CommunicationRequest', 'subject', 'Patient', body.subject.reference);
        if (!(await contactExists(db, caller.orgId, contactId)))
          throw FhirError.invalid(
            'CommunicationRequest.subject',
            `Patient/${contactId} is not a patient of this clinic`,
          );
        const purpose = purposeOf(body.category);
        const message = messageOf(body);
        const wanted = channelOf(body.medium);
        const channels = (
          await patientChannelsOf(db, keyring, caller.orgId, contactId, {
            windowPolicyOf: deps.windowPolicyOf,
            now,
          })
        ).filter((c) => wanted === undefined || c.account.type === wanted);
        if (channels.length === 0) {
          throw FhirError.businessRule(
            'CommunicationRequest.medium',
            `No channel of the clinic can reach this patient${wanted ? ` on ${CHANNEL_NAMES[wanted]}` : ''}`,
          );
        }
        // Consent for the purpose, per channel: the first channel the patient agreed on is used.
        let chosen: (typeof channels)[number] | undefined;
        for (const channel of channels) {
          const consent = await currentConsent(db, caller.orgId, contactId, channel.account.type, purpose);
          if (consent?.granted) {
            chosen = channel;
            break;
          }
        }
        if (!chosen) {
          throw FhirError.businessRule(
            'CommunicationRequest.category',
            `Consent: the patient has not agreed to ${purpose.replaceAll('_', ' ')} messages on ${channels.map((c) => CHANNEL_NAMES[c.account.type]).join(', ')}`,
          );
        }
        const target = chosen;
        const conversationId =
          target.conversationId ??
          (
            await db.transaction((tx) =>
              openOrContinueConversation(tx, caller.orgId, target.account.id, contactId, now, now),
            )
          ).id;
        let submission: Awaited<ReturnType<typeof submitOutboundMessage>>;
        try {
          submission = await submitOutboundMessage(
            { db, keyring, senders: deps.senders, clock: deps.clock },
            {
              orgId: caller.orgId,
              conversationId,
              message,
              sentByApiKeyId: caller.apiKeyId,
              authorUserId: caller.userId,
            },
          );
        } catch (error) {
          if (error instanceof OutboundValidationError) {
            const what = message.type === 'template' ? 'Template' : 'Message';
            throw FhirError.businessRule(
              message.type === 'template' ? 'CommunicationRequest.extension' : 'CommunicationRequest.payload',
              `${what} refused by ${CHANNEL_NAMES[target.account.type]}: ${error.violations.map((v) => `${v.field}: ${v.limit}`).join('; ')}`,
            );
          }
          throw error;
        }
        if (submission.outcome === 'refused') {
          throw FhirError.businessRule(
            'CommunicationRequest.payload',
            `Channel window: ${submission.detail} (send an approved template instead)`,
          );
        }
        deps.wake();
        const created = toFhirCommunicationRequest(
          { message: submission.message, contactId, channel: target.account.type },
          purpose,
        );
        return sendResource(
          reply
            .code(201)
            .header(
              'location',
              `${baseUrlOf(request, FHIR_PREFIX)}/CommunicationRequest/${submission.message.id}`,
            ),
          {
            ...created,
            payload: message.type === 'text' ? [{ contentString: message.text }] : (created.payload ?? []),
          },
        );
      },
    );
  };
}

function purposeOf(category: z.infer<typeof newRequest>['category']): ConsentPurpose {
  const codes = (category ?? [])
    .flatMap((c) => c.coding ?? [])
    .filter((c) => c.system === PURPOSE_CODE_SYSTEM);
  const [first] = codes;
  if (!first) return 'health_information';
  if (!(CONSENT_PURPOSES as readonly (string | undefined)[]).includes(first.code))
    throw FhirError.invalid(
      'CommunicationRequest.category',
      `must be one of ${CONSENT_PURPOSES.join(', ')} (${PURPOSE_CODE_SYSTEM})`,
    );
  return first.code as ConsentPurpose;
}

function channelOf(medium: z.infer<typeof newRequest>['medium']): ChannelType | undefined {
  const code = (medium ?? [])
    .flatMap((m) => m.coding ?? [])
    .find((c) => c.system === CHANNEL_CODE_SYSTEM)?.code;
  if (code === undefined) return undefined;
  if (!Object.hasOwn(CHANNEL_NAMES, code))
    throw FhirError.invalid(
      'CommunicationRequest.medium',
      `must be a channel of ${CHANNEL_CODE_SYSTEM}: ${Object.keys(CHANNEL_NAMES).join(', ')}`,
    );
  return code as ChannelType;
}

/** Free text (payload.contentString), or an approved template (the message-template extension). */
function messageOf(body: z.infer<typeof newRequest>): OutboundMessage {
  const template = (body.extension ?? []).find((e) => e.url === TEMPLATE_EXTENSION);
  if (template) {
    const parsed = templateExtension.safeParse(template);
    if (!parsed.success)
      throw FhirError.invalid(
        'CommunicationRequest.extension',
        'the message-template extension needs name, language and parameter values (valueString)',
      );
    const value = (url: string) =>
      parsed.data.extension.filter((e) => e.url === url).map((e) => e.valueString);
    const [name] = value('name');
    const [language] = value('language');
    if (!name || !language)
      throw FhirError.invalid(
        'CommunicationRequest.extension',
        'the message-template extension needs a name and a language',
      );
    const parameters = value('parameter');
    return {
      type: 'template',
      name,
      language,
      ...(parameters.length > 0 ? { components: { body: parameters } } : {}),
    };
  }
  const text = body.payload?.[0]?.contentString;
  if (!text)
    throw FhirError.invalid(
      'CommunicationRequest.payload',
      'must hold the message (contentString) or use the message-template extension',
    );
  return { type: 'text', text };
}
