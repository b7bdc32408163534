/**
 * A message template as its provider lists it (WhatsApp: `GET /{waba-id}/message_templates`), in the
 * shape the templates module keeps it: the adapter lists and checks templates, the module stores them
 * and finds the one a message names.
 */
export interface ChannelTemplate {
  externalId: string | null;
  name: string;
  language: string;
  /** MARKETING, UTILITY, AUTHENTICATION. */
  category: string | null;
  /** APPROVED, PENDING, REJECTED, PAUSED, DISABLED... */
  status: string;
  statusReason?: string | null;
  /** POSITIONAL or NAMED. */
  parameterFormat: string;
  /** The provider's component JSON, unchanged (WhatsApp: HEADER, BODY, FOOTER, BUTTONS). */
  components: unknown[];
}

/** What came of asking the provider for an account's templates. */
export type TemplateListing =
  | { ok: true; templates: ChannelTemplate[] }
  | { ok: false; retryable: boolean; title: string };
