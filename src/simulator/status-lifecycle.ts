import {
  type LifecycleDelays,
  lifecyclePlan,
  type PlannedStatus,
  type StatusName,
} from './lifecycle-plan.ts';
import type { RandomSource } from './random-source.ts';
import type { ParsedBehaviour } from './simulator-behaviour.ts';
import type { MessageStatus, SimulatedMessage } from './simulator-records.ts';
import type { Pricing, StatusEvent } from './status-webhook.ts';
import type { TimerSet } from './timer-set.ts';

interface StatusLifecycleOptions {
  timers: TimerSet;
  now: () => Date;
  random: RandomSource;
  delays: LifecycleDelays;
  /** Called as each status happens; the simulator turns it into a signed webhook. */
  emit: (message: SimulatedMessage, event: StatusEvent) => void;
}

const RANK: Record<MessageStatus, number> = {
  accepted: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  played: 4,
  failed: 5,
};

/** Moves accepted messages through their statuses on timers, the way a recipient's phone would. */
export class StatusLifecycle {
  readonly #options: StatusLifecycleOptions;
  readonly #conversations = new Map<string, string>();

  constructor(options: StatusLifecycleOptions) {
    this.#options = options;
  }

  /** Plans the message's statuses from the knobs in force now and emits them one after the other. */
  start(
    message: SimulatedMessage,
    behaviour: ParsedBehaviour,
    extras: { bizOpaqueCallbackData?: string; pricing: Pricing },
  ): void {
    const plan = lifecyclePlan(behaviour, this.#options.delays, { playable: message.type === 'audio' });
    this.#run(message, plan, {
      conversationId: this.#conversationId(message, extras.pricing),
      pricing: extras.pricing,
      ...(extras.bizOpaqueCallbackData === undefined
        ? {}
        : { bizOpaqueCallbackData: extras.bizOpaqueCallbackData }),
      ...(behaviour.fail === undefined ? {} : { failure: behaviour.fail }),
    });
  }

  #run(
    message: SimulatedMessage,
    plan: PlannedStatus[],
    common: Pick<StatusEvent, 'conversationId' | 'pricing' | 'bizOpaqueCallbackData' | 'failure'>,
  ): void {
    const [step, ...rest] = plan;
    if (!step) return;
    this.#options.timers.schedule(step.delayMs, () => {
      const at = this.#options.now();
      // Receipts may cross (reorder knob); the message keeps the furthest status it reached.
      if (RANK[step.status] > RANK[message.status]) message.status = step.status;
      message.statusHistory.push({ status: step.status, at: at.toISOString() });
      this.#options.emit(message, {
        ...common,
        wamid: message.wamid,
        status: step.status,
        at,
        recipientWaId: message.recipientWaId,
        recipientUserId: message.recipientUserId,
      });
      this.#run(message, rest, common);
    });
  }

  /** Meta keeps one conversation id per business number, user and category while it is open. */
  #conversationId(message: SimulatedMessage, pricing: Pricing): string {
    const key = `${message.phoneNumberId}:${message.recipientWaId ?? message.recipientUserId}:${pricing.category}`;
    let id = this.#conversations.get(key);
    if (id === undefined) {
      id = this.#options.random.bytes(16).toString('hex');
      this.#conversations.set(key, id);
    }
    return id;
  }
}

export type { StatusName };
