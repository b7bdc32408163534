import type { JsonValue } from './engine/index.ts';
import type { ConversationScope } from './flow-runtime.service.ts';

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
