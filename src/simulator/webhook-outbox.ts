import { signMetaPayload } from '../channels/whatsapp/webhook-signature.ts';
import { stringifyLikeMeta } from './meta-json.ts';
import type { NumberState } from './number-state.ts';
import type { ParsedBehaviour } from './simulator-behaviour.ts';
import type {
  WebhookDeliveryRecord,
  WebhookDispatcher,
  WebhookEvent,
  WebhookJob,
} from './webhook-dispatcher.ts';
import { mergeValues, type WebhookValue, webhookEnvelope } from './webhook-envelope.ts';

export interface SendOptions {
  badSignature?: boolean;
  duplicate?: boolean;
}

interface HeldWebhook {
  value: WebhookValue;
  event: WebhookEvent;
  options: SendOptions;
}

/**
 * Turns payloads into signed deliveries for a number: the bytes Meta would send, a duplicate when
 * asked, and — with the `webhookBatch` knob — held back and released as a batch, reversed or combined.
 */
export class WebhookOutbox {
  readonly #dispatcher: WebhookDispatcher;
  readonly #behaviourOf: (state: NumberState) => ParsedBehaviour;
  readonly #held = new Map<string, HeldWebhook[]>();

  constructor(dispatcher: WebhookDispatcher, behaviourOf: (state: NumberState) => ParsedBehaviour) {
    this.#dispatcher = dispatcher;
    this.#behaviourOf = behaviourOf;
  }

  /**
   * A `messages` webhook (inbound message or status). Resolves with its delivery, or with undefined
   * when the batch knob holds it back (its delivery happens when the batch is released).
   */
  sendValue(
    state: NumberState,
    value: WebhookValue,
    event: WebhookEvent,
    options: SendOptions = {},
  ): Promise<WebhookDeliveryRecord | undefined> {
    const batch = this.#behaviourOf(state).webhookBatch;
    if (!batch) return this.sendPayload(state, webhookEnvelope(state.number, value), event, options);
    const held = this.#held.get(state.number.phoneNumberId) ?? [];
    held.push({ value, event, options });
    this.#held.set(state.number.phoneNumberId, held);
    if (held.length >= batch.size) this.flush(state);
    return Promise.resolve(undefined);
  }

  /** Releases what the batch knob holds for the number, in the knob's order and grouping. */
  flush(state: NumberState): void {
    const held = this.#held.get(state.number.phoneNumberId) ?? [];
    this.#held.delete(state.number.phoneNumberId);
    if (held.length === 0) return;
    const batch = this.#behaviourOf(state).webhookBatch;
    const ordered = batch?.order === 'arrival' ? held : [...held].reverse();
    const combine = batch?.combine ?? 'none';
    if (combine === 'none') {
      for (const item of ordered) {
        void this.sendPayload(state, webhookEnvelope(state.number, item.value), item.event, item.options);
      }
      return;
    }
    const values = ordered.map((item) => item.value);
    const payload =
      combine === 'changes'
        ? webhookEnvelope(state.number, ...values)
        : webhookEnvelope(state.number, mergeValues(values));
    const options = {
      badSignature: ordered.some((item) => item.options.badSignature),
      duplicate: ordered.some((item) => item.options.duplicate),
    };
    void this.sendPayload(
      state,
      payload,
      { kind: 'batch', events: ordered.map((item) => item.event) },
      options,
    );
  }

  /** Signs and queues one webhook (twice when duplicates are asked for); resolves with the first delivery. */
  sendPayload(
    state: NumberState,
    payload: unknown,
    event: WebhookEvent,
    options: SendOptions = {},
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
    const duplicate = options.duplicate ?? this.#behaviourOf(state).duplicateWebhooks;
    if (duplicate) state.deliveries.push(this.#dispatcher.deliver({ ...job, duplicate: true }).record);
    return first.settled;
  }

  /** Drops everything held (the simulator is closing). */
  clear(): void {
    this.#held.clear();
  }
}
