import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { appointmentsCalendar } from './appointments-calendar.ts';
import type { CalendarAppointment } from './calendar-appointment.ts';

const appointments: CalendarAppointment[] = [
  {
    id: 'a1',
    // Monday after the change to summer time: 09:00 Paris.
    start: '2027-03-29T07:00:00Z',
    end: '2027-03-29T07:30:00Z',
    status: 'booked',
    summary: 'Consultation — Mme Dupont; suivi, bilan',
    location: { name: 'Cabinet Voltaire', address: '12 boulevard Voltaire\n75011 Paris' },
    description: 'Première visite.\nApporter la carte Vitale.',
    updatedAt: '2027-03-20T10:00:00Z',
  },
  {
    id: 'a2',
    start: '2027-10-31T09:00:00+01:00',
    end: '2027-10-31T09:45:00+01:00',
    status: 'cancelled',
    summary: 'Consultation',
    sequence: 2,
  },
  {
    id: 'a3',
    start: '2027-04-01T08:00:00Z',
    end: '2027-04-01T08:30:00Z',
    status: 'entered-in-error',
    summary: 'x',
  },
  {
    id: 'a4',
    start: '2027-04-02T08:00:00Z',
    end: '2027-04-02T08:30:00Z',
    status: 'pending',
    summary: 'Téléconsultation',
  },
];

function feed(now = '2027-03-21T12:00:00Z'): string {
  return appointmentsCalendar({
    practitionerName: 'Dr Émilie Martin',
    appointments,
    timeZone: 'Europe/Paris',
    now,
  });
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: new Date(event.startDate.toUnixTime() * 1000).toISOString(),
      end: new Date(event.endDate.toUnixTime() * 1000).toISOString(),
      summary: event.summary,
      status: component.getFirstPropertyValue('status'),
      transparency: component.getFirstPropertyValue('transp'),
      sequence: event.sequence,
      stamp: String(component.getFirstPropertyValue('dtstamp')),
    };
  });
  return { calendar, events };
}

describe('appointmentsCalendar', () => {
  test('is a published feed named after the practitioner, in their zone', () => {
    const { calendar } = parse(feed());
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Dr Émilie Martin');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Paris');
  });

  test('parses back with the same instants, texts and statuses; entered-in-error is left out', () => {
    const { events } = parse(feed());
    expect(events.map(({ stamp: _stamp, ...event }) => event)).toEqual([
      {
        uid: 'a1@careline',
        start: '2027-03-29T07:00:00.000Z',
        end: '2027-03-29T07:30:00.000Z',
        summary: 'Consultation — Mme Dupont; suivi, bilan',
        status: 'CONFIRMED',
        transparency: 'OPAQUE',
        sequence: 0,
      },
      {
        uid: 'a2@careline',
        start: '2027-10-31T08:00:00.000Z',
        end: '2027-10-31T08:45:00.000Z',
        summary: 'Consultation',
        status: 'CANCELLED',
        transparency: 'TRANSPARENT',
        sequence: 2,
      },
      {
        uid: 'a4@careline',
        start: '2027-04-02T08:00:00.000Z',
        end: '2027-04-02T08:30:00.000Z',
        summary: 'Téléconsultation',
        status: 'TENTATIVE',
        transparency: 'OPAQUE',
        sequence: 0,
      },
    ]);
  });

  test('carries location, address and description line breaks intact', () => {
    const event = new ICAL.Event(parse(feed()).calendar.getFirstSubcomponent('vevent') ?? undefined);
    expect(event.location).toBe('Cabinet Voltaire\n12 boulevard Voltaire\n75011 Paris');
    expect(event.description).toBe('Première visite.\nApporter la carte Vitale.');
  });

  test('UIDs stay the same from one fetch to the next, so subscribers update instead of duplicating', () => {
    const first = parse(feed('2027-03-21T12:00:00Z')).events;
    const later = parse(feed('2027-03-22T08:15:00Z')).events;
    expect(later.map((event) => event.uid)).toEqual(first.map((event) => event.uid));
    expect(first[0]?.stamp).toBe('2027-03-21T12:00:00Z');
    expect(later[0]?.stamp).toBe('2027-03-22T08:15:00Z');
  });

  test('an empty list is still a valid, subscribable calendar', () => {
    const text = appointmentsCalendar({
      practitionerName: 'Dr A',
      appointments: [],
      timeZone: 'Asia/Kolkata',
      now: '2027-01-01T00:00:00Z',
    });
    const { calendar, events } = parse(text);
    expect(events).toEqual([]);
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Kolkata');
  });
});
