import { signMetaPayload } from '../channels/whatsapp/webhook-signature.ts';
import { randomBsuid } from './bsuid.ts';
import { authorizeGraphCall } from './graph-auth.ts';
import { invalidParameterError, objectNotFoundError } from './graph-error.ts';
import { type MarkAsReadRequest, parseGraphSendRequest, type TextSendRequest } from './graph-send-request.ts';
import { inboundTextWebhook } from './inbound-text-webhook.ts';
import { DEFAULT_LIFECYCLE, type LifecycleDelays } from './lifecycle-plan.ts';
import { stringifyLikeMeta } from './meta-json.ts';
import { type PatientMessage, patientMessageSchema } from './patient-message.ts';
import { PendingWork } from './pending-work.ts';
import { type SimulatedNumber, simulatedNumberSchema } from './simulated-number.ts';
import { mergeBehaviour, type SimulatorBehaviour, simulatorBehaviourSchema } from './simulator-behaviour.ts';
import { SimulatorError } from './simulator-error.ts';
import { type SimulatorLogger, silentLogger } from './simulator-logger.ts';
import type {
  GraphResponse,
  InboundRecord,
  PatientSendResult,
  SendRecord,
  SendRecordView,
  SimulatedMessage,
} from './simulator-records.ts';
import { StatusLifecycle } from './status-lifecycle.ts';
import { type StatusEvent, statusWebhook } from './status-webhook.ts';
import { TimerSet } from './timer-set.ts';
import { newWamid } from './wamid.ts';
import {
  DEFAULT_WEBHOOK_RETRY,
  type WebhookDeliveryRecord,
  WebhookDispatcher,
  type WebhookJob,
  type WebhookRetryPolicy,
} from './webhook-dispatcher.ts';

export interface WhatsAppSimulatorOptions {
  /** Delays of sent → delivered → read; defaults 100 / 400 / 1500 ms so a demo looks real. */
  lifecycle?: Partial<LifecycleDelays>;
  /** Webhook retries; defaults 5 attempts, first retry after 250 ms, doubling, 5 s timeout. */
  webhookRetry?: Partial<WebhookRetryPolicy>;
  /** Knobs for every number (each number may override them). */
  behaviour?: SimulatorBehaviour;
  numbers?: SimulatedNumber[];
  /** Clock for webhook timestamps and records. */
  now?: () => Date;
  logger?: SimulatorLogger;
}

interface NumberState {
  number: SimulatedNumber;
  behaviour: SimulatorBehaviour;
  sends: SendRecord[];
  inbound: Map<string, InboundRecord>;
  deliveries: WebhookDeliveryRecord[];
}

/**
 * Plays Meta's WhatsApp Cloud API for Careline: answers Graph send calls, drives each accepted
 * message through signed status webhooks, and delivers simulated patients' messages, all over real
 * HTTP. It knows nothing of Fastify; `simulatorRoutes` adapts it.
 */
export class WhatsAppSimulator {
  readonly #numbers = new Map<string, NumberState>();
  readonly #messages = new Map<string, SimulatedMessage>();
  readonly #now: () => Date;
  readonly #logger: SimulatorLogger;
  readonly #pending = new PendingWork();
  readonly #timers: TimerSet;
  readonly #lifecycle: StatusLifecycle;
  readonly #dispatcher: WebhookDispatcher;
  #behaviour: SimulatorBehaviour;

