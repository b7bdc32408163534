import { type InboundMedia, inboundMessageValue } from './inbound-message-webhook.ts';
import type { MediaStore } from './media-store.ts';
import { sha256Of } from './media-store.ts';
import type { NumberState } from './number-state.ts';
import { type ParsedPatientMessage, type PatientMessage, patientMessageSchema } from './patient-message.ts';
import type { RandomSource } from './random-source.ts';
import type { ServiceWindows } from './service-window.ts';
import { SimulatorError } from './simulator-error.ts';
import type { InboundRecord, PatientSendResult, SimulatedMessage } from './simulator-records.ts';
import { type MarketingPreference, userPreferencesWebhook } from './user-preferences-webhook.ts';
import type { WebhookOutbox } from './webhook-outbox.ts';

interface PatientInboxDeps {
  now: () => Date;
  random: RandomSource;
  media: MediaStore;
  windows: ServiceWindows;
  outbox: WebhookOutbox;
  messages: Map<string, SimulatedMessage>;
  uniqueWamid: (user: string) => string;
  newBsuid: () => string;
}

type NumberLookup = (phoneNumberId: string | undefined) => NumberState;

const DEFAULT_MIME_TYPES = {
  image: 'image/jpeg',
  video: 'video/mp4',
  audio: 'audio/ogg; codecs=opus',
  document: 'application/pdf',
  sticker: 'image/webp',
} as const;

/** The patients' side: their messages of every kind, and their marketing preferences. */
export class PatientInbox {
  readonly #deps: PatientInboxDeps;
  readonly #optedOut = new Set<string>();

  constructor(deps: PatientInboxDeps) {
    this.#deps = deps;
  }

  /** Validates, stores (media bytes included), opens the service window and posts the webhook. */
  async receive(input: PatientMessage, numberOf: NumberLookup): Promise<PatientSendResult> {
    const parsed = patientMessageSchema.safeParse(input);
    if (!parsed.success) throw SimulatorError.fromZod(parsed.error);
    const message = parsed.data;
    const state = numberOf(message.phoneNumberId);
    this.#checkReferences(state, message);
    const waId = message.phoneless ? undefined : message.from?.replace(/^\+/, '');
    const bsuid = message.bsuid ?? (message.phoneless ? this.#deps.newBsuid() : undefined);
    const at = this.#deps.now();
    const media = this.#storeMedia(state, message, at);
    const wamid = message.wamid ?? this.#deps.uniqueWamid(waId ?? bsuid ?? '');
    const name = message.name ?? 'WhatsApp user';
    const record: InboundRecord = {
      wamid,
      type: message.type,
      ...(waId === undefined ? {} : { waId }),
      ...(bsuid === undefined ? {} : { bsuid }),
      name,
      text: readableText(message),
      ...(media ? { mediaId: media.id } : {}),
      sentAt: at.toISOString(),
    };
    state.inbound.set(wamid, record);
    const newWaId = message.type === 'system' ? message.newPhone.replace(/^\+/, '') : undefined;
    this.#deps.windows.userWrote(state.number.phoneNumberId, [waId, bsuid, newWaId], at);
    const value = inboundMessageValue(state.number, {
      wamid,
      at,
      ...(waId === undefined ? {} : { waId }),
      ...(bsuid === undefined ? {} : { bsuid }),
      name,
      message,
      ...(media ? { media } : {}),
    });
    const delivery = await this.#deps.outbox.sendValue(
      state,
      value,
      { kind: 'message', wamid },
      {
        ...(message.badSignature === undefined ? {} : { badSignature: message.badSignature }),
        ...(message.duplicate === undefined ? {} : { duplicate: message.duplicate }),
      },
    );
    return {
      wamid,
      httpStatus: delivery?.attempts.at(-1)?.httpStatus ?? null,
      ...(media ? { mediaId: media.id } : {}),
    };
  }

