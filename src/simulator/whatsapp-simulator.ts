import { randomBsuid } from './bsuid.ts';
import { stampTrace } from './graph-error.ts';
import { type ErrorCodes, errorCodes } from './graph-error-codes.ts';
import { SimulatedGroups } from './group-graph.ts';
import { type InjectedError, InjectedErrors } from './injected-errors.ts';
import { DEFAULT_LIFECYCLE } from './lifecycle-plan.ts';
import { LineStandIn } from './line/line-stand-in.ts';
import { type MediaDownloadResponse, servedPieces } from './media-download.ts';
import { MediaGraph, type MediaGraphResponse, type MediaUpload } from './media-graph.ts';
import { DEFAULT_MEDIA_LIMITS } from './media-limits.ts';
import { MediaStore } from './media-store.ts';
import { MessengerStandIn } from './messenger/messenger-stand-in.ts';
import type { NumberState } from './number-state.ts';
import { PatientInbox } from './patient-inbox.ts';
import type { PatientMessage } from './patient-message.ts';
import { PendingWork } from './pending-work.ts';
import { type RandomSource, randomSource } from './random-source.ts';
import { SendRateLimiter } from './send-rate-limiter.ts';
import { answerSendRequest, isUnreachableInvalid, type SendRequestDeps } from './send-request-handler.ts';
import { ServiceWindows } from './service-window.ts';
import { type SimulatedNumber, simulatedNumberSchema } from './simulated-number.ts';
import {
  mergeBehaviour,
  type ParsedBehaviour,
  type SimulatorBehaviour,
  simulatorBehaviourSchema,
} from './simulator-behaviour.ts';
import { type SimulatorClock, simulatorClock } from './simulator-clock.ts';
import { SimulatorError } from './simulator-error.ts';
import { type SimulatorLogger, silentLogger } from './simulator-logger.ts';
import type { WhatsAppSimulatorOptions } from './simulator-options.ts';
import type {
  GraphResponse,
  InboundRecord,
  MediaDownloadRecord,
  PatientSendResult,
  SendRecordView,
  SimulatedMessage,
} from './simulator-records.ts';
import { SmsStandIn } from './sms/sms-stand-in.ts';
import { StatusLifecycle } from './status-lifecycle.ts';
import { statusValue } from './status-webhook.ts';
import { TelegramStandIn } from './telegram/telegram-stand-in.ts';
import type { Template, TemplateInput, TemplateStatus } from './template.schema.ts';
import { TemplateGraph, type TemplateListRequest } from './template-graph.ts';
import { TemplateRegistry } from './template-registry.ts';
import { TimerSet } from './timer-set.ts';
import { type TransportFault, type TransportFaultInput, TransportFaults } from './transport-faults.ts';
import type { MarketingPreference } from './user-preferences-webhook.ts';
import { ViberStandIn } from './viber/viber-stand-in.ts';
import { newWamid } from './wamid.ts';
import {
  DEFAULT_WEBHOOK_RETRY,
  type WebhookDeliveryRecord,
  WebhookDispatcher,
} from './webhook-dispatcher.ts';
import { WebhookOutbox } from './webhook-outbox.ts';

export type { WhatsAppSimulatorOptions } from './simulator-options.ts';

/**
 * Plays Meta's WhatsApp Cloud API for Careline: answers Graph calls (sends, media, templates),
 * drives each accepted message through signed status webhooks, and delivers simulated patients'
 * messages, all over real HTTP. It knows nothing of Fastify; `simulatorRoutes` adapts it.
 */
