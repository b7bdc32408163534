import { describe, expect, test } from 'vitest';
import { HttpProblem } from '../../platform/http/problem.ts';
import { CalendarParseError } from './availability/ical-busy-times.ts';
import {
  AppointmentStatusConflictError,
  InvalidSchedulingInputError,
  SchedulingNotFoundError,
  SlotUnavailableError,
  UnknownReferenceError,
} from './scheduling-errors.ts';
import { apiField, schedulingProblemOf } from './scheduling-problems.ts';

function problem(error: unknown, where?: 'body' | 'query') {
  const mapped = schedulingProblemOf(error, where);
  if (!(mapped instanceof HttpProblem)) throw new Error('not a problem');
  return { status: mapped.status, fields: mapped.errors.map((e) => e.field) };
}

describe('scheduling problems', () => {
  test('service fields become the request’s fields', () => {
    expect(apiField('body', 'practitionerIds.1')).toBe('body.practitioner_ids.1');
    expect(apiField('body', 'hours.0.end')).toBe('body.hours.0.end');
    expect(apiField('query', 'appointmentTypeKey')).toBe('query.appointment_type_key');
    expect(apiField('body', '')).toBe('body');
  });

  test('each error gets the status a client can act on, naming the field', () => {
    expect(problem(new SchedulingNotFoundError('Appointment'))).toEqual({ status: 404, fields: [] });
    expect(problem(new UnknownReferenceError('contactId', 'is not a contact'))).toEqual({
      status: 400,
      fields: ['body.contact_id'],
    });
    expect(
      problem(
        new InvalidSchedulingInputError([
          { field: 'validTo', message: 'before validFrom' },
          { field: 'exceptions.2.date', message: 'twice' },
        ]),
      ),
    ).toEqual({ status: 400, fields: ['body.valid_to', 'body.exceptions.2.date'] });
    expect(problem(new SlotUnavailableError('2027-06-14T07:00:00Z', 'outside hours'))).toEqual({
      status: 422,
      fields: ['body.start'],
    });
    expect(problem(new AppointmentStatusConflictError('fulfilled', 'cancelled')).status).toBe(409);
    expect(problem(new CalendarParseError('VEVENT x cannot be read'))).toEqual({
      status: 400,
      fields: ['body'],
    });
  });

  test('anything else passes through untouched', () => {
    const error = new Error('database down');
    expect(schedulingProblemOf(error)).toBe(error);
  });
});
