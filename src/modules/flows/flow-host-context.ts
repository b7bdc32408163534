import type { ChannelCapabilities as ChannelShows } from '../../channels/channel-adapter.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import { channelName } from '../channel-accounts/channel-name.ts';
import type { Contact } from '../contacts/contact.schema.ts';
import type { Org, OrgEmergencyNumbers } from '../orgs/org.schema.ts';
import type { FlowEmergencyNumbers } from './engine/flow-context.ts';
import type { ChannelCapabilities, FlowContext, FlowLanguage, ScreenAnswer } from './engine/index.ts';
import { screenForRedFlags } from './red-flags/screen-for-red-flags.ts';

/**
 * How menus are drawn on a channel, from what its adapter says it shows: reply buttons, then a list (a
 * WhatsApp list, Messenger quick replies), else a numbered text menu. A channel that cannot send gets
 * numbered text only.
 */
export function menuCapabilities(shown: ChannelShows | undefined): ChannelCapabilities {
  if (!shown) return { buttons: 0, listRows: 0, buttonTitleMax: 20, rowTitleMax: 20 };
  const buttonTitleMax = shown.buttons?.titleLength ?? 20;
  const listRows = shown.outboundTypes.includes('list')
    ? (shown.list?.rows ?? shown.quickReplies?.max ?? 0)
    : 0;
  return {
    buttons: shown.buttons?.max ?? 0,
    listRows,
    buttonTitleMax,
    rowTitleMax: shown.list?.rowTitleLength ?? shown.quickReplies?.titleLength ?? buttonTitleMax,
    rowDescriptions: (shown.list?.rowDescriptionLength ?? 0) > 0,
  };
}

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
  /** What the conversation's channel can show (its sender's capabilities). */
  shows: ChannelShows | undefined;
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
    channel: {
      kind: input.channel,
      name: channelName(input.channel),
      capabilities: menuCapabilities(input.shows),
    },
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
