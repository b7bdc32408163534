import { Temporal } from 'temporal-polyfill';
import { describe, expect, test } from 'vitest';
import { availableSlots } from './available-slots.ts';
import { CalendarParseError, parseBusyTimes } from './ical-busy-times.ts';

function at(localWithOffset: string): string {
  return Temporal.Instant.from(localWithOffset).toString();
}

function ics(...lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Careline tests//EN', ...lines, 'END:VCALENDAR'].join(
    '\r\n',
  );
}

const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function vevent(...lines: string[]): string[] {
  return ['BEGIN:VEVENT', 'DTSTAMP:20270101T000000Z', ...lines, 'END:VEVENT'];
}

// A practitioner's personal calendar as Google Calendar exports it, spring 2027.
const personalCalendar = ics(
  ...PARIS_VTIMEZONE,
  // Every Monday 10:00–11:00 Paris time from 15 March, six times, across the 28 March change.
  ...vevent(
    'UID:standup@example.com',
    'SUMMARY:Team meeting',
    'DTSTART;TZID=Europe/Paris:20270315T100000',
    'DTEND;TZID=Europe/Paris:20270315T110000',
    'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=6',
    'EXDATE;TZID=Europe/Paris:20270322T100000',
  ),
  // The 29 March meeting moved to Tuesday 30 March 15:00.
  ...vevent(
    'UID:standup@example.com',
    'SUMMARY:Team meeting (moved)',
    'RECURRENCE-ID;TZID=Europe/Paris:20270329T100000',
    'DTSTART;TZID=Europe/Paris:20270330T150000',
    'DTEND;TZID=Europe/Paris:20270330T160000',
  ),
  // The 12 April meeting cancelled on its own.
  ...vevent(
    'UID:standup@example.com',
    'RECURRENCE-ID;TZID=Europe/Paris:20270412T100000',
    'DTSTART;TZID=Europe/Paris:20270412T100000',
    'DTEND;TZID=Europe/Paris:20270412T110000',
    'STATUS:CANCELLED',
  ),
  ...vevent(
    'UID:congress@example.com',
    'SUMMARY:Congress',
    'DTSTART;VALUE=DATE:20270331',
    'DTEND;VALUE=DATE:20270402',
  ),
  ...vevent(
    'UID:reminder@example.com',
    'SUMMARY:Call the lab (shown as free)',
    'DTSTART;TZID=Europe/Paris:20270316T090000',
    'DTEND;TZID=Europe/Paris:20270316T120000',
    'TRANSP:TRANSPARENT',
  ),
  ...vevent(
    'UID:dentist@example.com',
    'SUMMARY:Dentist (cancelled)',
    'DTSTART;TZID=Europe/Paris:20270317T140000',
    'DTEND;TZID=Europe/Paris:20270317T150000',
    'STATUS:CANCELLED',
  ),
  ...vevent('UID:gym@example.com', 'SUMMARY:Gym', 'DTSTART:20270318T180000', 'DURATION:PT1H30M'),
  ...vevent('UID:flight@example.com', 'DTSTART:20270319T063000Z', 'DTEND:20270319T090000Z'),
  ...vevent('UID:old@example.com', 'DTSTART:20270101T090000Z', 'DTEND:20270101T100000Z'),
  'BEGIN:VFREEBUSY',
  'UID:fb@example.com',
  'DTSTAMP:20270101T000000Z',
  'FREEBUSY;FBTYPE=BUSY:20270408T080000Z/20270408T090000Z,20270408T120000Z/PT30M',
  'FREEBUSY;FBTYPE=FREE:20270409T080000Z/20270409T170000Z',
  'END:VFREEBUSY',
);

const spring = { from: '2027-03-14T00:00:00Z', to: '2027-04-13T00:00:00Z', timeZone: 'Europe/Paris' };

