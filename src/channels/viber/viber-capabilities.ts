import type { ChannelCapabilities, WindowPolicy } from '../channel-adapter.ts';
import { OUTBOUND_MAX_ITEMS, OUTBOUND_MAX_LENGTH } from '../outbound-fields.ts';
import type { OutboundMessageType } from '../outbound-message.ts';

/**
 * What a Viber message may hold (REST Bot API, channels.md §4). Lengths are counted in UTF-16 code
 * units, never less than Viber's characters: a text that passes here is not refused for its length.
 */
export const VIBER_LIMITS = {
  /** `send_message` `text`: at most 7,000 characters. */
  textLength: 7000,
  /** `sender.name`: at most 28 characters (required on every send). */
  senderNameLength: 28,
  /** A keyboard button's `Text` is at most 250 characters on Viber; Careline's titles are shorter. */
  buttonTextLength: Math.min(250, OUTBOUND_MAX_LENGTH.buttonTitle),
  /** What Careline puts in a reply button's `ActionBody` (the button's id, sent back as the patient's text). */
  actionBodyLength: 250,
  /** A keyboard shows 24 buttons before it scrolls; Careline's messages hold fewer (outbound-fields.ts). */
  buttons: Math.min(24, OUTBOUND_MAX_ITEMS.buttons),
  /** `tracking_data`: at most 4,096 characters; Viber hands it back with the patient's next message. */
  trackingDataLength: 4096,
} as const;

/**
 * Buttons and lists go out as a Viber keyboard under a text: each button a `reply` whose `ActionBody`
 * is the button's id, which the patient's tap sends back as their message. Files are not sent: Viber
 * fetches an outgoing picture, video or file from a public URL, and Careline's files are not public, so
 * the composer offers no attachment on Viber (`media` is empty). Patients' files are received.
 */
const OUTBOUND_TYPES: readonly OutboundMessageType[] = ['text', 'location', 'buttons', 'list'];

const keyboardButton = {
  max: VIBER_LIMITS.buttons,
  titleLength: VIBER_LIMITS.buttonTextLength,
  idLength: VIBER_LIMITS.actionBodyLength,
};

export const VIBER_CAPABILITIES: ChannelCapabilities = {
  textLength: VIBER_LIMITS.textLength,
  // No outgoing media, so no caption.
  captionLength: 0,
  buttons: keyboardButton,
  list: null,
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
 * A 24-hour session opens with the patient's message; outside it a bot may write only to a subscribed
 * patient and only as a billable bot-initiated message. Without the account's `botInitiated` switch,
 * nothing goes outside the session.
 */
export const VIBER_SESSION_WINDOW: WindowPolicy = { kind: 'session', hours: 24, after: 'nothing' };

/** An account whose operator enabled bot-initiated messages may write to a subscribed patient at any time. */
export const VIBER_BOT_INITIATED_WINDOW: WindowPolicy = { kind: 'none' };

/** The window of an account, by its `botInitiated` switch. */
export function viberWindowOf(settings: { botInitiated?: boolean | undefined }): WindowPolicy {
  return settings.botInitiated === true ? VIBER_BOT_INITIATED_WINDOW : VIBER_SESSION_WINDOW;
}
