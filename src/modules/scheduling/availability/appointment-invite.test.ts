import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { appointmentInvite } from './appointment-invite.ts';
import { appointmentsCalendar } from './appointments-calendar.ts';
import type { CalendarAppointment } from './calendar-appointment.ts';

const booked: CalendarAppointment = {
  id: '8f1c2a',
  start: '2027-06-14T07:00:00Z',
  end: '2027-06-14T07:30:00Z',
  status: 'booked',
  summary: 'Rendez-vous avec Dr Martin',
  location: { name: 'Cabinet Voltaire', address: '12 boulevard Voltaire, 75011 Paris' },
};

const options = {
  organizer: { name: 'Cabinet Voltaire', email: 'rdv@cabinet-voltaire.example' },
  timeZone: 'Europe/Paris',
  now: '2027-06-01T09:00:00Z',
};

function onlyEvent(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const [component] = events;
  return { calendar, event: new ICAL.Event(component) };
}

describe('appointmentInvite', () => {
  test('is one event with the summary, times, place with address and organizer', () => {
    const { calendar, event } = onlyEvent(appointmentInvite(booked, options));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(event.summary).toBe('Rendez-vous avec Dr Martin');
    expect(event.startDate.toUnixTime()).toBe(Date.parse('2027-06-14T07:00:00Z') / 1000);
    expect(event.endDate.toUnixTime()).toBe(Date.parse('2027-06-14T07:30:00Z') / 1000);
    expect(event.location).toBe('Cabinet Voltaire\n12 boulevard Voltaire, 75011 Paris');
    const organizer = event.component.getFirstProperty('organizer');
    expect(organizer?.getParameter('cn')).toBe('Cabinet Voltaire');
    expect(organizer?.getFirstValue()).toBe('mailto:rdv@cabinet-voltaire.example');
    expect(event.attendees).toEqual([]);
  });

  test('carries the caller’s text in the patient’s language', () => {
    const { event } = onlyEvent(
      appointmentInvite({ ...booked, summary: 'Appointment with Dr Martin' }, options),
    );
    expect(event.summary).toBe('Appointment with Dr Martin');
  });

  test('as an e-mail invitation it is a REQUEST with the patient as attendee asked to reply', () => {
    const text = appointmentInvite(booked, {
      ...options,
      method: 'REQUEST',
      attendee: { name: 'Jeanne Dupont', email: 'jeanne@example.org' },
    });
    const { calendar, event } = onlyEvent(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const [attendee] = event.attendees;
    expect(attendee?.getParameter('cn')).toBe('Jeanne Dupont');
    expect(attendee?.getParameter('rsvp')).toBe('TRUE');
    // URI schemes are case-insensitive; ical-generator writes MAILTO for attendees.
    expect(String(attendee?.getFirstValue()).toLowerCase()).toBe('mailto:jeanne@example.org');
  });

  test('has the UID the practitioner’s feed gives the same appointment', () => {
    const { event } = onlyEvent(appointmentInvite(booked, options));
    const feed = new ICAL.Component(
      ICAL.parse(appointmentsCalendar({ practitionerName: 'Dr Martin', appointments: [booked], ...options })),
    );
    expect(event.uid).toBe('8f1c2a@careline');
    expect(feed.getFirstSubcomponent('vevent')?.getFirstPropertyValue('uid')).toBe(event.uid);
  });

  test('a cancelled appointment is sent as cancelled with its new sequence', () => {
    const { event } = onlyEvent(appointmentInvite({ ...booked, status: 'cancelled', sequence: 1 }, options));
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(1);
  });
});