describe('parseBusyTimes', () => {
  test('reads every kind of busy time in the window, sorted, and leaves free time out', () => {
    expect(parseBusyTimes(personalCalendar, spring)).toEqual([
      { start: at('2027-03-15T10:00+01:00'), end: at('2027-03-15T11:00+01:00') },
      // 22 March is an EXDATE; the transparent 16 March and the cancelled 17 March block nothing.
      { start: at('2027-03-18T18:00+01:00'), end: at('2027-03-18T19:30+01:00') }, // floating: Paris time
      { start: '2027-03-19T06:30:00Z', end: '2027-03-19T09:00:00Z' },
      // 29 March moved to the 30th, after the change to summer time.
      { start: at('2027-03-30T15:00+02:00'), end: at('2027-03-30T16:00+02:00') },
      // All-day 31 March and 1 April: whole local days.
      { start: at('2027-03-31T00:00+02:00'), end: at('2027-04-02T00:00+02:00') },
      { start: at('2027-04-05T10:00+02:00'), end: at('2027-04-05T11:00+02:00') },
      { start: '2027-04-08T08:00:00Z', end: '2027-04-08T09:00:00Z' },
      { start: '2027-04-08T12:00:00Z', end: '2027-04-08T12:30:00Z' },
      // 12 April cancelled alone; 19 April is after the window.
    ]);
  });

  test('expands recurrences only inside the window, however old the series', () => {
    const yearly = ics(
      ...vevent(
        'UID:since-2010@example.com',
        'DTSTART:20100601T120000Z',
        'DTEND:20100601T130000Z',
        'RRULE:FREQ=DAILY',
      ),
    );
    const busy = parseBusyTimes(yearly, {
      from: '2027-06-01T00:00:00Z',
      to: '2027-06-03T00:00:00Z',
      timeZone: 'UTC',
    });
    expect(busy).toEqual([
      { start: '2027-06-01T12:00:00Z', end: '2027-06-01T13:00:00Z' },
      { start: '2027-06-02T12:00:00Z', end: '2027-06-02T13:00:00Z' },
    ]);
  });

  test('a recurring all-day event blocks each local day of the practitioner', () => {
    const dayOff = ics(
      ...vevent('UID:wed@example.com', 'DTSTART;VALUE=DATE:20270602', 'RRULE:FREQ=WEEKLY;COUNT=2'),
    );
    expect(
      parseBusyTimes(dayOff, { ...spring, from: '2027-06-01T00:00:00Z', to: '2027-07-01T00:00:00Z' }),
    ).toEqual([
      { start: at('2027-06-02T00:00+02:00'), end: at('2027-06-03T00:00+02:00') },
      { start: at('2027-06-09T00:00+02:00'), end: at('2027-06-10T00:00+02:00') },
    ]);
    const inNewYork = parseBusyTimes(dayOff, {
      from: '2027-06-01T00:00:00Z',
      to: '2027-06-04T00:00:00Z',
      timeZone: 'America/New_York',
    });
    expect(inNewYork).toEqual([{ start: at('2027-06-02T00:00-04:00'), end: at('2027-06-03T00:00-04:00') }]);
  });

  test('a TZID defined only by its VTIMEZONE (Outlook’s Windows names) uses that definition', () => {
    const outlook = ics(
      'BEGIN:VTIMEZONE',
      'TZID:Romance Standard Time',
      'BEGIN:STANDARD',
      'DTSTART:16010101T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:16010101T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
      ...vevent(
        'UID:outlook@example.com',
        'DTSTART;TZID=Romance Standard Time:20270615T090000',
        'DTEND;TZID=Romance Standard Time:20270615T100000',
        'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
      ),
      ...vevent(
        'UID:outlook-free@example.com',
        'DTSTART;TZID=Romance Standard Time:20270616T090000',
        'DTEND;TZID=Romance Standard Time:20270616T100000',
        'X-MICROSOFT-CDO-BUSYSTATUS:FREE',
      ),
    );
    const june = { from: '2027-06-01T00:00:00Z', to: '2027-07-01T00:00:00Z', timeZone: 'Asia/Kolkata' };
    expect(parseBusyTimes(outlook, june)).toEqual([
      { start: '2027-06-15T07:00:00Z', end: '2027-06-15T08:00:00Z' },
    ]);
  });

  test('an IANA TZID without its VTIMEZONE is read in that zone, not the practitioner’s', () => {
    const bare = ics(
      ...vevent(
        'UID:ny@example.com',
        'DTSTART;TZID=America/New_York:20270615T090000',
        'DTEND;TZID=America/New_York:20270615T100000',
      ),
    );
    const june = { from: '2027-06-01T00:00:00Z', to: '2027-07-01T00:00:00Z', timeZone: 'Europe/Paris' };
    expect(parseBusyTimes(bare, june)).toEqual([
      { start: '2027-06-15T13:00:00Z', end: '2027-06-15T14:00:00Z' },
    ]);
  });

  describe('unreadable files are a CalendarParseError saying what is wrong', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['random text', 'hello, this is not a calendar', /^not a readable iCalendar file: invalid line/],
      ['an empty file', '', /^not an iCalendar file: it must start with BEGIN:VCALENDAR$/],
      ['a vCard', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jane\r\nEND:VCARD', /^not an iCalendar file/],
      [
        'a broken date',
        ics(...vevent('UID:broken@example.com', 'DTSTART:2027xx01T100000Z', 'DTEND:20270601T110000Z')),
        /^VEVENT broken@example\.com cannot be read: Could not extract integer from "xx"/,
      ],
      [
        'an event without DTSTART',
        ics(...vevent('UID:nostart@example.com', 'SUMMARY:?')),
        /^VEVENT nostart@example\.com cannot be read: it has no DTSTART$/,
      ],
    ];
    test.each(cases)('%s', (_name, text, message) => {
      expect(() => parseBusyTimes(text, spring)).toThrow(CalendarParseError);
      expect(() => parseBusyTimes(text, spring)).toThrow(message);
    });
  });
});

