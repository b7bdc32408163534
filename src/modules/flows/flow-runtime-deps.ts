import type { Logger } from 'pino';
import type { Db, DbOrTx } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import type { GuardedFetch } from '../../platform/net/guarded-fetch.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { ChannelType } from '../channel-accounts/channel-account.schema.ts';
import type { Contact } from '../contacts/contact.schema.ts';
import type { Conversation } from '../inbox/conversation.schema.ts';
import type { Message } from '../inbox/message.schema.ts';
import type { Keyring } from '../keys/keyring.ts';
import type { Org } from '../orgs/org.schema.ts';
import type { SubmissionDeps } from '../outbox/outbound-submission.service.ts';
import type { JsonValue } from './engine/index.ts';

// The runtime's dependencies and the hooks it calls (interceptors, host operations) refer to each
// other, so they live together here, apart from the runtime that uses them and the hooks that implement them.

export interface FlowRuntimeDeps {
  db: Db;
  /** Seals and opens patient data: messages, and the contact's name, fields and tags flows use. */
  keyring: Keyring;
  logger: Logger;
  senders: SubmissionDeps['senders'];
  clock: Clock;
  /** See each patient message before flows do (consent keywords, replies to reminders). */
  interceptors?: readonly InboundInterceptor[];
  /** What flows' `request` steps may ask for, by operation name (booking an appointment…). */
  hostOperations?: Readonly<Record<string, HostOperation>>;
  /** Where files a flow sends (an appointment's .ics) are kept; without it such operations fail. */
  mediaStore?: MediaStore;
  /** How HTTP steps call out (the operator's allowed internal hosts); without it, public addresses only. */
  outbound?: GuardedFetch;
}

/** What a session needs around it while it moves: all read inside the job's transaction. */
export interface ConversationScope {
  tx: DbOrTx;
  deps: FlowRuntimeDeps;
  org: Org;
  conversation: Conversation;
  contact: Contact;
  channel: ChannelType;
  now: Date;
}

/**
 * A patient's message may be meant for Careline itself before any flow: STOP / ARRÊT withdraws
 * consent, a tap on a reminder's button confirms or cancels an appointment. An interceptor sees each
 * message first (inside the automation job's transaction, conversation locked) and says whether it
 * took it (`handled`: no flow sees it), let it through (`pass`), or wants a flow started for it.
 */
export type InterceptorOutcome =
  | 'handled'
  | 'pass'
  | { startFlow: string; trigger?: { [key: string]: JsonValue } };

export type InboundInterceptor = (scope: ConversationScope, message: Message) => Promise<InterceptorOutcome>;

/** What a host operation answers the engine: data for the flow's variables, or a refusal code. */
export type HostOperationResult =
  | { ok: true; data?: JsonValue }
  | { ok: false; code: string; data?: JsonValue };

/**
 * A named operation a flow's `request` step asks the host to carry out (find slots, book one…), in the
 * automation job's transaction, with the conversation's scope. Params are the step's, rendered.
 */
export type HostOperation = (
  scope: ConversationScope,
  params: { [key: string]: JsonValue },
  session: { id: string; language: 'fr' | 'en' },
) => Promise<HostOperationResult>;
