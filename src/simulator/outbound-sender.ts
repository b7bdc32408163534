import { type GraphErrorResponse, invalidParameterError, whatsAppError } from './graph-error.ts';
import { type ErrorCodes, statusFailure } from './graph-error-codes.ts';
import type { MediaStore } from './media-store.ts';
import type { NumberState } from './number-state.ts';
import type { OutboundMessage } from './outbound-message.schema.ts';
import type { SendRateLimiter } from './send-rate-limiter.ts';
import type { ServiceWindows } from './service-window.ts';
import type { ParsedBehaviour, StatusFailure } from './simulator-behaviour.ts';
import type { GraphResponse, SimulatedMessage } from './simulator-records.ts';
import type { StatusLifecycle } from './status-lifecycle.ts';
import { type Pricing, SERVICE_PRICING } from './status-webhook.ts';
import type { TemplateRegistry } from './template-registry.ts';
import { checkTemplateSend } from './template-send-check.ts';

export interface OutboundSenderDeps {
  now: () => Date;
  codes: ErrorCodes;
  media: MediaStore;
  templates: TemplateRegistry;
  windows: ServiceWindows;
  limiter: SendRateLimiter;
  lifecycle: StatusLifecycle;
  messages: Map<string, SimulatedMessage>;
  isOptedOut: (phoneNumberId: string, waId: string) => boolean;
  isUnreachableLink: (url: string) => boolean;
  uniqueWamid: (user: string) => string;
}

interface MediaReference {
  param: string;
  id?: string;
  link?: string;
}

/**
 * Accepts a valid send the way Meta does: what Graph checks at once (media ids, templates, the pair
 * limit) is answered now; what Meta finds out later (closed window, opt-out, unfetchable link,
 * undeliverable number) is accepted with a wamid and ends in a `failed` status.
 */
export function acceptOutbound(
  deps: OutboundSenderDeps,
  state: NumberState,
  behaviour: ParsedBehaviour,
  request: OutboundMessage,
): GraphResponse {
  const now = deps.now();
  const phoneNumberId = state.number.phoneNumberId;
  const recipientWaId = request.to?.replace(/^\+/, '') ?? null;
  const recipientUserId = recipientWaId === null ? (request.recipient ?? null) : null;
  const to = request.to ?? request.recipient ?? '';
  const recipient = recipientWaId ?? to;

  const references = mediaReferences(request);
  const badId = references.find(
    (ref) => ref.id !== undefined && deps.media.get(ref.id, now)?.phoneNumberId !== phoneNumberId,
  );
  if (badId) {
    return invalidParameterError(
      '(#100) Invalid parameter',
      `Param ${badId.param} '${badId.id}' is not a valid media id for this number: it was never uploaded, was deleted or has expired.`,
    );
  }
  let hydratedBody: string | undefined;
  const template =
    request.type === 'template'
      ? deps.templates.find(state.number.wabaId, request.template.name, request.template.language.code)
      : undefined;
  if (request.type === 'template') {
    const checked = checkTemplateSend(template, request.template, deps.codes);
    if ('error' in checked) return checked.error;
    hydratedBody = checked.hydratedBody;
  }
  if (!deps.limiter.allowPair(phoneNumberId, recipient, behaviour, now)) {
    return pairLimitError(deps.codes);
  }

  const windowOpen = deps.windows.isOpen(phoneNumberId, recipient, now);
  const failure = asyncFailure(deps, behaviour, {
    phoneNumberId,
    template: template?.category,
    windowOpen,
    recipientWaId,
    links: references.flatMap((ref) => (ref.link === undefined ? [] : [ref.link])),
  });
  const pricing: Pricing = template
    ? {
        category: lowerCategory(template.category),
        type: template.category === 'UTILITY' && windowOpen ? 'free_customer_service' : 'regular',
      }
    : SERVICE_PRICING;

  const wamid = deps.uniqueWamid(recipient);
  const message: SimulatedMessage = {
    wamid,
    phoneNumberId,
    type: request.type,
    to,
    recipientWaId,
    recipientUserId,
    text: hydratedBody ?? readableText(request),
    acceptedAt: now.toISOString(),
    status: 'accepted',
    statusHistory: [],
    ...(failure ? { failure: { code: failure.code, title: failure.title } } : {}),
  };
  deps.messages.set(wamid, message);
  deps.lifecycle.start(message, failure ? { ...behaviour, stopAfter: undefined, fail: failure } : behaviour, {
    pricing,
    ...(request.biz_opaque_callback_data === undefined
      ? {}
      : { bizOpaqueCallbackData: request.biz_opaque_callback_data }),
  });
  return {
    httpStatus: 200,
    body: {
      messaging_product: 'whatsapp',
      contacts: [recipientWaId === null ? { input: to, user_id: to } : { input: to, wa_id: recipientWaId }],
      messages: [request.type === 'template' ? { id: wamid, message_status: 'accepted' } : { id: wamid }],
    },
  };
}

