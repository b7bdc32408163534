import type { Communication, CommunicationRequest } from '@medplum/fhirtypes';
import type { ChannelType } from '../../channel-accounts/channel-types.ts';
import { CHANNEL_NAMES } from '../../channel-accounts/channel-types.ts';
import type { Message } from '../../inbox/message.schema.ts';
import { CHANNEL_CODE_SYSTEM, PURPOSE_CODE_SYSTEM as PURPOSE_SYSTEM } from './identifier-systems.ts';

/** A message to or from a patient, opened, with what the mapper needs beside it. */
export interface MessageSource {
  message: Pick<
    Message,
    | 'id'
    | 'direction'
    | 'status'
    | 'text'
    | 'occurredAt'
    | 'createdAt'
    | 'statusAt'
    | 'errorTitle'
    | 'failureReason'
    | 'type'
  >;
  contactId: string;
  channel: ChannelType;
}

type CommunicationStatus = Communication['status'];

/** Careline's message statuses as FHIR event statuses (Communication.status). */
export function communicationStatusOf(status: Message['status']): CommunicationStatus {
  switch (status) {
    case 'received':
    case 'sent':
    case 'delivered':
    case 'read':
    case 'played':
      return 'completed';
    case 'queued':
    case 'sending':
    case 'accepted':
      return 'in-progress';
    case 'failed':
    case 'refused':
      return 'not-done';
  }
}

export function mediumOf(channel: ChannelType) {
  return [
    {
      coding: [{ system: CHANNEL_CODE_SYSTEM, code: channel, display: CHANNEL_NAMES[channel] }],
      text: CHANNEL_NAMES[channel],
    },
  ];
}

/** A message as an R4 Communication: the channel as medium, the patient as sender or recipient. */
export function toFhirCommunication(source: MessageSource): Communication {
  const { message: m, contactId, channel } = source;
  const patient = { reference: `Patient/${contactId}` };
  const clinic = { display: 'The clinic (Careline)' };
  const inbound = m.direction === 'inbound';
  const status = communicationStatusOf(m.status);
  const why = m.errorTitle ?? m.failureReason;
  return {
    resourceType: 'Communication',
    id: m.id,
    meta: { lastUpdated: m.statusAt.toISOString() },
    ...(inbound ? {} : { basedOn: [{ reference: `CommunicationRequest/${m.id}` }] }),
    status,
    ...(status === 'not-done' && why ? { statusReason: { text: why } } : {}),
    medium: mediumOf(channel),
    subject: patient,
    ...(inbound ? { sender: patient, recipient: [clinic] } : { sender: clinic, recipient: [patient] }),
    ...(inbound || m.status !== 'queued' ? { sent: m.occurredAt.toISOString() } : {}),
    ...(inbound ? { received: m.createdAt.toISOString() } : {}),
    ...(m.text ? { payload: [{ contentString: m.text }] } : {}),
  };
}

/** What an EHR asked Careline to send, as it stands: the message it became. */
export function toFhirCommunicationRequest(source: MessageSource, purpose?: string): CommunicationRequest {
  const { message: m, contactId, channel } = source;
  const status = communicationStatusOf(m.status);
  return {
    resourceType: 'CommunicationRequest',
    id: m.id,
    meta: { lastUpdated: m.statusAt.toISOString() },
    status: status === 'completed' ? 'completed' : status === 'not-done' ? 'revoked' : 'active',
    ...(purpose ? { category: [{ coding: [{ system: PURPOSE_SYSTEM, code: purpose }] }] } : {}),
    medium: mediumOf(channel),
    subject: { reference: `Patient/${contactId}` },
    recipient: [{ reference: `Patient/${contactId}` }],
    authoredOn: m.createdAt.toISOString(),
    ...(m.text ? { payload: [{ contentString: m.text }] } : {}),
  };
}