export class WhatsAppSimulator {
  readonly #numbers = new Map<string, NumberState>();
  readonly #messages = new Map<string, SimulatedMessage>();
  readonly #clock: SimulatorClock;
  readonly #random: RandomSource;
  readonly #codes: ErrorCodes;
  readonly #logger: SimulatorLogger;
  readonly #pending = new PendingWork();
  readonly #timers: TimerSet;
  readonly #lifecycle: StatusLifecycle;
  readonly #dispatcher: WebhookDispatcher;
  readonly #outbox: WebhookOutbox;
  readonly #windows = new ServiceWindows();
  readonly #limiter = new SendRateLimiter();
  readonly #injected = new InjectedErrors();
  readonly #transportFaults = new TransportFaults();
  readonly #media: MediaStore;
  readonly #mediaGraph: MediaGraph;
  readonly #templates: TemplateRegistry;
  readonly #templateGraph: TemplateGraph;
  readonly #inbox: PatientInbox;
  readonly #sendDeps: SendRequestDeps;
  #behaviour: ParsedBehaviour;
  /** Telegram's Bot API for Careline's bots, in the same server (its webhooks share the dispatcher). */
  readonly telegram: TelegramStandIn;
  /** LINE's Messaging API for Careline's LINE channels, in the same server (webhooks share the dispatcher). */
  readonly line: LineStandIn;
  /** Twilio's Messaging API for Careline's SMS numbers, in the same server (webhooks share the dispatcher). */
  readonly sms: SmsStandIn;
  /** Viber's REST Bot API for Careline's Viber accounts, in the same server (webhooks share the dispatcher). */
  readonly viber: ViberStandIn;
  /** The Messenger Platform (Pages and Instagram accounts), in the same server. */
  readonly messenger: MessengerStandIn;
  /** WhatsApp groups of the simulated numbers (Cloud API Groups): Graph endpoints, participants, webhooks. */
  readonly groups: SimulatedGroups;

