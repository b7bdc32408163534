import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import type { Contact } from '../contacts/contact.schema.ts';
import type { Org, OrgEmergencyNumbers } from '../orgs/org.schema.ts';
import type { FlowEmergencyNumbers } from './engine/flow-context.ts';
import type { ChannelCapabilities, FlowContext, FlowLanguage, ScreenAnswer } from './engine/index.ts';
import { screenForRedFlags } from './red-flags/screen-for-red-flags.ts';

/** What each channel shows of interactive messages; a channel without them gets numbered text menus. */
const CAPABILITIES: Record<ChannelType, ChannelCapabilities> = {
  whatsapp: { buttons: 3, listRows: 10, buttonTitleMax: 20, rowTitleMax: 24 },
  // Channels whose adapters are still to come: their button templates, no list messages.
  messenger: { buttons: 3, listRows: 0, buttonTitleMax: 20, rowTitleMax: 20 },
  line: { buttons: 4, listRows: 0, buttonTitleMax: 20, rowTitleMax: 20 },
  viber: { buttons: 3, listRows: 0, buttonTitleMax: 20, rowTitleMax: 20 },
  telegram: { buttons: 3, listRows: 0, buttonTitleMax: 20, rowTitleMax: 20 },
};

/** Every answer a screened step receives is checked in both languages: patients mix them. */
export const screenAnswer: ScreenAnswer = (text, language) => {
  const screening = screenForRedFlags(text, { language });
  const first = screening.findings[0];
  return first ? { flagged: true, category: first.category, matched: first.matched } : { flagged: false };
};

/** The engine's view of the world for one conversation, now. */
export function flowContextFor(input: {
  org: Org;
  contact: Contact;
  channel: ChannelType;
  now: Date;
}): FlowContext {
  const { org, contact } = input;
  const [firstName, ...rest] = (contact.displayName ?? '').trim().split(/\s+/);
  return {
    now: input.now.toISOString(),
    org: {
      name: org.name,
      timeZone: org.timeZone,
      businessHours: org.businessHours,
      defaultLanguage: org.defaultLanguage,
      ...emergencyVariables(org.emergencyNumbers),
    },
    contact: {
      ...(firstName ? { firstName } : {}),
      ...(rest.length > 0 ? { lastName: rest.join(' ') } : {}),
      ...(contact.language ? { language: contact.language } : {}),
      fields: contact.customFields,
      tags: contact.tags,
    },
    channel: { kind: input.channel, capabilities: CAPABILITIES[input.channel] },
    screen: screenAnswer,
  };
}

/** The language a patient is written to in: theirs when known, else the clinic's. */
export function patientLanguage(contact: Contact, org: Org): FlowLanguage {
  if (contact.language) return contact.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  return org.defaultLanguage;
}

/**
 * The clinic's numbers for flow texts: "En cas d'urgence, appelez {{org.emergency_call.fr}}" reads
 * "appelez le 15 (ou le 112)" in Paris and "appelez le 999" in a clinic that set only that.
 */
export function emergencyVariables(numbers: OrgEmergencyNumbers): FlowEmergencyNumbers {
  const european =
    numbers.european !== undefined && numbers.european !== numbers.emergency ? numbers.european : undefined;
  return {
    emergency_number: numbers.emergency,
    ...(european === undefined ? {} : { european_emergency_number: european }),
    ...(numbers.suicide === undefined ? {} : { suicide_prevention_number: numbers.suicide }),
    emergency_call: {
      fr: european === undefined ? `le ${numbers.emergency}` : `le ${numbers.emergency} (ou le ${european})`,
      en: european === undefined ? numbers.emergency : `${numbers.emergency} (or ${european})`,
    },
  };
}
