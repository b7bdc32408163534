import type { Logger } from 'pino';
import type { Db } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { ChannelSender } from './channel-sender.ts';
import type { SendPacer } from './pacing/send-pacer.ts';

/** What sending needs, shared by the send job (outbox.service.ts) and the interrupted-send checks. */
export interface OutboxDeps {
  db: Db;
  /** Seals and opens patient data: messages, names and numbers (identities matched by blind-index hashes). */
  keyring: Keyring;
  senders: Partial<Record<ChannelType, ChannelSender>>;
  logger: Logger;
  pacer: SendPacer;
  mediaStore: MediaStore;
  /**
   * How long a send interrupted mid-call (a crash left it `sending` with no provider id) waits for
   * Meta's status webhook echoing our id before it is sent again (default 5 minutes), counted from its
   * sending time or from `upSince` when later; past it, it still waits while an echo may be on its
   * way, up to a second such wait (interrupted-send.ts). Independent of the job lease: the job is
   * deferred, and the echo, when it comes, makes it due at once.
   */
  reconcileAfterMs?: number;
  /** When this process started taking webhooks (default: when this module was loaded). */
  upSince: Date;
  /**
   * The job queues that process providers' webhooks: an interrupted send is not sent again while a
   * webhook of its clinic, received before that decision, is still waiting there (it may be the echo).
   */
  webhookQueues?: readonly string[];
  clock: Clock;
}
