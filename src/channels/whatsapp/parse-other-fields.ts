import { z } from 'zod';
import type {
  AccountEvent,
  InboundEvent,
  MessageEchoEvent,
  TemplateEvent,
  UserPreferenceEvent,
  UserPreferenceValue,
} from '../inbound-event.ts';
import { describeIssues, otherEvent } from './other-event.ts';
import { parseMessageContent } from './parse-message-content.ts';
import { userRefOf } from './wa-identity.ts';
import {
  optId,
  optStrictId,
  optText,
  optUnixTime,
  type PhoneNumberScope,
  unixTime,
  wireId,
} from './webhook-envelope.schema.ts';

/** Account-level changes carry no phone number; they are dated by `entry.time`. */
export interface AccountScope {
  wabaId: string | null;
  time: string | null;
}

export const TEMPLATE_FIELDS: ReadonlySet<string> = new Set([
  'message_template_status_update',
  'message_template_quality_update',
  'message_template_components_update',
  'template_category_update',
]);

export const ACCOUNT_FIELDS: ReadonlySet<string> = new Set([
  'account_update',
  'account_review_update',
  'account_alerts',
  'business_capability_update',
  'phone_number_name_update',
  'phone_number_quality_update',
]);

const templateValueSchema = z.object({
  event: optText,
  message_template_id: optId,
  // Name and language find the template: identifiers, never read altered.
  message_template_name: optId,
  message_template_language: optId,
  reason: optText,
  message_template_category: optText,
  new_category: optText,
  previous_quality_score: optText,
  new_quality_score: optText,
});

/** A template was approved, rejected, paused, re-categorised or changed quality. */
export function parseTemplateChange(field: string, value: unknown, scope: AccountScope): InboundEvent {
  const parsed = templateValueSchema.safeParse(value);
  if (!parsed.success) return otherEvent(null, field, `malformed ${field}: ${describeIssues(parsed.error)}`);
  const template = parsed.data;
  const hasQuality = template.previous_quality_score !== null || template.new_quality_score !== null;
  const event: TemplateEvent = {
    kind: 'template_event',
    channel: 'whatsapp',
    accountId: null,
    wabaId: scope.wabaId,
    field,
    templateId: template.message_template_id,
    templateName: template.message_template_name,
    language: template.message_template_language,
    event: template.event,
    reason: template.reason,
    category: template.message_template_category ?? template.new_category,
    quality: hasQuality
      ? { previous: template.previous_quality_score, new: template.new_quality_score }
      : null,
    timestamp: scope.time,
  };
  return event;
}

const accountValueSchema = z.object({ event: optText, decision: optText });

/** The business account or one of its numbers was restricted, banned, verified, renamed or re-rated. */
export function parseAccountChange(field: string, value: unknown, scope: AccountScope): InboundEvent {
  const parsed = accountValueSchema.safeParse(value);
  if (!parsed.success) return otherEvent(null, field, `malformed ${field}: ${describeIssues(parsed.error)}`);
  const event: AccountEvent = {
    kind: 'account_event',
    channel: 'whatsapp',
    accountId: null,
    wabaId: scope.wabaId,
    field,
    event: parsed.data.event ?? parsed.data.decision,
    timestamp: scope.time,
  };
  return event;
}

const PREFERENCE_VALUES: readonly UserPreferenceValue[] = ['stop', 'resume', 'signup'];

const preferenceSchema = z.object({
  wa_id: optStrictId,
  user_id: optStrictId,
  category: optText,
  value: wireId,
  detail: optText,
  timestamp: optUnixTime,
});

/** One `value.user_preferences[]` item: a user stopped or resumed a category (marketing) of messages. */
export function parseUserPreference(raw: unknown, scope: PhoneNumberScope): InboundEvent {
  const parsed = preferenceSchema.safeParse(raw);
  if (!parsed.success) {
    return otherEvent(
      scope.accountId,
      'user_preferences',
      `malformed preference: ${describeIssues(parsed.error)}`,
    );
  }
  const preference = parsed.data;
  const value = PREFERENCE_VALUES.find((known) => known === preference.value);
  const user = userRefOf(preference.wa_id, preference.user_id, scope.contacts);
  if (value === undefined) {
    return otherEvent(scope.accountId, `user_preferences/${preference.value}`, 'preference value not known');
  }
  if (user === null) return otherEvent(scope.accountId, 'user_preferences', 'preference names no user');
  const event: UserPreferenceEvent = {
    kind: 'user_preference',
    channel: 'whatsapp',
    accountId: scope.accountId,
    user,
    category: preference.category,
    value,
    detail: preference.detail,
    timestamp: preference.timestamp,
  };
  return event;
}

const echoSchema = z.looseObject({
  id: wireId,
  to: optStrictId,
  to_user_id: optStrictId,
  timestamp: unixTime,
  type: wireId,
});

/**
 * One `value.message_echoes[]` item: a message the business sent from the WhatsApp Business app on a
 * number shared with the API ("coexistence"); the inbox shows it as sent by the clinic.
 */
export function parseMessageEcho(raw: unknown, scope: PhoneNumberScope): InboundEvent {
  const parsed = echoSchema.safeParse(raw);
  if (!parsed.success) {
    return otherEvent(scope.accountId, 'message_echo', `malformed echo: ${describeIssues(parsed.error)}`);
  }
  const echo = parsed.data;
  const to = userRefOf(echo.to, echo.to_user_id, scope.contacts);
  if (to === null) return otherEvent(scope.accountId, 'message_echo', 'echo names no recipient', echo.id);
  const event: MessageEchoEvent = {
    kind: 'message_echo',
    channel: 'whatsapp',
    accountId: scope.accountId,
    externalId: echo.id,
    timestamp: echo.timestamp,
    to,
    ...parseMessageContent(echo, echo.type),
  };
  return event;
}
