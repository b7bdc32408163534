import type { SimulatedNumber } from './simulated-number.ts';
import type { ParsedBehaviour } from './simulator-behaviour.ts';
import type { InboundRecord, MediaDownloadRecord, SendRecord } from './simulator-records.ts';
import type { WebhookDeliveryRecord } from './webhook-dispatcher.ts';

/** Everything the simulator keeps about one business number. */
export interface NumberState {
  number: SimulatedNumber;
  behaviour: ParsedBehaviour;
  sends: SendRecord[];
  inbound: Map<string, InboundRecord>;
  deliveries: WebhookDeliveryRecord[];
  mediaDownloads: MediaDownloadRecord[];
}
