import { z } from 'zod';

/**
 * The most characters (code points) any channel Careline speaks takes in each field: WhatsApp's
 * (channels.md §1.7) unless another channel takes more, or a generous bound where none documents one.
 * They are checked before anything else reads the value; each channel then applies its own limits
 * (`checkWhatsAppLimits`, an adapter's `check`), so a channel with larger limits raises a bound here and
 * holds no other channel back. The adapter conformance suite fails when a limit an adapter's
 * capabilities state is above the bound here (channel-adapter.conformance.test.ts).
 */
export const OUTBOUND_MAX_LENGTH = {
  id: 512,
  url: 2048,
  /** LINE's text message (WhatsApp and Telegram: 4096). */
  text: 5000,
  body: 1024,
  caption: 1024,
  fileName: 255,
  headerText: 60,
  footer: 60,
  /** Messenger's postback payload (WhatsApp: 256). */
  buttonId: 1000,
  /** Telegram's inline-keyboard buttons (WhatsApp and Messenger: 20). */
  buttonTitle: 64,
  /** Messenger's quick-reply payload, which carries a list's row ids (WhatsApp: 200). */
  rowId: 1000,
  rowTitle: 24,
  rowDescription: 72,
  sectionTitle: 24,
  label: 20,
  place: 1024,
  personName: 1024,
  phone: 64,
  kind: 32,
  email: 254,
  templateName: 512,
  language: 32,
  parameter: 4096,
  parameterName: 256,
  payload: 1024,
} as const;

/** The most items of each list, at or above every channel's own limit (WhatsApp: 3 buttons, 10 rows). */
export const OUTBOUND_MAX_ITEMS = {
  buttons: 13,
  sections: 10,
  rows: 10,
  contacts: 100,
  contactEntries: 20,
  parameters: 100,
  templateButtons: 10,
} as const;

/** A string that is there and not blank: no channel shows an empty title, and APIs reject them. */
export function nonBlank(field: string, max: number) {
  return (
    z
      .string({
        error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a string`),
      })
      // UTF-16 units here, twice the characters: channels count code points ("😀" is one), and this
      // bound must never refuse what a channel takes. The exact count is the channel's own check.
      .max(2 * max, { error: `${field} must be at most ${max} characters`, abort: true })
      .regex(/\S/, `${field} must not be empty`)
  );
}

/** An http(s) URL, bounded before it is parsed. */
export function httpUrl() {
  return z
    .string({ error: 'url must be an http(s) URL' })
    .max(OUTBOUND_MAX_LENGTH.url, {
      error: `url must be at most ${OUTBOUND_MAX_LENGTH.url} characters`,
      abort: true,
    })
    .pipe(z.httpUrl({ error: 'url must be an http(s) URL' }));
}

/** A list of at most `max` items. */
export function list<T extends z.ZodType>(item: T, field: string, max: number) {
  return z.array(item).max(max, `${field} must hold at most ${max} items`);
}
