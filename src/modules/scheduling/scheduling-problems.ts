import { STATUS_CODES } from 'node:http';
import type { FastifyReply } from 'fastify';
import { HttpProblem } from '../../platform/http/problem.ts';
import { CalendarParseError } from './availability/ical-busy-times.ts';
import {
  AppointmentStatusConflictError,
  BusyCalendarUrlSetError,
  DuplicateAppointmentTypeKeyError,
  InvalidSchedulingInputError,
  SchedulingNotFoundError,
  type SlotTakenError,
  SlotUnavailableError,
  UnknownReferenceError,
} from './scheduling-errors.ts';

/**
 * The scheduling services' errors as problem+json naming the field at fault. Service fields are the
 * input's keys (`practitionerIds.1`); the API's are the request's (`body.practitioner_ids.1`).
 * Anything else is passed on unchanged.
 */
export function schedulingProblemOf(error: unknown, where: 'body' | 'query' = 'body'): unknown {
  if (error instanceof SchedulingNotFoundError) return HttpProblem.notFound(error.what);
  if (error instanceof UnknownReferenceError)
    return HttpProblem.badField(apiField(where, error.field), error.reason);
  if (error instanceof InvalidSchedulingInputError) {
    const errors = error.issues.map((i) => ({ field: apiField(where, i.field), message: i.message }));
    return new HttpProblem(400, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  if (error instanceof DuplicateAppointmentTypeKeyError) {
    return new HttpProblem(409, `body.key: the clinic already has an appointment type “${error.key}”`, [
      { field: 'body.key', message: 'is already the key of an appointment type' },
    ]);
  }
  if (error instanceof SlotUnavailableError) {
    return new HttpProblem(422, `body.start: ${error.reason}`, [
      { field: 'body.start', message: error.reason },
    ]);
  }
  if (error instanceof AppointmentStatusConflictError) {
    return new HttpProblem(409, `The appointment is ${error.current}: it cannot be ${error.wanted}`);
  }
  if (error instanceof BusyCalendarUrlSetError) {
    return new HttpProblem(409, error.message, [
      { field: 'busy_calendar_url', message: 'is set: the calendar is fetched from it' },
    ]);
  }
  if (error instanceof CalendarParseError) {
    return new HttpProblem(400, `body: ${error.message}`, [{ field: 'body', message: error.message }]);
  }
  return error;
}

/**
 * 409 with `code: "slot_taken"` (an RFC 9457 extension member), so that a client can tell "someone
 * was quicker, pick another time" from other conflicts without reading the text.
 */
export function sendSlotTaken(reply: FastifyReply, error: SlotTakenError): FastifyReply {
  const message = 'is no longer free: someone booked it, choose another time';
  return reply
    .code(409)
    .type('application/problem+json')
    .serializer(JSON.stringify)
    .send({
      type: 'about:blank',
      title: STATUS_CODES[409],
      status: 409,
      code: 'slot_taken',
      detail: `body.start: the slot at ${error.start} ${message}`,
      errors: [{ field: 'body.start', message }],
    });
}

/** The service's result, or its error as a problem (see `schedulingProblemOf`). */
export async function orProblem<T>(work: Promise<T>, where: 'body' | 'query' = 'body'): Promise<T> {
  return work.catch((error: unknown) => {
    throw schedulingProblemOf(error, where);
  });
}

/** `practitionerIds.1` → `body.practitioner_ids.1`. */
export function apiField(where: 'body' | 'query', field: string): string {
  const snake = field
    .split('.')
    .map((part) => part.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`))
    .join('.');
  return snake === '' ? where : `${where}.${snake}`;
}
