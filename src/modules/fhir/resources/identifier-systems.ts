import type { ChannelType } from '../../channel-accounts/channel-types.ts';

/**
 * The URIs naming Careline's identifiers in FHIR (README, "FHIR R4 API"). A patient's channel identity
 * is `identifier` with its channel's system and the channel's own id for them (a WhatsApp number's
 * wa_id, a Messenger page-scoped id, a Telegram user id…); Careline's own id is `careline-id`.
 */
export const IDENTIFIER_BASE = 'https://careline.health/fhir/identifier';
export const CARELINE_ID_SYSTEM = `${IDENTIFIER_BASE}/careline-id`;

export const CHANNEL_IDENTIFIER_SYSTEMS: Readonly<Record<ChannelType, string>> = {
  whatsapp: `${IDENTIFIER_BASE}/whatsapp`,
  messenger: `${IDENTIFIER_BASE}/messenger`,
  instagram: `${IDENTIFIER_BASE}/instagram`,
  telegram: `${IDENTIFIER_BASE}/telegram`,
  line: `${IDENTIFIER_BASE}/line`,
  viber: `${IDENTIFIER_BASE}/viber`,
  sms: `${IDENTIFIER_BASE}/sms`,
};

export function channelOfSystem(system: string): ChannelType | undefined {
  const found = Object.entries(CHANNEL_IDENTIFIER_SYSTEMS).find(([, uri]) => uri === system);
  return found?.[0] as ChannelType | undefined;
}

/** The code system of the channel a message travelled on (Communication.medium). */
export const CHANNEL_CODE_SYSTEM = 'https://careline.health/fhir/CodeSystem/channel';
/** Why a message is sent: the consent purposes (CommunicationRequest.category). */
export const PURPOSE_CODE_SYSTEM = 'https://careline.health/fhir/CodeSystem/message-purpose';
/** An appointment type's key (Appointment.appointmentType). */
export const APPOINTMENT_TYPE_SYSTEM = 'https://careline.health/fhir/CodeSystem/appointment-type';
/** A practitioner's specialty key. */
export const SPECIALTY_SYSTEM = 'https://careline.health/fhir/CodeSystem/specialty';
/** A WhatsApp (or other channel's) approved template to send instead of free text. */
export const TEMPLATE_EXTENSION = 'https://careline.health/fhir/StructureDefinition/message-template';
