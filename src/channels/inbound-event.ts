/**
 * The channel-neutral events a channel adapter turns a webhook into. The shape (key names, `null` for
 * absent values, `[]` for absent lists) is the one the conformance corpus specifies in
 * `shared/conformance/MANIFEST.md`; the rest of the code only ever sees these, never a provider payload.
 *
 * Timestamps are ISO-8601 UTC strings exactly as `Date#toISOString()` prints them, so events compare and
 * serialise without a time zone surprise. External ids are always strings: some providers' ids do not
 * fit a JS number.
 */
export type InboundEvent =
  | InboundMessageEvent
  | ReactionEvent
  | MessageEditedEvent
  | MessageDeletedEvent
  | MessageEchoEvent
  | StatusEvent
  | LifecycleEvent
  | UserPreferenceEvent
  | TemplateEvent
  | AccountEvent
  | ChannelErrorEvent
  | GroupMessageEvent
  | GroupUpdateEvent
  | OtherEvent;

export type InboundEventKind = InboundEvent['kind'];

export type Channel = 'whatsapp' | 'messenger' | 'instagram' | 'line' | 'viber' | 'telegram' | 'sms';

interface EventBase {
  channel: Channel;
  /** Our side of the conversation: WhatsApp phone-number id, Messenger page, LINE destination; else null. */
  accountId: string | null;
}

/** Extras that only some channels carry (LINE reply tokens, Telegram update ids, Viber tracking data). */
export interface ChannelExtras {
  conversation?: Conversation;
  replyToken?: string | null;
  webhookEventId?: string | null;
  redelivery?: boolean | null;
  mode?: string | null;
  updateId?: number;
  trackingData?: string | null;
}

/** LINE/Telegram chat the event happened in (`user`/`group`/`room`; `private`/`group`/`supergroup`/`channel`). */
export interface Conversation {
  type: string;
  id: string;
}

/** Who wrote. `id` is the channel's user id (WhatsApp `from`, else the business-scoped user id). */
export interface Sender {
  id: string;
  /** `+` and digits, only when the channel gives a real phone number; never guessed. */
  phone: string | null;
  /** WhatsApp business-scoped user id (BSUID); users with a username may come without a phone. */
  bsuid: string | null;
  parentBsuid: string | null;
  name: string | null;
  username: string | null;
}

/** The other party of something we sent (status recipient, echo target, preference owner). */
export interface UserRef {
  id: string;
  phone: string | null;
  bsuid: string | null;
}

export type MessageType =
  | 'text'
  | 'image'
  | 'video'
  | 'audio'
  | 'voice'
  | 'document'
  | 'sticker'
  | 'location'
  | 'contacts'
  | 'button_reply'
  | 'list_reply'
  | 'flow_reply'
  | 'order'
  | 'system'
  | 'unsupported';

export type MediaKind = 'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker';

export interface MediaRef {
  kind: MediaKind;
  /** Provider media id to download with (WhatsApp ids from webhooks expire after 7 days). */
  id: string | null;
  url: string | null;
  mimeType: string | null;
  sha256: string | null;
  fileName: string | null;
  animated?: boolean;
  provider?: string | null;
  thumbnail?: string | null;
  width?: number;
  height?: number;
  packageId?: string;
}

/** A provider error attached to an item (WhatsApp message/status `errors[]`). */
export interface ItemError {
  code: number | null;
  title: string | null;
  details: string | null;
}

export type Forwarded = 'forwarded' | 'frequently_forwarded';

export interface SharedLocation {
  latitude: number;
  longitude: number;
  name: string | null;
  address: string | null;
  url: string | null;
}

export interface ContactCard {
  name: string | null;
  phones: ContactCardPhone[];
}

export interface ContactCardPhone {
  phone: string | null;
  waId: string | null;
  type: string | null;
}

/** A tapped button or list row: `id` is what we put in the button, `title` what the user saw. */
export interface ReplyChoice {
  id: string;
  title: string | null;
  description: string | null;
  params?: Record<string, unknown>;
}

