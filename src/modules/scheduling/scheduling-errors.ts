import type { AppointmentStatus } from './scheduling.schema.ts';

export type SchedulingThing =
  | 'Practitioner'
  | 'Location'
  | 'Appointment type'
  | 'Schedule'
  | 'Appointment'
  | 'Contact';

/** What was asked for is not the clinic's (or does not exist: the two are never told apart). */
export class SchedulingNotFoundError extends Error {
  readonly what: SchedulingThing;

  constructor(what: SchedulingThing) {
    super(`${what} not found`);
    this.what = what;
    this.name = 'SchedulingNotFoundError';
  }
}

/**
 * An id given in the input names nothing of the clinic's. `field` is the input's key path
 * (`practitionerIds.1`), so that the caller can point at it.
 */
export class UnknownReferenceError extends Error {
  readonly field: string;
  readonly reason: string;

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.field = field;
    this.reason = reason;
    this.name = 'UnknownReferenceError';
  }
}

/** Input the availability rules refuse, each issue with its key path in the input. */
export class InvalidSchedulingInputError extends Error {
  readonly issues: ReadonlyArray<{ field: string; message: string }>;

  constructor(issues: ReadonlyArray<{ field: string; message: string }>) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
    this.issues = issues;
    this.name = 'InvalidSchedulingInputError';
  }
}

export class DuplicateAppointmentTypeKeyError extends Error {
  readonly key: string;

  constructor(key: string) {
    super(`the clinic already has an appointment type with key ${key}`);
    this.key = key;
    this.name = 'DuplicateAppointmentTypeKeyError';
  }
}

/** Someone else booked the time (or an external calendar now blocks it) since it was offered. */
export class SlotTakenError extends Error {
  readonly start: string;

  constructor(start: string) {
    super(`the slot at ${start} is no longer free`);
    this.start = start;
    this.name = 'SlotTakenError';
  }
}

/** The time was never bookable: outside the practitioner's hours, too soon, too far, or off the slot grid. */
export class SlotUnavailableError extends Error {
  readonly start: string;
  readonly reason: string;

  constructor(start: string, reason: string) {
    super(`${start} cannot be booked: ${reason}`);
    this.start = start;
    this.reason = reason;
    this.name = 'SlotUnavailableError';
  }
}

/** The appointment's status does not allow the change (a fulfilled appointment cannot be cancelled). */
export class AppointmentStatusConflictError extends Error {
  readonly current: AppointmentStatus;
  readonly wanted: string;

  constructor(current: AppointmentStatus, wanted: string) {
    super(`an appointment that is ${current} cannot be ${wanted}`);
    this.current = current;
    this.wanted = wanted;
    this.name = 'AppointmentStatusConflictError';
  }
}

/** An uploaded busy calendar while a URL is set: the next refresh would silently replace it. */
export class BusyCalendarUrlSetError extends Error {
  constructor() {
    super('the practitioner’s busy calendar comes from a URL; remove busy_calendar_url to upload a file');
    this.name = 'BusyCalendarUrlSetError';
  }
}
