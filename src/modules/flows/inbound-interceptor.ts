import type { Message } from '../inbox/message.schema.ts';
import type { JsonValue } from './engine/index.ts';
import type { ConversationScope } from './flow-runtime.service.ts';

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
