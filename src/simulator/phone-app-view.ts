/**
 * What the demo phone shows of a conversation on an app other than WhatsApp (Telegram, Messenger,
 * Instagram), in one shape whatever the provider: the phone page draws it without knowing the wire.
 */
export interface PhoneAppItem {
  /** The provider's id of the message (Telegram message_id, Meta mid). */
  id: string;
  side: 'clinic' | 'me';
  at: string;
  kind:
    | 'text'
    | 'image'
    | 'video'
    | 'audio'
    | 'voice'
    | 'document'
    | 'sticker'
    | 'location'
    | 'contact'
    | 'tap';
  /** Text, caption, place name, contact name or a tapped button's title. */
  text: string | null;
  fileName: string | null;
  /** Buttons and quick replies under a clinic message: `tap` ones answer, `link` ones open a URL. */
  buttons: PhoneAppButton[];
  /** A reaction the other side put on this message. */
  reaction: string | null;
  edited: boolean;
  /** Clinic messages: the patient's app showed them (Messenger read receipts); null where not tracked. */
  seen: boolean | null;
}

export interface PhoneAppButton {
  id: string;
  title: string;
  kind: 'tap' | 'link';
  url: string | null;
}

/** An app account the simulator plays, for the phone's app picker. */
export interface PhoneAppAccount {
  app: 'telegram' | 'messenger' | 'instagram' | 'line' | 'viber';
  accountId: string;
  name: string;
  /** Telegram `@username`, LINE's basic id (`@…`); a Page's or account's name otherwise. */
  handle: string;
}
