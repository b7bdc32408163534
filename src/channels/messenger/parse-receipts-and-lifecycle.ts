import type { InboundEvent, LifecycleEvent, LifecycleEventName, StatusEvent } from '../inbound-event.ts';
import { eventBase, type MessagingFrame } from './messaging-frame.ts';
import { describeIssues, type EntryScope, otherEvent } from './messenger-other-event.ts';
import {
  accountLinkingSchema,
  deliverySchema,
  optinSchema,
  readSchema,
  referralSchema,
} from './messenger-wire.schema.ts';

/**
 * A lifecycle event with what Messenger adds: the referral that brought the person (an m.me link, an
 * ad, a QR code) and the outcome of account linking, as the conformance corpus names them.
 */
export interface MessengerLifecycleEvent extends LifecycleEvent {
  referral?: { ref: string | null; source: string | null; type: string | null; adId: string | null };
  status?: string | null;
  authorizationCode?: string | null;
}

/**
 * A delivery or read receipt. Messenger receipts carry a watermark: every message we sent before that
 * time is delivered (or read); a delivery may also list the mids, a read never does. Instagram's
 * `messaging_seen` names the one message read instead.
 *
 * `timestamp`: a legacy delivery has no time of its own; it then takes the entry's time (when Meta sent
 * the receipt, so the delivery happened by then), because the port's status time cannot be absent.
 */
export function parseStatus(
  key: 'delivery' | 'read',
  value: unknown,
  frame: MessagingFrame,
  scope: EntryScope,
): InboundEvent {
  const parsed = key === 'delivery' ? deliverySchema.safeParse(value) : readSchema.safeParse(value);
  if (!parsed.success) return otherEvent(scope, key, `malformed ${key}: ${describeIssues(parsed.error)}`);
  const recipientId = frame.sender?.id ?? null;
  const timestamp = frame.timestamp ?? scope.time ?? parsed.data.watermark;
  if (recipientId === null || timestamp === null) {
    return otherEvent(scope, key, `${key} names no recipient or time`);
  }
  const externalIds = 'mids' in parsed.data ? parsed.data.mids : midList(parsed.data.mid);
  const event: StatusEvent = {
    kind: 'status',
    ...eventBase(scope),
    // With several mids no one of them is "the" message: the list and the watermark say it all.
    externalId: externalIds.length === 1 ? (externalIds[0] ?? null) : null,
    externalIds,
    watermark: parsed.data.watermark,
    recipient: { id: recipientId, phone: null, bsuid: null },
    status: key === 'delivery' ? 'delivered' : 'read',
    timestamp,
    errorCode: null,
    errors: [],
    conversation: null,
    pricing: null,
    bizOpaqueCallbackData: null,
  };
  return event;
}

function midList(mid: string | null): string[] {
  return mid === null ? [] : [mid];
}

/** Opt-ins (checkbox plugin, notification messages), referrals and account linking. */
export function parseLifecycle(
  key: Extract<LifecycleEventName, 'optin' | 'referral' | 'account_linking'>,
  value: unknown,
  frame: MessagingFrame,
  scope: EntryScope,
): InboundEvent {
  const common = {
    kind: 'lifecycle' as const,
    ...eventBase(scope),
    event: key,
    timestamp: frame.timestamp ?? scope.time,
  };
  const userId = frame.sender?.id ?? null;
  if (key === 'optin') {
    const optin = optinSchema.safeParse(value);
    if (!optin.success) return otherEvent(scope, key, `malformed optin: ${describeIssues(optin.error)}`);
    // The checkbox plugin's opt-in comes before any conversation: only a user_ref says who it is.
    const userRef = optin.data.user_ref ?? frame.sender?.user_ref ?? null;
    const event: MessengerLifecycleEvent = { ...common, user: { id: userId, userRef }, ref: optin.data.ref };
    return event;
  }
  if (key === 'referral') {
    const referral = referralSchema.safeParse(value);
    if (!referral.success) {
      return otherEvent(scope, key, `malformed referral: ${describeIssues(referral.error)}`);
    }
    const { ref, source, type, ad_id } = referral.data;
    const event: MessengerLifecycleEvent = {
      ...common,
      user: { id: userId },
      ref,
      referral: { ref, source, type, adId: ad_id },
    };
    return event;
  }
  const linking = accountLinkingSchema.safeParse(value);
  if (!linking.success) {
    return otherEvent(scope, key, `malformed account linking: ${describeIssues(linking.error)}`);
  }
  const event: MessengerLifecycleEvent = {
    ...common,
    user: { id: userId },
    status: linking.data.status,
    authorizationCode: linking.data.authorization_code,
  };
  return event;
}