  async setMarketingPreference(
    input: { phoneNumberId?: string; from: string; value: MarketingPreference; name?: string },
    numberOf: NumberLookup,
  ): Promise<{ httpStatus: number | null }> {
    if (input.value !== 'stop' && input.value !== 'resume') {
      throw new SimulatorError('invalid_input', 'value', "must be 'stop' or 'resume'");
    }
    const waId = input.from.replace(/[\s().+-]/g, '');
    if (!/^\d{6,15}$/.test(waId)) {
      throw new SimulatorError('invalid_input', 'from', 'must be a phone number in international format');
    }
    const state = numberOf(input.phoneNumberId);
    const key = `${state.number.phoneNumberId}:${waId}`;
    if (input.value === 'stop') this.#optedOut.add(key);
    else this.#optedOut.delete(key);
    const payload = userPreferencesWebhook(
      state.number,
      { waId, name: input.name ?? 'WhatsApp user' },
      input.value,
      this.#deps.now(),
    );
    const delivery = await this.#deps.outbox.sendPayload(state, payload, {
      kind: 'user_preferences',
      waId,
      value: input.value,
    });
    return { httpStatus: delivery.attempts.at(-1)?.httpStatus ?? null };
  }

  isOptedOut(phoneNumberId: string, waId: string): boolean {
    return this.#optedOut.has(`${phoneNumberId}:${waId}`);
  }

  #storeMedia(state: NumberState, message: ParsedPatientMessage, at: Date): InboundMedia | undefined {
    if (!('bytes' in message)) return undefined;
    const bytes =
      typeof message.bytes === 'string' ? Buffer.from(message.bytes, 'base64') : Buffer.from(message.bytes);
    const mimeType = message.mimeType ?? DEFAULT_MIME_TYPES[message.type];
    const stored = this.#deps.media.add({
      phoneNumberId: state.number.phoneNumberId,
      kind: message.type,
      bytes,
      mimeType,
      origin: 'webhook',
      createdAt: at,
    });
    return { id: stored.id, mimeType, sha256: sha256Of(bytes, 'base64') };
  }

  /** Replies and reactions must point at messages this number exchanged, as they would at Meta. */
  #checkReferences(state: NumberState, message: ParsedPatientMessage): void {
    const phoneNumberId = state.number.phoneNumberId;
    const isBusinessMessage = (wamid: string) =>
      this.#deps.messages.get(wamid)?.phoneNumberId === phoneNumberId;
    const isKnown = (wamid: string) => isBusinessMessage(wamid) || state.inbound.has(wamid);
    const refuse = (field: string, wamid: string, what: string) => {
      throw new SimulatorError(
        'unknown_message',
        field,
        `'${wamid}' is not ${what} of number ${phoneNumberId}`,
      );
    };
    switch (message.type) {
      case 'button_reply':
      case 'list_reply':
      case 'button':
        if (message.replyTo !== undefined && !isBusinessMessage(message.replyTo))
          refuse('replyTo', message.replyTo, 'a message the business sent');
        return;
      case 'reaction':
        if (!isKnown(message.messageId)) refuse('messageId', message.messageId, 'a message');
        return;
      case 'edit':
      case 'revoke':
        if (!state.inbound.has(message.originalMessageId))
          refuse('originalMessageId', message.originalMessageId, 'a message the patient sent');
        return;
      default:
        if ('replyTo' in message && message.replyTo !== undefined && !isKnown(message.replyTo))
          refuse('replyTo', message.replyTo, 'a message');
    }
  }
}

function readableText(message: ParsedPatientMessage): string {
  switch (message.type) {
    case 'text':
    case 'edit':
    case 'button':
      return message.text;
    case 'image':
    case 'video':
    case 'document':
      return message.caption ?? '';
    case 'button_reply':
    case 'list_reply':
      return message.title;
    case 'reaction':
      return message.emoji;
    case 'location':
      return message.name ?? `${message.latitude},${message.longitude}`;
    default:
      return '';
  }
}
