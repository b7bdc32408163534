import type { OrderStep } from './pharmacy-vocabulary.ts';

export class PharmacyNotFoundError extends Error {
  constructor() {
    super('pharmacy not found');
    this.name = 'PharmacyNotFoundError';
  }
}

export class OrderNotFoundError extends Error {
  constructor() {
    super('prescription order not found');
    this.name = 'OrderNotFoundError';
  }
}

/** A move the order's step does not allow: answered 409, naming the step the order is at. */
export class OrderStepConflictError extends Error {
  readonly current: OrderStep;

  constructor(current: OrderStep, message: string) {
    super(message);
    this.current = current;
    this.name = 'OrderStepConflictError';
  }
}

/** Bad input found by the service (a field that names a thing of another clinic…): answered 400. */
export class OrderFieldError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
    this.name = 'OrderFieldError';
  }
}

/** Only a pharmacy's org answers orders; a clinic has none to answer. */
export class NotAPharmacyError extends Error {
  constructor() {
    super('only a pharmacy’s organisation receives prescription orders');
    this.name = 'NotAPharmacyError';
  }
}
