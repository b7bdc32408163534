import { randomBytes } from 'node:crypto';
import { type LifecycleDelays, lifecyclePlan, type PlannedStatus } from './lifecycle-plan.ts';
import type { SimulatorBehaviour } from './simulator-behaviour.ts';
import type { SimulatedMessage } from './simulator-records.ts';
import type { StatusEvent } from './status-webhook.ts';
import type { TimerSet } from './timer-set.ts';

interface StatusLifecycleOptions {
  timers: TimerSet;
  now: () => Date;
  delays: LifecycleDelays;
  /** Called as each status happens; the simulator turns it into a signed webhook. */
  emit: (message: SimulatedMessage, event: StatusEvent) => void;
}

/** Moves accepted messages through their statuses on timers, the way a recipient's phone would. */
export class StatusLifecycle {
  readonly #options: StatusLifecycleOptions;
  readonly #conversations = new Map<string, string>();

  constructor(options: StatusLifecycleOptions) {
    this.#options = options;
  }

  /** Plans the message's statuses from the knobs in force now and emits them one after the other. */
  start(message: SimulatedMessage, behaviour: SimulatorBehaviour, bizOpaqueCallbackData?: string): void {
    this.#run(message, lifecyclePlan(behaviour, this.#options.delays), {
      conversationId: this.#conversationId(message),
      ...(bizOpaqueCallbackData === undefined ? {} : { bizOpaqueCallbackData }),
      ...(behaviour.fail === undefined ? {} : { failure: behaviour.fail }),
    });
  }

  #run(
    message: SimulatedMessage,
    plan: PlannedStatus[],
    common: Pick<StatusEvent, 'conversationId' | 'bizOpaqueCallbackData' | 'failure'>,
  ): void {
    const [step, ...rest] = plan;
    if (!step) return;
    this.#options.timers.schedule(step.delayMs, () => {
      const at = this.#options.now();
      message.status = step.status;
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

  /** Meta keeps one conversation id per business number and user while the service window is open. */
  #conversationId(message: SimulatedMessage): string {
    const key = `${message.phoneNumberId}:${message.recipientWaId ?? message.recipientUserId}`;
    let id = this.#conversations.get(key);
    if (id === undefined) {
      id = randomBytes(16).toString('hex');
      this.#conversations.set(key, id);
    }
    return id;
  }
}
