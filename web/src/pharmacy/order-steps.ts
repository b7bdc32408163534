import type { OrderStep } from '../api/pharmacy-api.ts';

/** The colour of an order's badge at each step. */
export const STEP_COLORS: Record<OrderStep, string> = {
  sent: 'blue',
  available: 'teal',
  partly_available: 'yellow',
  unavailable: 'red',
  ready_for_pickup: 'green',
  out_for_delivery: 'indigo',
  handed_over: 'gray',
  declined: 'red',
  cancelled: 'gray',
};

const FINAL: readonly OrderStep[] = ['handed_over', 'declined', 'cancelled'];

/** The clinic may cancel until the medicines are handed over or the pharmacy declined. */
export function canCancel(step: OrderStep): boolean {
  return !FINAL.includes(step);
}