function asyncFailure(
  deps: OutboundSenderDeps,
  behaviour: ParsedBehaviour,
  send: {
    phoneNumberId: string;
    template?: string;
    windowOpen: boolean;
    recipientWaId: string | null;
    links: string[];
  },
): StatusFailure | undefined {
  const { codes } = deps;
  if (send.template === undefined && behaviour.enforceServiceWindow && !send.windowOpen) {
    return statusFailure(
      'reengagement',
      codes,
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    );
  }
  // Opt-outs are keyed by wa_id, as Meta's `user_preferences` webhook reports them.
  if (
    send.template === 'MARKETING' &&
    send.recipientWaId !== null &&
    deps.isOptedOut(send.phoneNumberId, send.recipientWaId)
  ) {
    return statusFailure(
      'marketingOptedOut',
      codes,
      'The recipient chose to stop receiving marketing messages from this business.',
    );
  }
  const unreachable = send.links.find((link) => deps.isUnreachableLink(link));
  if (unreachable !== undefined) {
    return statusFailure(
      'mediaUpload',
      codes,
      `Media download error: could not download the media from ${unreachable}.`,
    );
  }
  const failFor = behaviour.failFor;
  if (failFor && send.recipientWaId !== null && failFor.waIds.includes(send.recipientWaId)) {
    return {
      code: failFor.code ?? codes.undeliverable,
      title: failFor.title ?? 'Message undeliverable',
      details: failFor.details ?? 'Message Undeliverable.',
    };
  }
  return undefined;
}

function pairLimitError(codes: ErrorCodes): GraphErrorResponse {
  return whatsAppError(
    'pairRateLimit',
    codes,
    'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
  );
}

/** Every media a send points at, with the parameter name Graph would use in an error. */
function mediaReferences(request: OutboundMessage): MediaReference[] {
  switch (request.type) {
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker': {
      const media = mediaOf(request);
      return [{ param: `${request.type}['id']`, ...media }];
    }
    case 'interactive': {
      const header = request.interactive.header;
      if (!header || header.type === 'text') return [];
      const media =
        header.type === 'image' ? header.image : header.type === 'video' ? header.video : header.document;
      return [{ param: `interactive['header']['${header.type}']['id']`, ...media }];
    }
    case 'template':
      return (request.template.components ?? []).flatMap((component, index) =>
        component.parameters.flatMap((parameter) => {
          const media = parameter.image ?? parameter.video ?? parameter.document;
          return media
            ? [
                {
                  param: `template['components'][${index}]['parameters']['${parameter.type}']['id']`,
                  ...media,
                },
              ]
            : [];
        }),
      );
    default:
      return [];
  }
}

function mediaOf(
  request: Extract<OutboundMessage, { type: 'image' | 'video' | 'audio' | 'document' | 'sticker' }>,
) {
  switch (request.type) {
    case 'image':
      return request.image;
    case 'video':
      return request.video;
    case 'audio':
      return request.audio;
    case 'document':
      return request.document;
    case 'sticker':
      return request.sticker;
  }
}

function readableText(request: OutboundMessage): string {
  switch (request.type) {
    case 'text':
      return request.text.body;
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
      return mediaOf(request).caption ?? '';
    case 'interactive':
      return request.interactive.body.text;
    case 'reaction':
      return request.reaction.emoji;
    case 'location':
      return request.location.name ?? '';
    default:
      return '';
  }
}

function lowerCategory(category: 'MARKETING' | 'UTILITY' | 'AUTHENTICATION'): Pricing['category'] {
  return category === 'MARKETING' ? 'marketing' : category === 'UTILITY' ? 'utility' : 'authentication';
}