  constructor(options: WhatsAppSimulatorOptions = {}) {
    this.#now = options.now ?? (() => new Date());
    this.#logger = options.logger ?? silentLogger;
    this.#behaviour = simulatorBehaviourSchema.parse(options.behaviour ?? {});
    this.#timers = new TimerSet(this.#pending);
    this.#lifecycle = new StatusLifecycle({
      timers: this.#timers,
      now: this.#now,
      delays: { ...DEFAULT_LIFECYCLE, ...options.lifecycle },
      emit: (message, event) => this.#emitStatus(message, event),
    });
    this.#dispatcher = new WebhookDispatcher({
      retry: { ...DEFAULT_WEBHOOK_RETRY, ...options.webhookRetry },
      now: this.#now,
      pending: this.#pending,
      logger: this.#logger,
    });
    for (const number of options.numbers ?? []) this.registerNumber(number);
  }

  /** Adds a business number, or replaces its settings (keeping its records) if the id is known. */
  registerNumber(number: SimulatedNumber): void {
    const parsed = simulatedNumberSchema.safeParse(number);
    if (!parsed.success) throw SimulatorError.fromZod(parsed.error);
    const existing = this.#numbers.get(parsed.data.phoneNumberId);
    if (existing) {
      existing.number = parsed.data;
      return;
    }
    this.#numbers.set(parsed.data.phoneNumberId, {
      number: parsed.data,
      behaviour: {},
      sends: [],
      inbound: new Map(),
      deliveries: [],
    });
    this.#logger.info({ phoneNumberId: parsed.data.phoneNumberId }, 'simulated number registered');
  }

  numbers(): SimulatedNumber[] {
    return [...this.#numbers.values()].map((state) => state.number);
  }

  /** Replaces the knobs of one number, or the global ones when no number is given. */
  setBehaviour(behaviour: SimulatorBehaviour, phoneNumberId?: string): void {
    const parsed = simulatorBehaviourSchema.safeParse(behaviour);
    if (!parsed.success) throw SimulatorError.fromZod(parsed.error);
    if (phoneNumberId === undefined) this.#behaviour = parsed.data;
    else this.#state(phoneNumberId).behaviour = parsed.data;
  }

  /** The knobs in force: a number's own merged over the global ones, or the global ones alone. */
  behaviour(phoneNumberId?: string): SimulatorBehaviour {
    if (phoneNumberId === undefined) return this.#behaviour;
    return mergeBehaviour(this.#behaviour, this.#state(phoneNumberId).behaviour);
  }

  /** Every send request the number received, oldest first, with each message's current status. */
  sends(phoneNumberId: string): SendRecordView[] {
    return this.#state(phoneNumberId).sends.map((send) => ({
      ...send,
      ...(send.wamid === undefined ? {} : { status: this.#messages.get(send.wamid)?.status }),
    }));
  }

  /** A message the business sent, by wamid. */
  message(wamid: string): SimulatedMessage | undefined {
    return this.#messages.get(wamid);
  }

  /** What simulated patients sent to the number, oldest first. */
  inboundMessages(phoneNumberId: string): InboundRecord[] {
    return [...this.#state(phoneNumberId).inbound.values()];
  }

  /** Every webhook delivery to the number and its attempts, oldest first. */
  deliveries(phoneNumberId: string): WebhookDeliveryRecord[] {
    return this.#state(phoneNumberId).deliveries;
  }

  /**
   * Answers `POST /{version}/{phoneNumberId}/messages` as Graph would. A token must be one the
   * simulator issued (else 190); a number it does not know, or one that token may not use, is 100/33.
   */
  handleSendRequest(request: {
    phoneNumberId: string;
    authorization?: string;
    body: unknown;
  }): GraphResponse {
    const state = this.#numbers.get(request.phoneNumberId);
    const response = this.#answerSendRequest(state, request);
    state?.sends.push({
      receivedAt: this.#now().toISOString(),
      request: request.body,
      response: { httpStatus: response.httpStatus, body: response.body },
      ...('messages' in response.body ? { wamid: response.body.messages[0]?.id } : {}),
    });
    return response;
  }

  /** A simulated patient writes to the business: Meta's signed inbound webhook is posted to Careline. */
  async patientSends(input: PatientMessage): Promise<PatientSendResult> {
    const parsed = patientMessageSchema.safeParse(input);
    if (!parsed.success) throw SimulatorError.fromZod(parsed.error);
    const message = parsed.data;
    const state = this.#targetNumber(message.phoneNumberId);
    const waId = message.phoneless ? undefined : message.from?.replace(/^\+/, '');
    const bsuid = message.bsuid ?? (message.phoneless ? randomBsuid() : undefined);
    const wamid = this.#uniqueWamid(waId ?? bsuid ?? '');
    const at = this.#now();
    const inbound: InboundRecord = {
      wamid,
      ...(waId === undefined ? {} : { waId }),
      ...(bsuid === undefined ? {} : { bsuid }),
      name: message.name ?? 'WhatsApp user',
      text: message.text,
      sentAt: at.toISOString(),
    };
    state.inbound.set(wamid, inbound);
    const payload = inboundTextWebhook(state.number, { ...inbound, at });
    const delivery = this.#deliver(state, payload, { kind: 'message', wamid }, message);
    const record = await delivery;
    return { wamid, httpStatus: record.attempts.at(-1)?.httpStatus ?? null };
  }

  /** Resolves when no status is scheduled and no webhook delivery is under way. */
  idle(): Promise<void> {
    return this.#pending.idle();
  }

  /** Cancels scheduled statuses and webhook deliveries, and waits for them to wind down. */
  async close(): Promise<void> {
    this.#timers.close();
    this.#dispatcher.close();
    await this.#pending.idle();
  }

  #answerSendRequest(
    state: NumberState | undefined,
    request: { phoneNumberId: string; authorization?: string; body: unknown },
  ): GraphResponse {
    const refusal = authorizeGraphCall(
      this.numbers(),
      state?.number,
      request.phoneNumberId,
      request.authorization,
    );
    if (refusal) return refusal;
    if (!state) return objectNotFoundError(request.phoneNumberId);
    const parsed = parseGraphSendRequest(request.body);
    if ('httpStatus' in parsed) return parsed;
    return parsed.kind === 'text'
      ? this.#acceptText(state, parsed.request)
      : this.#markAsRead(state, parsed.request);
  }

  #acceptText(state: NumberState, request: TextSendRequest): GraphResponse {
    const recipientWaId = request.to?.replace(/^\+/, '') ?? null;
    const recipientUserId = recipientWaId === null ? (request.recipient ?? null) : null;
    const to = request.to ?? request.recipient ?? '';
    const wamid = this.#uniqueWamid(recipientWaId ?? to);
    const message: SimulatedMessage = {
      wamid,
      phoneNumberId: state.number.phoneNumberId,
      to,
      recipientWaId,
      recipientUserId,
      text: request.text.body,
      acceptedAt: this.#now().toISOString(),
      status: 'accepted',
      statusHistory: [],
    };
    this.#messages.set(wamid, message);
    this.#lifecycle.start(
      message,
      mergeBehaviour(this.#behaviour, state.behaviour),
      request.biz_opaque_callback_data,
    );
    return {
      httpStatus: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [recipientWaId === null ? { input: to, user_id: to } : { input: to, wa_id: recipientWaId }],
        messages: [{ id: wamid }],
      },
    };
  }

  #markAsRead(state: NumberState, request: MarkAsReadRequest): GraphResponse {
    const inbound = state.inbound.get(request.message_id);
    if (!inbound) {
      return invalidParameterError(
        '(#100) Invalid parameter',
        `Param message_id: no message '${request.message_id}' was received by this number.`,
      );
    }
    inbound.readAt ??= this.#now().toISOString();
    return { httpStatus: 200, body: { success: true } };
  }

  #emitStatus(message: SimulatedMessage, event: StatusEvent): void {
    const state = this.#state(message.phoneNumberId);
    const payload = statusWebhook(state.number, event);
    void this.#deliver(state, payload, { kind: 'status', wamid: message.wamid, status: event.status }, {});
  }

  /** Signs and queues one webhook (twice when duplicates are asked for); resolves with the first delivery. */
  #deliver(
    state: NumberState,
    payload: unknown,
    event: WebhookJob['event'],
    options: { badSignature?: boolean; duplicate?: boolean },
  ): Promise<WebhookDeliveryRecord> {
    const body = stringifyLikeMeta(payload);
    const badSignature = options.badSignature === true;
    // A wrong but well-formed signature: the receiver must reject it on the HMAC, not on its format.
    const secret = badSignature ? `${state.number.appSecret}-not-the-app-secret` : state.number.appSecret;
    const job: WebhookJob = {
      phoneNumberId: state.number.phoneNumberId,
      url: state.number.webhookUrl,
      body,
      signature: signMetaPayload(body, secret),
      event,
      duplicate: false,
      badSignature,
    };
    const first = this.#dispatcher.deliver(job);
    state.deliveries.push(first.record);
    const duplicate = options.duplicate ?? mergeBehaviour(this.#behaviour, state.behaviour).duplicateWebhooks;
    if (duplicate) state.deliveries.push(this.#dispatcher.deliver({ ...job, duplicate: true }).record);
    return first.settled;
  }

  #state(phoneNumberId: string): NumberState {
    const state = this.#numbers.get(phoneNumberId);
    if (!state)
      throw new SimulatorError('unknown_number', 'phoneNumberId', `no simulated number '${phoneNumberId}'`);
    return state;
  }

  #targetNumber(phoneNumberId: string | undefined): NumberState {
    if (phoneNumberId !== undefined) return this.#state(phoneNumberId);
    const [only, ...others] = this.#numbers.values();
    if (!only || others.length > 0) {
      throw new SimulatorError(
        'invalid_input',
        'phoneNumberId',
        `is required when ${this.#numbers.size} numbers are registered (it may be left out only when there is one)`,
      );
    }
    return only;
  }

  #uniqueWamid(user: string): string {
    let wamid = newWamid(user);
    while (this.#messages.has(wamid) || this.#isInboundWamid(wamid)) wamid = newWamid(user);
    return wamid;
  }

  #isInboundWamid(wamid: string): boolean {
    for (const state of this.#numbers.values()) if (state.inbound.has(wamid)) return true;
    return false;
  }
}
