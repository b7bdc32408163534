import type { Consent } from '@medplum/fhirtypes';
import type { ChannelType } from '../../channel-accounts/channel-types.ts';
import { CHANNEL_NAMES } from '../../channel-accounts/channel-types.ts';
import { CHANNEL_CODE_SYSTEM, PURPOSE_CODE_SYSTEM } from './identifier-systems.ts';

/** One line of the consent ledger: a patient's yes or no to a purpose on a channel. */
export interface ConsentLine {
  id: string;
  contactId: string;
  channel: ChannelType;
  purpose: string;
  granted: boolean;
  method: string;
  textShown: string;
  recordedAt: Date;
  /** Whether it is the patient's latest word on this channel and purpose (the one in force). */
  current: boolean;
}

export const CONSENT_POLICY = 'https://careline.health/fhir/consent-ledger';

/**
 * A ledger line as an R4 Consent: permit or deny of the purpose, the channel as the provision's action,
 * the words the patient was shown as the source's title. Only the latest line of a channel × purpose is
 * active; the earlier ones are kept, inactive.
 */
export function toFhirConsent(line: ConsentLine): Consent {
  return {
    resourceType: 'Consent',
    id: line.id,
    status: line.current ? 'active' : 'inactive',
    scope: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }],
    },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
    patient: { reference: `Patient/${line.contactId}` },
    dateTime: line.recordedAt.toISOString(),
    sourceAttachment: { contentType: 'text/plain', title: line.textShown.slice(0, 1000) },
    policy: [{ uri: CONSENT_POLICY }],
    provision: {
      type: line.granted ? 'permit' : 'deny',
      purpose: [{ system: PURPOSE_CODE_SYSTEM, code: line.purpose }],
      action: [
        {
          coding: [{ system: CHANNEL_CODE_SYSTEM, code: line.channel, display: CHANNEL_NAMES[line.channel] }],
          text: `Messages on ${CHANNEL_NAMES[line.channel]} (recorded by ${line.method})`,
        },
      ],
    },
  };
}