export interface FlowReply {
  name: string | null;
  body: string | null;
  /** The form answers (WhatsApp sends them as a JSON string; null when that string is not an object). */
  response: Record<string, unknown> | null;
  flowToken: string | null;
}

export interface Order {
  catalogId: string | null;
  items: OrderItem[];
}

export interface OrderItem {
  productRetailerId: string | null;
  quantity: number | null;
  itemPrice: number | null;
  currency: string | null;
}

export interface SystemNotice {
  type: string | null;
  body: string | null;
  /** WhatsApp `user_changed_number`: the user's new wa_id. */
  newWaId: string | null;
  identity?: IdentityChange;
}

export interface IdentityChange {
  acknowledged: boolean | null;
  createdAt: string | null;
  hash: string | null;
}

/** Click-to-WhatsApp ad or post the user came from (opens the free entry-point window). */
export interface Referral {
  sourceType: string | null;
  sourceId: string | null;
  sourceUrl: string | null;
  headline: string | null;
  ctwaClid: string | null;
}

export interface ReferredProduct {
  catalogId: string | null;
  productRetailerId: string | null;
}

/** The content of a message, shared by new messages, edits and echoes. */
export interface MessageContent {
  type: MessageType;
  /** The channel's own type, e.g. `interactive/button_reply`, `button`, `audio`. */
  rawType: string;
  /** Body, caption, or the visible title of a tapped button or row. */
  text: string | null;
  media: MediaRef[];
  location?: SharedLocation;
  contacts?: ContactCard[];
  reply?: ReplyChoice;
  flow?: FlowReply;
  order?: Order;
  system?: SystemNotice;
}

export interface InboundMessageEvent extends EventBase, ChannelExtras, MessageContent {
  kind: 'message';
  externalId: string | null;
  timestamp: string;
  from: Sender;
  /** Id of the quoted message, or null. */
  replyTo: string | null;
  forwarded: Forwarded | null;
  errors: ItemError[];
  referral?: Referral;
  referredProduct?: ReferredProduct;
}

export interface ReactionEvent extends EventBase, ChannelExtras {
  kind: 'reaction';
  externalId: string | null;
  timestamp: string;
  from: Sender;
  targetId: string;
  /** null = the user removed their reaction. */
  emoji: string | null;
}

export interface MessageEditedEvent extends EventBase, ChannelExtras, MessageContent {
  kind: 'message_edited';
  externalId: string | null;
  timestamp: string;
  from: Sender;
  originalId: string;
}

export interface MessageDeletedEvent extends EventBase, ChannelExtras {
  kind: 'message_deleted';
  externalId: string | null;
  timestamp: string;
  from: Sender;
  originalId: string;
}

