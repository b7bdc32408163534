import type { MediaKind } from './inbound-event.ts';
import type { OutboundMessageType } from './outbound-message.ts';

/**
 * What a channel can show, in the provider's own units (Telegram and Meta count UTF-16 code units or
 * characters as documented in channels.md). `null` = the channel has no such thing.
 */
export interface ChannelCapabilities {
  textLength: number;
  captionLength: number;
  /** Reply buttons under a message (WhatsApp reply buttons, Messenger button template, Telegram inline keyboard). */
  buttons: { max: number; titleLength: number; idLength: number } | null;
  /** A pick-one list (WhatsApp list message). */
  list: { sections: number; rows: number; rowTitleLength: number; rowDescriptionLength: number } | null;
  /** Chips that vanish once tapped (Messenger quick replies, LINE quick replies). */
  quickReplies: { max: number; titleLength: number; idLength: number } | null;
  carousel: boolean;
  /** Media the channel carries, with the largest file it accepts per kind. */
  media: Partial<Record<MediaKind, { maxBytes: number; mimeTypes: readonly string[] | null }>>;
  reactions: boolean;
  readReceipts: boolean;
  edits: boolean;
  templates: boolean;
  /** The outbound message types the adapter can send at all; anything else is refused by capability. */
  outboundTypes: readonly OutboundMessageType[];
}

/**
 * When a clinic may write. WhatsApp: anything for 24 h after the patient's last message, then approved
 * templates only. Messenger / Instagram: 24 h, then a person's reply with the `HUMAN_AGENT` tag for 7 days,
 * nothing automated. Telegram: no window.
 */
export type WindowPolicy =
  | { kind: 'none' }
  | { kind: 'session'; hours: number; after: 'templates' }
  | { kind: 'session'; hours: number; after: 'human_agent_tag'; tagHours: number }
  | { kind: 'session'; hours: number; after: 'nothing' };
