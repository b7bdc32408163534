import type { SendOutcome } from '../channel.ts';
import type { AdapterAccount } from '../channel-adapter.ts';
import type { OutboundMessage } from '../outbound-message.ts';
import { buildWhatsAppSendRequest, UnresolvedReferenceError } from './build-send-request.ts';
import { parseGraphResponse } from './parse-graph-response.ts';
import { postWhatsAppMessage, type WhatsAppGraphAccess } from './post-whatsapp-message.ts';
import {
  DEFAULT_GRAPH_API_VERSION,
  DEFAULT_GRAPH_URL,
  type WhatsAppSecrets,
  type WhatsAppSettings,
} from './whatsapp-account.schema.ts';

/*
 * The WhatsApp Cloud API Groups endpoints Careline uses (developers.facebook.com/documentation/
 * business-messaging/whatsapp/groups/reference and groups-messaging):
 *   POST   /{phone-number-id}/groups        create (subject ≤128, description ≤2048); id + link by webhook
 *   GET    /{phone-number-id}/groups        active groups (Careline's capability check: refused = no access)
 *   GET    /{group-id}/invite_link          the current link; POST resets it (older links stop working)
 *   POST   /{phone-number-id}/messages      recipient_type "group", to = group id: text, media, templates
 * Unverified: the create call's own answer (`request_id`, maybe the group `id`: both are read), and which
 * error code a number without Groups access gets (any refusal of the capability check counts).
 */

type Account = AdapterAccount<WhatsAppSettings, WhatsAppSecrets>;

/** Meta's codes for the Groups API (Groups API error codes), for messages shown to staff. */
export const GROUP_ERROR_CODES = {
  singleMemberGroup: 131020,
  groupUnknown: 131041,
  participantOverlimit: 131204,
  groupSuspended: 131207,
  groupRateLimit: 131208,
  groupCreateLimit: 131211,
} as const;

/** How a Groups call ended: its JSON, or Meta's refusal (code, title, details), or no answer. */
export type GroupCallResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; code: number | null; title: string; detail: string | null; httpStatus: number | null };

export interface WhatsAppGroupsOptions {
  graphUrl?: string;
  apiVersion?: string;
  timeoutMs?: number;
}

/** The Groups API of one WhatsApp adapter, on an account (number) and its token. */
export class WhatsAppGroupsClient {
  readonly #options: WhatsAppGroupsOptions;

  constructor(options: WhatsAppGroupsOptions = {}) {
    this.#options = options;
  }

  /** Asks Meta to create a group; its id and invite link follow in `group_lifecycle_update`. */
  async create(
    account: Account,
    group: { subject: string; description: string | null },
  ): Promise<GroupCallResult & { requestId?: string | null; groupId?: string | null }> {
    const result = await this.#call(account, 'POST', `${account.externalId}/groups`, {
      messaging_product: 'whatsapp',
      subject: group.subject,
      ...(group.description ? { description: group.description } : {}),
      join_approval_mode: 'auto_approve',
    });
    if (!result.ok) return result;
    const requestId = stringOf(result.body.request_id);
    const groupId = stringOf(result.body.id) ?? stringOf(result.body.group_id);
    return { ...result, requestId, groupId };
  }

  /** The capability check: whether the number may use the Groups API at all (lists one active group). */
  async access(account: Account): Promise<GroupCallResult> {
    return this.#call(account, 'GET', `${account.externalId}/groups?limit=1`);
  }

  async inviteLink(account: Account, groupId: string, reset = false): Promise<GroupCallResult> {
    return this.#call(
      account,
      reset ? 'POST' : 'GET',
      `${encodeURIComponent(groupId)}/invite_link`,
      reset ? { messaging_product: 'whatsapp' } : undefined,
    );
  }

  /** Sends to the group: the one-to-one body with `recipient_type: "group"` and the group id as `to`. */
  async send(
    account: Account,
    groupId: string,
    message: OutboundMessage,
    correlationId: string,
  ): Promise<SendOutcome> {
    let body: Record<string, unknown>;
    try {
      body = buildWhatsAppSendRequest(message, { waId: groupId }, { correlationId, providerMediaIds: {} });
    } catch (error) {
      if (!(error instanceof UnresolvedReferenceError)) throw error;
      return { ok: false, disposition: 'fail', code: null, title: error.message, detail: error.field };
    }
    return postWhatsAppMessage(
      this.#access(account),
      { ...body, recipient_type: 'group', to: groupId },
      this.#options.timeoutMs ?? 15_000,
    );
  }

  #access(account: Account): WhatsAppGraphAccess {
    return {
      graphUrl: account.settings.graphUrl ?? this.#options.graphUrl ?? DEFAULT_GRAPH_URL,
      apiVersion: account.settings.apiVersion ?? this.#options.apiVersion ?? DEFAULT_GRAPH_API_VERSION,
      accessToken: account.secrets.accessToken,
      phoneNumberId: account.externalId,
    };
  }

  async #call(account: Account, method: string, path: string, body?: unknown): Promise<GroupCallResult> {
    const access = this.#access(account);
    let response: Response;
    try {
      response = await fetch(`${access.graphUrl}/${access.apiVersion}/${path}`, {
        method,
        headers: {
          authorization: `Bearer ${access.accessToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      return {
        ok: false,
        code: null,
        title: `Could not reach WhatsApp: ${String(error)}`,
        detail: null,
        httpStatus: null,
      };
    }
    const json: unknown = await response.json().catch(() => null);
    const parsed = parseGraphResponse(response.status, json);
    if (!parsed.ok) {
      return {
        ok: false,
        code: parsed.errorCode,
        title: parsed.message ?? `WhatsApp answered HTTP ${response.status}`,
        detail: parsed.details,
        httpStatus: response.status,
      };
    }
    return {
      ok: true,
      body: typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {},
    };
  }
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}