/** A copy of a message the business sent from another app (WhatsApp Business app, Messenger inbox). */
export interface MessageEchoEvent extends EventBase, MessageContent {
  kind: 'message_echo';
  externalId: string | null;
  timestamp: string;
  to: UserRef;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'played' | 'failed';

export interface StatusEvent extends EventBase {
  kind: 'status';
  /** Id of the message we sent (null on Messenger read receipts, which only carry a watermark). */
  externalId: string | null;
  recipient: UserRef;
  status: DeliveryStatus;
  timestamp: string;
  /** First error code, or null. */
  errorCode: number | null;
  errors: ItemError[];
  conversation: BillingConversation | null;
  pricing: Pricing | null;
  /** Echo of the tag we passed when sending; use it to correlate. */
  bizOpaqueCallbackData: string | null;
  group?: StatusGroup;
  externalIds?: string[];
  watermark?: string | null;
  errorDescription?: string | null;
}

/** WhatsApp's legacy conversation-based pricing window. */
export interface BillingConversation {
  id: string | null;
  originType: string | null;
  expiresAt: string | null;
}

export interface Pricing {
  billable: boolean | null;
  model: string | null;
  category: string | null;
  type: string | null;
}

export interface StatusGroup {
  participantId: string | null;
  participantBsuid: string | null;
}

export type LifecycleEventName =
  | 'follow'
  | 'unfollow'
  | 'subscribe'
  | 'unsubscribe'
  | 'conversation_started'
  | 'optin'
  | 'referral'
  | 'account_linking';

export interface LifecycleEvent extends EventBase, ChannelExtras {
  kind: 'lifecycle';
  event: LifecycleEventName;
  user: LifecycleUser;
  timestamp: string | null;
  externalId?: string | null;
  ref?: string | null;
}

export interface LifecycleUser {
  id: string | null;
  name?: string | null;
  userRef?: string | null;
  country?: string | null;
  language?: string | null;
}

export type UserPreferenceValue = 'stop' | 'resume' | 'signup';

/** A user's choice about a category of messages (WhatsApp marketing opt-out and resume). */
export interface UserPreferenceEvent extends EventBase {
  kind: 'user_preference';
  user: UserRef;
  category: string | null;
  value: UserPreferenceValue;
  detail: string | null;
  timestamp: string | null;
}

/** A change to a message template (status, category, quality), at the level of a business account. */
export interface TemplateEvent extends EventBase {
  kind: 'template_event';
  /**
   * The business account the event is for (WhatsApp's WABA), under the conformance corpus's name;
   * modules read it through `businessAccountOf` (src/channels/business-account-of.ts).
   */
  wabaId: string | null;
  field: string;
  templateId: string | null;
  templateName: string | null;
  language: string | null;
  event: string | null;
  reason: string | null;
  category: string | null;
  quality: { previous: string | null; new: string | null } | null;
  timestamp: string | null;
}

/** A change to the business account or a phone number (restriction, ban, verification, quality). */
export interface AccountEvent extends EventBase {
  kind: 'account_event';
  /** The business account the event is for, whichever of its numbers it concerns (corpus name). */
  wabaId: string | null;
  field: string;
  event: string | null;
  timestamp: string | null;
}

/** An out-of-band error the provider reports about the webhook itself (WhatsApp `value.errors[]`). */
export interface ChannelErrorEvent extends EventBase {
  kind: 'error';
  code: number | null;
  title: string | null;
  details: string | null;
}

/** Something recognised but out of scope, unknown, or malformed: logged and skipped, never a crash. */
export interface OtherEvent extends EventBase {
  kind: 'other';
  /** The provider's name for it (a webhook field, an update kind, `messages/<type>` ...). */
  rawType: string | null;
  /** Why it was not turned into a richer event; safe to log (no message content). */
  reason: string;
  /** What a patient sent and we could not read or store: an operator is told, not just the log. */
  fromPatient?: boolean;
  externalId?: string | null;
  timestamp?: string | null;
  updateId?: number;
}

/**
 * A message a participant wrote in a group the business is part of (WhatsApp Cloud API Groups: a
 * `messages` item carrying `group_id`). It is not a one-to-one message: the inbox never files it in a
 * patient's conversation; the groups module keeps it in the group's timeline.
 */
export interface GroupMessageEvent extends EventBase {
  kind: 'group_message';
  groupId: string;
  message: InboundMessageEvent;
}

export type GroupChange =
  | 'created'
  | 'create_failed'
  | 'deleted'
  | 'delete_failed'
  | 'participants_added'
  | 'participants_removed'
  | 'join_requested'
  | 'settings_changed'
  | 'status_changed'
  | 'other';

/** A change to a group: created (with its invite link), deleted, someone joined or left, suspended. */
export interface GroupUpdateEvent extends EventBase {
  kind: 'group_update';
  /** Null only on a failed creation Meta reports without an id. */
  groupId: string | null;
  change: GroupChange;
  /** The provider's own name, e.g. `group_participants_add`. */
  rawType: string | null;
  /** Matches the creation request with its outcome. */
  requestId: string | null;
  subject: string | null;
  description: string | null;
  inviteLink: string | null;
  /** Who joined or left (`wa_id` or the `input` the business gave). */
  participants: GroupParticipantRef[];
  /** `business` or `participant` for a removal. */
  initiatedBy: string | null;
  errors: ItemError[];
  timestamp: string | null;
}

export interface GroupParticipantRef {
  waId: string | null;
  input: string | null;
}
