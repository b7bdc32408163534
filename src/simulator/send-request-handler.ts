import { authorizeGraphCall } from './graph-auth.ts';
import { invalidParameterError, objectNotFoundError, whatsAppError } from './graph-error.ts';
import { type MarkAsReadRequest, parseGraphSendRequest } from './graph-send-request.ts';
import type { InjectedErrors } from './injected-errors.ts';
import type { NumberState } from './number-state.ts';
import { acceptOutbound, type OutboundSenderDeps } from './outbound-sender.ts';
import type { SimulatedNumber } from './simulated-number.ts';
import type { ParsedBehaviour } from './simulator-behaviour.ts';
import type { GraphResponse } from './simulator-records.ts';

export interface SendRequestDeps extends OutboundSenderDeps {
  numbers: () => SimulatedNumber[];
  injected: InjectedErrors;
  behaviourOf: (state: NumberState) => ParsedBehaviour;
}

export interface SendRequest {
  phoneNumberId: string;
  authorization?: string;
  body: unknown;
}

/**
 * `POST /{version}/{phone-number-id}/messages` in Graph's order of checks: token (190), number
 * (100/33), body (100 / 131009), injected errors, throughput (130429), then the send itself.
 */
export function answerSendRequest(
  deps: SendRequestDeps,
  state: NumberState | undefined,
  request: SendRequest,
): GraphResponse {
  const refusal = authorizeGraphCall(
    deps.numbers(),
    state?.number,
    request.phoneNumberId,
    request.authorization,
  );
  if (refusal) return refusal;
  if (!state) return objectNotFoundError(request.phoneNumberId);
  const parsed = parseGraphSendRequest(request.body, deps.codes);
  if ('httpStatus' in parsed) return parsed;
  if (parsed.kind === 'mark_as_read') return markAsRead(state, parsed.request, deps.now());
  const injected = deps.injected.take(state.number.phoneNumberId) ?? deps.injected.take('*');
  if (injected) return injected;
  const behaviour = deps.behaviourOf(state);
  if (!deps.limiter.allowSend(state.number.phoneNumberId, behaviour, deps.now())) {
    return whatsAppError(
      'throughput',
      deps.codes,
      'Message failed to send because there were too many messages sent from this phone number in a short period of time',
      429,
    );
  }
  return acceptOutbound(deps, state, behaviour, parsed.request);
}

function markAsRead(state: NumberState, request: MarkAsReadRequest, now: Date): GraphResponse {
  const inbound = state.inbound.get(request.message_id);
  if (!inbound) {
    return invalidParameterError(
      '(#100) Invalid parameter',
      `Param message_id: no message '${request.message_id}' was received by this number.`,
    );
  }
  inbound.readAt ??= now.toISOString();
  return { httpStatus: 200, body: { success: true } };
}

/** The default "Meta could not fetch this link" rule: the reserved `.invalid` host the tests use. */
export function isUnreachableInvalid(url: string): boolean {
  try {
    return new URL(url).hostname === 'unreachable.invalid';
  } catch {
    return true;
  }
}
