import type { ChannelCapabilities, WindowPolicy } from '../channel-adapter.ts';
import type { OutboundMessageType } from '../outbound-message.ts';

/**
 * What a LINE message may hold (Messaging API reference, channels.md §3). Lengths are counted in UTF-16
 * code units, never less than LINE's characters: a text that passes here is never refused for its length.
 */
export const LINE_LIMITS = {
  /** Text message `text`: at most 5,000 characters. */
  textLength: 5000,
  /** At most 5 message objects per reply or push request. */
  messagesPerRequest: 5,
  /** Quick reply: at most 13 items; an action's `label` at most 20 characters. */
  quickReplies: { max: 13, labelLength: 20 },
  /** Postback action `data`: at most 300 characters. */
  postbackDataLength: 300,
  /** Buttons template: at most 4 actions; `text` 160 characters (60 with a title), `title` 40, `altText` 400. */
  buttonsTemplate: {
    actions: 4,
    textLength: 160,
    textWithTitleLength: 60,
    titleLength: 40,
    altTextLength: 400,
  },
  /** Location message: `title` and `address` (both required) at most 100 characters. */
  locationText: 100,
} as const;

/**
 * Buttons go out as a buttons template when they fit one (at most 4, a short text), else as quick
 * replies under a text (at most 13); a list goes out as quick replies, one per row. Files are not sent:
 * LINE fetches an outgoing image, video or audio from a public HTTPS URL, and Careline's files are not
 * public, so the composer offers no attachment on LINE (`media` is empty). Patients' files are received.
 */
const OUTBOUND_TYPES: readonly OutboundMessageType[] = ['text', 'location', 'buttons', 'list'];

const choice = {
  max: LINE_LIMITS.quickReplies.max,
  titleLength: LINE_LIMITS.quickReplies.labelLength,
  idLength: LINE_LIMITS.postbackDataLength,
};

export const LINE_CAPABILITIES: ChannelCapabilities = {
  textLength: LINE_LIMITS.textLength,
  // No caption on LINE: a medium is a message of its own.
  captionLength: 0,
  buttons: choice,
  list: null,
  quickReplies: choice,
  carousel: false,
  media: {},
  reactions: false,
  readReceipts: false,
  edits: false,
  templates: false,
  outboundTypes: OUTBOUND_TYPES,
};

/**
 * A bot may push to a friend whenever it likes (push messages count against the plan's monthly
 * quota; replies with a fresh reply token do not): no customer-service window.
 */
export const LINE_WINDOW: WindowPolicy = { kind: 'none' };
