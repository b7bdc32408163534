import type { AdapterAccount } from './channel-adapter.ts';
import type { Channel } from './inbound-event.ts';

/**
 * What one adapter gives the shared conformance suite (channel-adapter.conformance.test.ts): the few
 * things only its provider knows — a valid account, how the provider signs a delivery, what a delivery
 * looks like. Everything the suite asserts is generic; the specifics stay here.
 *
 * A channel's folder exports its fixtures as `adapterFixtures` from a file named
 * `<name>.adapter-fixture.test-support.ts`; the suite finds them there, and fails for a registered
 * adapter (src/channel-adapters.ts) that has none.
 */
export interface AdapterFixture<Settings = unknown, Secrets = unknown> {
  channel: Channel;
  /**
   * An account as a clinic would add it: its settings and secrets pass the adapter's schemas, and every
   * secret in it is required (the suite removes each one and expects a refusal naming it).
   */
  account: AdapterAccount<Settings, Secrets>;
  /**
   * True when the provider's check covers the body (Meta's HMAC over the raw bytes): a body changed
   * after signing must then be refused. False for a shared secret sent as a header (Telegram's
   * secret token), which says who sent a delivery, not what it holds.
   */
  signsBody: boolean;
  /**
   * The URL the provider was given and calls, for providers whose signature covers it (Twilio's); the
   * suite hands it to `verify` with every request.
   */
  webhookUrl?: string;
  /** The headers the provider sends with these bytes, following its documentation. */
  sign(rawBody: Buffer, secrets: Secrets): Record<string, string>;
  /**
   * Deliveries as the provider documents them, by name, for the fixture account: each one parses into
   * events without an `other` among them, and at least one sample holds a patient's message.
   */
  samples: Readonly<Record<string, unknown>>;
  /** For adapters with a subscription handshake: the query the provider sends, and the answer it expects. */
  handshake?(secrets: Secrets): { query: Record<string, string>; answer: string };
}
