import { z } from 'zod';
import { authorizeGraphCall } from './graph-auth.ts';
import {
  type GraphErrorResponse,
  graphErrorWith,
  invalidParameterError,
  objectNotFoundError,
} from './graph-error.ts';
import type { NumberState } from './number-state.ts';
import type { RandomSource } from './random-source.ts';
import type { SimulatedNumber } from './simulated-number.ts';
import { SimulatorError } from './simulator-error.ts';
import type { GraphResponse } from './simulator-records.ts';
import { unixSeconds } from './webhook-envelope.ts';
import type { WebhookOutbox } from './webhook-outbox.ts';

/*
 * Meta's Groups API (Cloud API), as documented at developers.facebook.com/documentation/business-messaging/
 * whatsapp/groups (Groups API, Get started, Group management, Group messaging, Webhooks for Groups API,
 * Groups API error codes; read 2026-12). What this relies on:
 * - POST /{phone-number-id}/groups {messaging_product, subject (≤128, trimmed), description (≤2048),
 *   join_approval_mode}; the group's id and invite link come in a `group_lifecycle_update` webhook
 *   (`groups[]{timestamp, group_id, type: group_create, request_id, subject, invite_link, join_approval_mode}`).
 * - GET / POST /{group-id}/invite_link → {messaging_product, invite_link: "https://chat.whatsapp.com/<LINK_ID>"};
 *   a reset makes every earlier link invalid.
 * - GET /{group-id}?fields=subject,description,participants,total_participant_count,… ; DELETE /{group-id};
 *   DELETE /{group-id}/participants {participants: [{user}]}; GET /{phone-number-id}/groups (active groups).
 * - `group_participants_update`: `groups[]{group_id, type: group_participants_add, reason: invite_link,
 *   added_participants[]{wa_id}}`; a leave is `group_participants_remove` with `initiated_by: participant`.
 * - Participants' messages come in the `messages` field with `group_id` on the message.
 * - Sends: the usual /messages with `recipient_type: "group"` and `to` = the group id. Text, media and
 *   templates only: interactive messages are not supported in groups. Max 8 participants.
 * - Errors: 131041 group unknown, 131020 cannot send to a single-member group, 131204 participant overlimit,
 *   131208 "Group Rate Limit Hit: too many group operations from this phone number in a short period" (429),
 *   131211 group create limit (10,000 per number).
 * NOT verified (Meta does not show them): the create call's own answer (here {messaging_product, request_id});
 * the error a number without Groups access gets (here 131005 "Access denied", HTTP 403, details naming the
 * Official Business Account requirement); the error for an interactive send to a group (here 131009); the
 * threshold of 131208 (here a knob: N group operations per window, default 60 a minute).
 */

/** A Groups API answer: Graph's JSON, or one of its errors. */
export interface GroupGraphResponse {
  httpStatus: number;
  body: unknown;
}

export const MAX_GROUP_PARTICIPANTS = 8;
const MAX_SUBJECT = 128;
const MAX_DESCRIPTION = 2048;

export interface SimulatedGroup {
  id: string;
  phoneNumberId: string;
  subject: string;
  description: string | null;
  joinApprovalMode: 'auto_approve' | 'approval_required';
  inviteLink: string;
  createdAt: Date;
  participants: Map<string, { waId: string; name: string; joinedAt: Date }>;
  removed: Set<string>;
  deleted: boolean;
}

export interface GroupOperationLimit {
  max: number;
  windowMs: number;
}

interface GroupDeps {
  now: () => Date;
  random: RandomSource;
  outbox: WebhookOutbox;
  numbers: () => SimulatedNumber[];
  state: (phoneNumberId: string) => NumberState | undefined;
  uniqueWamid: (user: string) => string;
  schedule: (delayMs: number, task: () => void) => void;
}

const createSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  subject: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_SUBJECT, `must be at most ${MAX_SUBJECT} characters`),
  description: z.string().max(MAX_DESCRIPTION, `must be at most ${MAX_DESCRIPTION} characters`).optional(),
  join_approval_mode: z.enum(['auto_approve', 'approval_required']).optional(),
});

/** Types Meta lets a business send to a group. */
const GROUP_MESSAGE_TYPES = new Set(['text', 'image', 'video', 'audio', 'document', 'sticker', 'template']);

