import type { OutboundMessage } from '../../../channels/outbound-message.ts';
import type { EndReason, FinalStatus, JsonValue } from './flow-session.ts';
import type { AssignTarget } from './step.schema.ts';

/**
 * What the host must do for the session, in order. The engine only asks: a `send` goes through the
 * outbox (which may still refuse it), an `assign`, `http_request` or `host_request` comes back as an input
 * with the same request id (at once or later), a `schedule_timer` comes back as a `timer` input with its
 * id at `at`.
 */
export type FlowEffect =
  | { type: 'send'; message: OutboundMessage }
  | { type: 'schedule_timer'; timerId: string; at: string }
  | { type: 'set_field'; field: string; value: string }
  | { type: 'add_tag'; tag: string }
  | { type: 'remove_tag'; tag: string }
  | {
      type: 'assign';
      requestId: string;
      target: AssignTarget;
      mode: 'round_robin' | 'least_open';
      onlineOnly: boolean;
    }
  | {
      type: 'http_request';
      requestId: string;
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      url: string;
      headers: Record<string, string>;
      body?: JsonValue;
      timeoutMs: number;
    }
  | {
      /** A named operation of the host's own (`find_slots`); answered by a `host_result` input. */
      type: 'host_request';
      requestId: string;
      operation: string;
      params: Record<string, JsonValue>;
      sessionId: string;
    }
  | { type: 'handoff'; reason?: string; note?: string; urgent: boolean }
  | { type: 'close_conversation' }
  | { type: 'start_flow'; flowKey: string }
  | { type: 'add_note'; text: string; medical?: boolean }
  | { type: 'mark_urgent'; reason?: string }
  | { type: 'red_flag'; category: string; matched?: string; stepId: string }
  | { type: 'csat'; rating: number; comment?: string }
  | { type: 'end'; status: FinalStatus; reason?: EndReason };

export type FlowEffectType = FlowEffect['type'];
