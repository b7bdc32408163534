import type { ErrorCodes } from './graph-error-codes.ts';
import type { LifecycleDelays } from './lifecycle-plan.ts';
import type { MediaLimits } from './media-limits.ts';
import type { SimulatedNumber } from './simulated-number.ts';
import type { SimulatorBehaviour } from './simulator-behaviour.ts';
import type { ClockOption } from './simulator-clock.ts';
import type { SimulatorLogger } from './simulator-logger.ts';
import type { TelegramLimits } from './telegram/telegram-world.ts';
import type { WebhookRetryPolicy } from './webhook-dispatcher.ts';

export interface WhatsAppSimulatorOptions {
  /** Delays of sent → delivered → read; defaults 100 / 400 / 1500 ms so a demo looks real. */
  lifecycle?: Partial<LifecycleDelays>;
  /** Webhook retries; defaults 5 attempts, first retry after 250 ms, doubling, 5 s timeout. */
  webhookRetry?: Partial<WebhookRetryPolicy>;
  /** Knobs for every number (each number may override them). */
  behaviour?: SimulatorBehaviour;
  numbers?: SimulatedNumber[];
  /** Clock for webhook timestamps, records, windows and expiries; wins over `clock`. */
  now?: () => Date;
  /** `{ start }` makes a clock the control API can move (`POST /_sim/clock`); default `system`. */
  clock?: ClockOption;
  /** Seeds wamids, media ids, template ids, BSUIDs and fbtrace ids: same seed and clock, same bytes. */
  seed?: string | number;
  /** Override the Graph codes of the error catalogue (e.g. interactive limits as 100, not 131009). */
  errorCodes?: Partial<ErrorCodes>;
  /** Per-type MIME and size limits for uploads; default §1.8. */
  mediaLimits?: Partial<MediaLimits>;
  /** Links Meta could not fetch (→ async 131053); default: host `unreachable.invalid`. */
  isUnreachableLink?: (url: string) => boolean;
  logger?: SimulatorLogger;
  /** Telegram's flood limits (default about 30 msg/s per bot, 1 msg/s per chat with bursts of 3). */
  telegramLimits?: Partial<TelegramLimits>;
  /** Send API calls per second per Page or Instagram account before 613 (default 100). */
  messengerSendsPerSecond?: number;
}
