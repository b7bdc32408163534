import type { InboundEvent, InboundMessageEvent } from '../../channels/inbound-event.ts';
import type { OmittablePart } from '../../channels/omittable-parts.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import type { IngestDeps } from './ingest-deps.ts';

/**
 * How the ingest job reads one channel's journaled deliveries: the channel's parser, and how each event
 * is applied. Every channel (channel-adapter.ts) shares one reader (`adapterDeliveryReader`).
 */
export interface DeliveryReader {
  /** Names the channel in alerts and logs: "Telegram delivery 12 could not be stored". */
  readonly label: string;
  /** How the channel's deliveries are encoded (channel-adapter.ts); JSON when absent. */
  readonly encoding?: 'json' | 'form';
  /** Reads the journaled JSON text where numbers must keep their digits (Viber); `JSON.parse` when absent. */
  readJson?(text: string): unknown;
  /** The events of a delivery that concern this account; throws when the body is not the channel's. */
  parse(body: unknown, account: ChannelAccount): InboundEvent[];
  storeMessage(
    deps: IngestDeps,
    account: ChannelAccount,
    event: InboundMessageEvent,
    omitted: readonly OmittablePart[],
  ): Promise<void>;
  /** Applies any other event; idempotent. */
  apply(deps: IngestDeps, account: ChannelAccount, event: InboundEvent): Promise<void>;
}
