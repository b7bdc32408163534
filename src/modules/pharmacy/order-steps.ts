import type { DispenseStatus, Fulfilment, OrderStep, ResponseStep } from './pharmacy-vocabulary.ts';

/**
 * Where a pharmacy's answer may take an order from each step. A pharmacy that has everything may say
 * "ready" at once; once ready or on its way, only the handing over is left; the final steps lead nowhere.
 */
const NEXT: Readonly<Record<OrderStep, readonly ResponseStep[]>> = {
  sent: ['available', 'partly_available', 'unavailable', 'ready_for_pickup', 'out_for_delivery', 'declined'],
  available: ['partly_available', 'unavailable', 'ready_for_pickup', 'out_for_delivery', 'declined'],
  // Again partly available: another medicine missing, or a substitute proposed after the first answer.
  partly_available: [
    'available',
    'partly_available',
    'unavailable',
    'ready_for_pickup',
    'out_for_delivery',
    'declined',
  ],
  unavailable: ['available', 'partly_available', 'declined'],
  ready_for_pickup: ['handed_over'],
  out_for_delivery: ['handed_over'],
  handed_over: [],
  declined: [],
  cancelled: [],
};

export const FINAL_STEPS: readonly OrderStep[] = ['handed_over', 'declined', 'cancelled'];

export function isFinal(step: OrderStep): boolean {
  return FINAL_STEPS.includes(step);
}

/** The answers a pharmacy may give now, for an order collected or delivered as `fulfilment` says. */
export function nextSteps(step: OrderStep, fulfilment: Fulfilment): ResponseStep[] {
  return NEXT[step].filter((next) =>
    fulfilment === 'pickup' ? next !== 'out_for_delivery' : next !== 'ready_for_pickup',
  );
}

/** Why a move is refused (null when it is allowed): named so that a 409 says what the order is now. */
export function refusedMove(step: OrderStep, fulfilment: Fulfilment, next: ResponseStep): string | null {
  if (nextSteps(step, fulfilment).includes(next)) return null;
  if (NEXT[step].includes(next))
    return `the order is for ${fulfilment}: ${next} does not apply (current step: ${step})`;
  return `the order is ${step}: it cannot become ${next}`;
}

/** The clinic may cancel until the medicines are handed over (or the pharmacy declined). */
export function cancellable(step: OrderStep): boolean {
  return !isFinal(step);
}

/**
 * The FHIR MedicationDispense status of a step: waiting for the pharmacy is `preparation`, being
 * prepared, ready or on its way is `in-progress`, missing medicines put it `on-hold`.
 */
export function dispenseStatusOf(step: OrderStep): DispenseStatus {
  switch (step) {
    case 'sent':
      return 'preparation';
    case 'available':
    case 'ready_for_pickup':
    case 'out_for_delivery':
      return 'in-progress';
    case 'partly_available':
    case 'unavailable':
      return 'on-hold';
    case 'handed_over':
      return 'completed';
    case 'declined':
      return 'declined';
    case 'cancelled':
      return 'cancelled';
  }
}
