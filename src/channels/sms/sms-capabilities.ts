import type { ChannelCapabilities, WindowPolicy } from '../channel-adapter.ts';
import type { OutboundMessageType } from '../outbound-message.ts';

/**
 * What an SMS holds through Twilio's Programmable Messaging API: a `Body` of at most 1,600 characters
 * (Twilio cuts it into segments, see sms-segments.ts, and refuses more with 21617). Buttons and lists
 * go as numbered choices in the text (build-sms-text.ts); a choice's title is kept short so the whole
 * menu still reads on a phone.
 */
export const SMS_LIMITS = {
  textLength: 1600,
  choices: 10,
  choiceTitleLength: 40,
  /** A choice's id never leaves Careline (only its number and title are sent). */
  choiceIdLength: 256,
  /** Twilio accepts at most 10 media per MMS, 5 MB in all. */
  inboundMedia: 10,
} as const;

/**
 * Text, and buttons or lists turned into numbered choices. Files are not sent: Twilio fetches an MMS's
 * media from a public `MediaUrl`, and Careline's files are not public. Patients' MMS are received.
 */
const OUTBOUND_TYPES: readonly OutboundMessageType[] = ['text', 'buttons', 'list'];

const choice = {
  max: SMS_LIMITS.choices,
  titleLength: SMS_LIMITS.choiceTitleLength,
  idLength: SMS_LIMITS.choiceIdLength,
};

export const SMS_CAPABILITIES: ChannelCapabilities = {
  textLength: SMS_LIMITS.textLength,
  captionLength: 0,
  buttons: choice,
  list: {
    sections: 1,
    rows: SMS_LIMITS.choices,
    rowTitleLength: SMS_LIMITS.choiceTitleLength,
    rowDescriptionLength: 0,
  },
  quickReplies: null,
  carousel: false,
  media: {},
  reactions: false,
  readReceipts: false,
  edits: false,
  templates: false,
  outboundTypes: OUTBOUND_TYPES,
};

/**
 * A clinic may text a patient at any time (consent and quiet hours are Careline's own rules; STOP is
 * the carrier's): no customer-service window.
 */
export const SMS_WINDOW: WindowPolicy = { kind: 'none' };