describe('busy time from a personal calendar blocks slots', () => {
  test('Mondays at 10:00 are taken except the excluded and the moved ones; the congress closes two days', () => {
    const busy = parseBusyTimes(personalCalendar, spring);
    const slots = availableSlots({
      schedules: [
        {
          practitionerId: 'dr-a',
          locationId: 'loc-1',
          timeZone: 'Europe/Paris',
          hours: ['mon', 'tue', 'wed', 'thu'].flatMap((day) => [
            { day: day as 'mon', start: '09:00', end: '12:00' },
            { day: day as 'mon', start: '14:00', end: '17:00' },
          ]),
        },
      ],
      appointmentType: { durationMinutes: 60 },
      busy,
      now: '2027-03-14T00:00:00Z',
      minimumNoticeMinutes: 0,
      horizonDays: 30,
      slotStepMinutes: 60,
    });
    const taken = (local: string) => !slots.some((slot) => slot.start === at(local));
    expect(taken('2027-03-15T10:00+01:00')).toBe(true);
    expect(taken('2027-03-22T10:00+01:00')).toBe(false); // EXDATE
    expect(taken('2027-03-29T10:00+02:00')).toBe(false); // moved away…
    expect(taken('2027-03-30T15:00+02:00')).toBe(true); // …to here
    expect(taken('2027-04-05T10:00+02:00')).toBe(true);
    expect(taken('2027-03-16T09:00+01:00')).toBe(false); // transparent
    expect(taken('2027-03-17T14:00+01:00')).toBe(false); // cancelled
    const congressDays = slots.filter(
      (slot) => slot.start >= at('2027-03-31T00:00+02:00') && slot.start < at('2027-04-02T00:00+02:00'),
    );
    expect(congressDays).toEqual([]);
    expect(slots.some((slot) => slot.start.startsWith('2027-04-05'))).toBe(true);
  });
});