/** The groups of the simulated numbers: Graph endpoints, the participants' side and the webhooks. */
export class SimulatedGroups {
  readonly #deps: GroupDeps;
  readonly #groups = new Map<string, SimulatedGroup>();
  readonly #noAccess = new Set<string>();
  readonly #operations = new Map<string, number[]>();
  readonly #limits = new Map<string, GroupOperationLimit>();

  constructor(deps: GroupDeps) {
    this.#deps = deps;
  }

  knows(groupId: string): boolean {
    return this.#groups.has(groupId);
  }

  group(groupId: string): SimulatedGroup | undefined {
    return this.#groups.get(groupId);
  }

  groupsOf(phoneNumberId: string): SimulatedGroup[] {
    return [...this.#groups.values()].filter((g) => g.phoneNumberId === phoneNumberId && !g.deleted);
  }

  /** Control: whether the number may use the Groups API (Official Business Account, Cloud API). */
  setAccess(phoneNumberId: string, allowed: boolean): void {
    if (allowed) this.#noAccess.delete(phoneNumberId);
    else this.#noAccess.add(phoneNumberId);
  }

  /** Control: how many group operations a number may make per window before 131208. */
  setOperationLimit(phoneNumberId: string, limit: GroupOperationLimit): void {
    this.#limits.set(phoneNumberId, limit);
    this.#operations.delete(phoneNumberId);
  }

  /** `POST /{phone-number-id}/groups`. */
  create(phoneNumberId: string, authorization: string | undefined, body: unknown): GroupGraphResponse {
    const refused = this.#checkNumber(phoneNumberId, authorization);
    if (refused) return refused;
    const parsed = createSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const param = issue?.path.join('.') || '(body)';
      return invalidParameterError(
        '(#100) Invalid parameter',
        `Param ${param} ${issue?.message ?? 'is invalid'}.`,
      );
    }
    const limited = this.#takeOperation(phoneNumberId);
    if (limited) return limited;
    if (this.groupsOf(phoneNumberId).length >= 10_000) {
      return graphErrorWith({
        code: 131211,
        message: '(#131211) Group create limit reached',
        details: 'Reached the limit for the maximum number of groups that can be created for this number.',
      });
    }
    const id = this.#newGroupId();
    const requestId = this.#deps.random.bytes(12).toString('hex');
    const group: SimulatedGroup = {
      id,
      phoneNumberId,
      subject: parsed.data.subject,
      description: parsed.data.description ?? null,
      joinApprovalMode: parsed.data.join_approval_mode ?? 'auto_approve',
      inviteLink: this.#newInviteLink(),
      createdAt: this.#deps.now(),
      participants: new Map(),
      removed: new Set(),
      deleted: false,
    };
    this.#groups.set(id, group);
    this.#deps.schedule(20, () => {
      this.#emit(group, 'group_lifecycle_update', {
        timestamp: unixSeconds(this.#deps.now()),
        group_id: id,
        type: 'group_create',
        request_id: requestId,
        subject: group.subject,
        ...(group.description === null ? {} : { description: group.description }),
        invite_link: group.inviteLink,
        join_approval_mode: group.joinApprovalMode,
      });
    });
    return { httpStatus: 200, body: { messaging_product: 'whatsapp', request_id: requestId } };
  }

  /** `GET /{phone-number-id}/groups`: the number's active groups. */
  list(phoneNumberId: string, authorization: string | undefined): GroupGraphResponse {
    const refused = this.#checkNumber(phoneNumberId, authorization);
    if (refused) return refused;
    return {
      httpStatus: 200,
      body: {
        data: {
          groups: this.groupsOf(phoneNumberId).map((g) => ({
            id: g.id,
            subject: g.subject,
            created_at: unixSeconds(g.createdAt),
          })),
        },
        paging: { cursors: { before: '', after: '' } },
      },
    };
  }

  /** `GET /{group-id}/invite_link`, or `POST` to reset it. */
  inviteLink(groupId: string, authorization: string | undefined, reset: boolean): GroupGraphResponse {
    const found = this.#ownGroup(groupId, authorization);
    if ('httpStatus' in found) return found;
    if (reset) {
      const limited = this.#takeOperation(found.phoneNumberId);
      if (limited) return limited;
      found.inviteLink = this.#newInviteLink();
    }
    return { httpStatus: 200, body: { messaging_product: 'whatsapp', invite_link: found.inviteLink } };
  }

  /** `GET /{group-id}?fields=…`: only the fields asked for, the id always. */
  info(groupId: string, authorization: string | undefined, fields: string | undefined): GroupGraphResponse {
    const found = this.#ownGroup(groupId, authorization);
    if ('httpStatus' in found) return found;
    const wanted = new Set((fields ?? '').split(',').map((f) => f.trim()));
    const all: Record<string, unknown> = {
      subject: found.subject,
      description: found.description ?? '',
      join_approval_mode: found.joinApprovalMode,
      suspended: false,
      creation_timestamp: Math.floor(found.createdAt.getTime() / 1000),
      participants: [...found.participants.values()].map((p) => ({ wa_id: p.waId })),
      total_participant_count: found.participants.size,
    };
    const body: Record<string, unknown> = { messaging_product: 'whatsapp', id: found.id };
    for (const [key, value] of Object.entries(all)) if (wanted.has(key)) body[key] = value;
    return { httpStatus: 200, body };
  }

  /** `DELETE /{group-id}`: the group and everyone in it are gone. */
  remove(groupId: string, authorization: string | undefined): GroupGraphResponse {
    const found = this.#ownGroup(groupId, authorization);
    if ('httpStatus' in found) return found;
    const limited = this.#takeOperation(found.phoneNumberId);
    if (limited) return limited;
    found.deleted = true;
    found.participants.clear();
    this.#deps.schedule(20, () =>
      this.#emit(found, 'group_lifecycle_update', {
        timestamp: unixSeconds(this.#deps.now()),
        group_id: found.id,
        type: 'group_delete',
        request_id: this.#deps.random.bytes(12).toString('hex'),
      }),
    );
    return { httpStatus: 200, body: { success: true } };
  }

  /** `DELETE /{group-id}/participants`. */
  removeParticipants(groupId: string, authorization: string | undefined, body: unknown): GroupGraphResponse {
    const found = this.#ownGroup(groupId, authorization);
    if ('httpStatus' in found) return found;
    const parsed = z
      .object({
        participants: z
          .array(z.object({ user: z.string().min(1) }))
          .min(1)
          .max(MAX_GROUP_PARTICIPANTS),
      })
      .safeParse(body);
    if (!parsed.success)
      return invalidParameterError('(#100) Invalid parameter', 'Param participants must list 1 to 8 {user}.');
    const limited = this.#takeOperation(found.phoneNumberId);
    if (limited) return limited;
    const removed: string[] = [];
    for (const { user } of parsed.data.participants) {
      const waId = user.replace(/^\+/, '');
      if (found.participants.delete(waId)) {
        found.removed.add(waId);
        removed.push(user);
      }
    }
    this.#deps.schedule(20, () =>
      this.#emit(found, 'group_participants_update', {
        timestamp: unixSeconds(this.#deps.now()),
        group_id: found.id,
        type: 'group_participants_remove',
        request_id: this.#deps.random.bytes(12).toString('hex'),
        initiated_by: 'business',
        removed_participants: removed.map((input) => ({ input })),
      }),
    );
    return { httpStatus: 200, body: { messaging_product: 'whatsapp', success: true } };
  }

  /**
   * `POST /{phone-number-id}/messages` with `recipient_type: "group"`. Answers null when the body is not
   * a group send (the usual send path takes it).
   */
  send(phoneNumberId: string, authorization: string | undefined, body: unknown): GraphResponse | null {
    if (typeof body !== 'object' || body === null || Reflect.get(body, 'recipient_type') !== 'group')
      return null;
    const refused = this.#checkNumber(phoneNumberId, authorization);
    if (refused) return refused;
    const to = Reflect.get(body, 'to');
    const type = Reflect.get(body, 'type') ?? 'text';
    const group = typeof to === 'string' ? this.#groups.get(to) : undefined;
    if (!group || group.deleted || group.phoneNumberId !== phoneNumberId) {
      return graphErrorWith({
        code: 131041,
        message: '(#131041) Group unknown',
        details: 'The group was not found, either because it doesn’t exist or you are not a member.',
      });
    }
    if (typeof type !== 'string' || !GROUP_MESSAGE_TYPES.has(type)) {
      return graphErrorWith({
        code: 131009,
        message: '(#131009) Parameter value is not valid',
        details: `Param type '${String(type)}' is not supported in groups: text, media and templates only.`,
      });
    }
    if (type === 'text') {
      const text = Reflect.get(body, 'text');
      const textBody = typeof text === 'object' && text !== null ? Reflect.get(text, 'body') : undefined;
      if (typeof textBody !== 'string' || textBody.length === 0 || textBody.length > 4096)
        return invalidParameterError(
          '(#100) Invalid parameter',
          'Param text.body must be 1 to 4096 characters.',
        );
    }
    if (group.participants.size === 0) {
      return graphErrorWith({
        code: 131020,
        message: '(#131020) Bad Group',
        details: 'Cannot send messages to single member groups.',
      });
    }
    const wamid = this.#deps.uniqueWamid(group.id);
    const state = this.#deps.state(phoneNumberId);
    for (const [delay, status] of [
      [30, 'sent'],
      [60, 'delivered'],
    ] as const) {
      this.#deps.schedule(delay, () => {
        if (!state) return;
        void this.#deps.outbox.sendValue(
          state,
          {
            statuses: [
              {
                id: wamid,
                recipient_id: group.id,
                recipient_type: 'group',
                status,
                timestamp: unixSeconds(this.#deps.now()),
              },
            ],
          },
          { kind: 'status', wamid, status },
        );
      });
    }
    state?.sends.push({
      receivedAt: this.#deps.now().toISOString(),
      request: body,
      response: { httpStatus: 200, body: {} },
      wamid,
    });
    return {
      httpStatus: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: group.id, wa_id: group.id }],
        messages: [{ id: wamid }],
      },
    };
  }

  /**
   * A simulated patient taps the invite link (the control API or the demo phone): they join, and the
   * business gets `group_participants_update`. A full group (8) or a removed participant is refused.
   */
  join(input: { inviteLink: string; from: string; name?: string }): { groupId: string } {
    const group = [...this.#groups.values()].find((g) => g.inviteLink === input.inviteLink && !g.deleted);
    if (!group)
      throw new SimulatorError(
        'conflict',
        'inviteLink',
        'this invite link is no longer valid (reset, or the group was deleted)',
      );
    const waId = input.from.replace(/^\+/, '');
    if (!/^\d{5,15}$/.test(waId))
      throw new SimulatorError('invalid_input', 'from', 'must be a phone number in digits');
    if (group.removed.has(waId))
      throw new SimulatorError(
        'conflict',
        'from',
        'was removed from this group and can no longer join by its link',
      );
    if (group.participants.has(waId)) return { groupId: group.id };
    if (group.participants.size >= MAX_GROUP_PARTICIPANTS)
      throw new SimulatorError(
        'conflict',
        'inviteLink',
        `the group is full (${MAX_GROUP_PARTICIPANTS} participants, Meta's limit; 131204 Participant overlimit)`,
      );
    group.participants.set(waId, { waId, name: input.name ?? 'WhatsApp user', joinedAt: this.#deps.now() });
    this.#emit(group, 'group_participants_update', {
      timestamp: unixSeconds(this.#deps.now()),
      group_id: group.id,
      type: 'group_participants_add',
      reason: 'invite_link',
      added_participants: [{ wa_id: waId }],
    });
    return { groupId: group.id };
  }

  /** A participant leaves by themselves: `group_participants_remove`, initiated by the participant. */
  leave(input: { groupId: string; from: string }): void {
    const group = this.#groups.get(input.groupId);
    const waId = input.from.replace(/^\+/, '');
    if (!group?.participants.delete(waId) || !group)
      throw new SimulatorError('conflict', 'from', 'is not a participant of this group');
    this.#emit(group, 'group_participants_update', {
      timestamp: unixSeconds(this.#deps.now()),
      group_id: group.id,
      type: 'group_participants_remove',
      initiated_by: 'participant',
      removed_participants: [{ wa_id: waId }],
    });
  }

  /** A participant writes in the group: a `messages` webhook whose message carries `group_id`. */
  participantSends(input: { groupId: string; from: string; text: string }): { wamid: string } {
    const group = this.#groups.get(input.groupId);
    const waId = input.from.replace(/^\+/, '');
    const participant = group?.participants.get(waId);
    if (!group || group.deleted || !participant)
      throw new SimulatorError('conflict', 'from', 'is not a participant of this group');
    if (input.text.length === 0 || input.text.length > 4096)
      throw new SimulatorError('invalid_input', 'text', 'must be 1 to 4096 characters');
    const state = this.#deps.state(group.phoneNumberId);
    if (!state) throw new SimulatorError('unknown_number', 'groupId', 'its number is gone');
    const wamid = this.#deps.uniqueWamid(waId);
    void this.#deps.outbox.sendValue(
      state,
      {
        contacts: [{ profile: { name: participant.name }, wa_id: waId }],
        messages: [
          {
            from: waId,
            group_id: group.id,
            id: wamid,
            timestamp: unixSeconds(this.#deps.now()),
            text: { body: input.text },
            type: 'text',
          },
        ],
      },
      { kind: 'message', wamid },
    );
    return { wamid };
  }

  #emit(group: SimulatedGroup, field: string, item: Record<string, unknown>): void {
    const state = this.#deps.state(group.phoneNumberId);
    if (!state) return;
    const number = state.number;
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: number.wabaId,
          changes: [
            {
              value: {
                messaging_product: 'whatsapp',
                metadata: {
                  display_phone_number: number.displayPhoneNumber.replace(/^\+/, ''),
                  phone_number_id: number.phoneNumberId,
                },
                groups: [item],
              },
              field,
            },
          ],
        },
      ],
    };
    void this.#deps.outbox.sendPayload(state, payload, {
      kind: 'group_update',
      groupId: group.id,
      type: String(item.type),
    });
  }

  #checkNumber(phoneNumberId: string, authorization: string | undefined): GraphErrorResponse | undefined {
    const state = this.#deps.state(phoneNumberId);
    const refusal = authorizeGraphCall(this.#deps.numbers(), state?.number, phoneNumberId, authorization);
    if (refusal) return refusal;
    if (!state) return objectNotFoundError(phoneNumberId);
    if (this.#noAccess.has(phoneNumberId)) {
      return graphErrorWith({
        code: 131005,
        message: '(#131005) Access denied',
        details:
          'This phone number cannot use the Groups API: groups are for Official Business Accounts on the Cloud API (not the WhatsApp Business app, not Multi-solution Conversations).',
        httpStatus: 403,
      });
    }
    return undefined;
  }

  #ownGroup(groupId: string, authorization: string | undefined): SimulatedGroup | GraphErrorResponse {
    const group = this.#groups.get(groupId);
    if (!group || group.deleted) return objectNotFoundError(groupId, 'get');
    const refused = this.#checkNumber(group.phoneNumberId, authorization);
    return refused ?? group;
  }

  /** 131208 when the number made too many group operations in the window (Meta's threshold is not published). */
  #takeOperation(phoneNumberId: string): GraphErrorResponse | undefined {
    const limit = this.#limits.get(phoneNumberId) ?? { max: 60, windowMs: 60_000 };
    const now = this.#deps.now().getTime();
    const recent = (this.#operations.get(phoneNumberId) ?? []).filter((at) => at > now - limit.windowMs);
    if (recent.length >= limit.max) {
      this.#operations.set(phoneNumberId, recent);
      return graphErrorWith({
        code: 131208,
        message: '(#131208) Group Rate Limit Hit',
        details:
          'Group operation failed because there were too many group operations from this phone number in a short period.',
        httpStatus: 429,
      });
    }
    recent.push(now);
    this.#operations.set(phoneNumberId, recent);
    return undefined;
  }

  #newGroupId(): string {
    let id: string;
    do {
      // Meta's look: base64 of "capi_group:<digits>:<digits>".
      const digits = () => String(BigInt(`0x${this.#deps.random.bytes(6).toString('hex')}`));
      id = Buffer.from(`capi_group:${digits()}:${digits()}`).toString('base64').replace(/=+$/, '');
    } while (this.#groups.has(id));
    return id;
  }

  #newInviteLink(): string {
    return `https://chat.whatsapp.com/${this.#deps.random.bytes(16).toString('base64url').slice(0, 22)}`;
  }
}