  constructor(options: WhatsAppSimulatorOptions = {}) {
    this.#clock = simulatorClock(options);
    const now = () => this.#clock.now();
    this.#random = randomSource(options.seed);
    this.#codes = errorCodes(options.errorCodes);
    this.#logger = options.logger ?? silentLogger;
    this.#behaviour = simulatorBehaviourSchema.parse(options.behaviour ?? {});
    this.#timers = new TimerSet(this.#pending);
    this.#lifecycle = new StatusLifecycle({
      timers: this.#timers,
      now,
      random: this.#random,
      delays: { ...DEFAULT_LIFECYCLE, ...options.lifecycle },
      emit: (message, event) => {
        const state = this.#state(message.phoneNumberId);
        void this.#outbox.sendValue(state, statusValue(event), {
          kind: 'status',
          wamid: message.wamid,
          status: event.status,
        });
      },
    });
    this.#dispatcher = new WebhookDispatcher({
      retry: { ...DEFAULT_WEBHOOK_RETRY, ...options.webhookRetry },
      now,
      pending: this.#pending,
      logger: this.#logger,
    });
    this.#outbox = new WebhookOutbox(this.#dispatcher, (state) =>
      mergeBehaviour(this.#behaviour, state.behaviour),
    );
    this.#media = new MediaStore(this.#random);
    this.#mediaGraph = new MediaGraph({
      store: this.#media,
      limits: { ...DEFAULT_MEDIA_LIMITS, ...options.mediaLimits },
      codes: this.#codes,
      now,
      numbers: () => this.numbers(),
    });
    this.#templates = new TemplateRegistry(this.#random);
    this.#templateGraph = new TemplateGraph({
      registry: this.#templates,
      outbox: this.#outbox,
      now,
      states: () => [...this.#numbers.values()],
    });
    this.#inbox = new PatientInbox({
      now,
      random: this.#random,
      media: this.#media,
      windows: this.#windows,
      outbox: this.#outbox,
      messages: this.#messages,
      uniqueWamid: (user) => this.#uniqueWamid(user),
      newBsuid: () => randomBsuid(this.#random),
    });
    this.#sendDeps = {
      now,
      codes: this.#codes,
      media: this.#media,
      templates: this.#templates,
      windows: this.#windows,
      limiter: this.#limiter,
      lifecycle: this.#lifecycle,
      messages: this.#messages,
      isOptedOut: (phoneNumberId, waId) => this.#inbox.isOptedOut(phoneNumberId, waId),
      isUnreachableLink: options.isUnreachableLink ?? isUnreachableInvalid,
      uniqueWamid: (user) => this.#uniqueWamid(user),
      numbers: () => this.numbers(),
      injected: this.#injected,
      behaviourOf: (state) => mergeBehaviour(this.#behaviour, state.behaviour),
    };
    this.groups = new SimulatedGroups({
      now,
      random: this.#random,
      outbox: this.#outbox,
      numbers: () => this.numbers(),
      state: (phoneNumberId) => this.#numbers.get(phoneNumberId),
      uniqueWamid: (user) => this.#uniqueWamid(user),
      schedule: (delayMs, task) => this.#timers.schedule(delayMs, task),
    });
    for (const number of options.numbers ?? []) this.registerNumber(number);
    this.telegram = new TelegramStandIn({
      now,
      random: this.#random,
      dispatcher: this.#dispatcher,
      ...(options.telegramLimits ? { limits: options.telegramLimits } : {}),
    });
    this.line = new LineStandIn({ now, random: this.#random, dispatcher: this.#dispatcher });
    this.sms = new SmsStandIn({ now, random: this.#random, dispatcher: this.#dispatcher });
    this.viber = new ViberStandIn({ now, random: this.#random, dispatcher: this.#dispatcher });
    this.messenger = new MessengerStandIn({
      now,
      random: this.#random,
      dispatcher: this.#dispatcher,
      schedule: (delayMs, task) => this.#timers.schedule(delayMs, task),
      ...(options.messengerSendsPerSecond ? { sendsPerSecond: options.messengerSendsPerSecond } : {}),
    });
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
      mediaDownloads: [],
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
  behaviour(phoneNumberId?: string): ParsedBehaviour {
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

  /** The simulator's current time. */
  now(): Date {
    return this.#clock.now();
  }

  /** Moves a controllable clock (`clock: { start }`) forward; refused for other clocks. */
  advanceClock(ms: number): Date {
    if (!this.#clock.advance) {
      throw new SimulatorError(
        'conflict',
        'clock',
        'cannot be moved: create the simulator with clock: { start }',
      );
    }
    return this.#clock.advance(ms);
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
    const group = this.groups.send(request.phoneNumberId, request.authorization, request.body);
    if (group) return stampTrace(group, this.#random);
    const state = this.#numbers.get(request.phoneNumberId);
    const response = answerSendRequest(this.#sendDeps, state, request);
    stampTrace(response, this.#random);
    state?.sends.push({
      receivedAt: this.#clock.now().toISOString(),
      request: request.body,
      response: { httpStatus: response.httpStatus, body: response.body },
      ...('messages' in response.body ? { wamid: response.body.messages[0]?.id } : {}),
    });
    return response;
  }

  /** Gives a Graph answer a trace id from the simulator's random source (seeded runs answer alike). */
  stamp<T extends { body: unknown }>(response: T): T {
    return stampTrace(response, this.#random);
  }

  /** `POST /{version}/{phoneNumberId}/media` (multipart already read by the route). */
  handleMediaUpload(request: MediaUpload): MediaGraphResponse {
    return stampTrace(this.#mediaGraph.upload(request), this.#random);
  }

  /** `GET /{version}/{mediaId}`; `baseUrl` is where the simulator is reachable (for the media URL). */
  handleMediaInfo(request: { mediaId: string; authorization?: string; baseUrl: string }): MediaGraphResponse {
    return stampTrace(
      this.#mediaGraph.info(request.mediaId, request.authorization, request.baseUrl),
      this.#random,
    );
  }

  /** `DELETE /{version}/{mediaId}`. */
  handleMediaDelete(request: { mediaId: string; authorization?: string }): MediaGraphResponse {
    return stampTrace(this.#mediaGraph.delete(request.mediaId, request.authorization), this.#random);
  }

  /** The bytes behind a media URL (Bearer required, 5 minutes), in pieces as the client reads them. */
  handleMediaDownload(request: { token: string; authorization?: string }): MediaDownloadResponse {
    const download = this.#mediaGraph.download(request.token, request.authorization);
    if (download.httpStatus !== 200) return download;
    const { media } = download;
    const record: MediaDownloadRecord = {
      mediaId: media.id,
      startedAt: this.#clock.now().toISOString(),
      size: media.bytes.length,
      bytesServed: 0,
      outcome: 'streaming',
    };
    this.#state(media.phoneNumberId).mediaDownloads.push(record);
    const { cutMediaDownloadsAfterBytes } = this.behaviour(media.phoneNumberId);
    return {
      httpStatus: 200,
      mimeType: media.mimeType,
      size: media.bytes.length,
      pieces: servedPieces(media.bytes, record, cutMediaDownloadsAfterBytes),
    };
  }

  /** Every download of the number's media URLs (patients' files and the business's uploads), oldest first. */
  mediaDownloads(phoneNumberId: string): MediaDownloadRecord[] {
    return this.#state(phoneNumberId).mediaDownloads;
  }

  /** `GET /{version}/{wabaId}/message_templates`, paginated like Graph. */
  handleTemplateList(request: TemplateListRequest) {
    return stampTrace(this.#templateGraph.list(request, this.numbers()), this.#random);
  }

  /** Adds or updates a template; a status change posts `message_template_status_update` to the WABA's numbers. */
  upsertTemplate(input: TemplateInput): Template {
    return this.#templateGraph.upsert(input);
  }

  /** Meta's review changed a template's status (APPROVED, PAUSED, …), with the webhook it sends. */
  setTemplateStatus(wabaId: string, templateId: string, status: TemplateStatus, reason?: string): Template {
    return this.#templateGraph.setStatus(wabaId, templateId, status, reason);
  }

  deleteTemplate(wabaId: string, templateId: string): boolean {
    return this.#templates.delete(wabaId, templateId);
  }

  templates(wabaId: string): Template[] {
    return this.#templates.list(wabaId);
  }

  /** A simulated patient writes to the business: Meta's signed inbound webhook is posted to Careline. */
  patientSends(input: PatientMessage): Promise<PatientSendResult> {
    return this.#inbox.receive(input, (phoneNumberId) => this.#targetNumber(phoneNumberId));
  }

  /** The patient stops or resumes marketing messages: a `user_preferences` webhook, and 131050 while stopped. */
  patientSetsMarketingPreference(input: {
    phoneNumberId?: string;
    from: string;
    value: MarketingPreference;
    name?: string;
  }): Promise<{ httpStatus: number | null }> {
    return this.#inbox.setMarketingPreference(input, (phoneNumberId) => this.#targetNumber(phoneNumberId));
  }

  /** The next sends of a number (or of every number) are refused with these errors, in order. */
  injectErrors(errors: InjectedError[], phoneNumberId?: string): void {
    if (phoneNumberId !== undefined) this.#state(phoneNumberId);
    this.#injected.add(phoneNumberId ?? '*', errors);
  }

  /**
   * The next message sends of a number (or of every number) meet these faults on the way back, in
   * order: the send is handled as usual, only its HTTP answer is late, cut or lost (transport-faults.ts).
   */
  injectTransportFaults(faults: TransportFaultInput[], phoneNumberId?: string): void {
    if (phoneNumberId !== undefined) this.#state(phoneNumberId);
    this.#transportFaults.add(phoneNumberId ?? '*', faults);
  }

  /** The fault this call to `/messages` meets, if it sends a message (a mark-as-read passes). */
  takeTransportFault(phoneNumberId: string, body: unknown): TransportFault | undefined {
    const marksRead = typeof body === 'object' && body !== null && 'status' in body;
    return marksRead ? undefined : this.#transportFaults.take(phoneNumberId);
  }

  /** Releases webhooks the `webhookBatch` knob holds (for one number, or all). */
  flushWebhooks(phoneNumberId?: string): void {
    const states = phoneNumberId === undefined ? [...this.#numbers.values()] : [this.#state(phoneNumberId)];
    for (const state of states) this.#outbox.flush(state);
  }

  /** Resolves when no status is scheduled and no webhook delivery is under way. */
  idle(): Promise<void> {
    return this.#pending.idle();
  }

  /** Cancels scheduled statuses and webhook deliveries, and waits for them to wind down. */
  async close(): Promise<void> {
    this.#timers.close();
    this.#outbox.clear();
    this.#dispatcher.close();
    await this.#pending.idle();
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
    let wamid = newWamid(user, this.#random);
    while (this.#messages.has(wamid) || this.#isInboundWamid(wamid)) wamid = newWamid(user, this.#random);
    return wamid;
  }

  #isInboundWamid(wamid: string): boolean {
    for (const state of this.#numbers.values()) if (state.inbound.has(wamid)) return true;
    return false;
  }
}
