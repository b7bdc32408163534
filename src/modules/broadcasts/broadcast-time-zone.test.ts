import { describe, expect, test } from 'vitest';
import { outsideQuietHours, patientTimeZone } from './broadcast-time-zone.ts';

describe('a patient’s time zone', () => {
  test('a custom field naming a zone wins; a bad one is ignored', () => {
    expect(
      patientTimeZone(
        { phone: '+33612345678', customFields: { time_zone: 'America/Montreal' } },
        'Europe/Paris',
      ),
    ).toBe('America/Montreal');
    expect(
      patientTimeZone({ phone: '+33612345678', customFields: { timezone: 'Mars/Olympus' } }, 'Europe/Paris'),
    ).toBe('Europe/Paris');
  });

  test('else the country of the number: its one zone, or the clinic’s when the country has it', () => {
    expect(patientTimeZone({ phone: '+819012345678', customFields: {} }, 'Europe/Paris')).toBe('Asia/Tokyo');
    expect(patientTimeZone({ phone: '+447911123456', customFields: {} }, 'Europe/Paris')).toBe(
      'Europe/London',
    );
    expect(patientTimeZone({ phone: '+12125550123', customFields: {} }, 'America/Chicago')).toBe(
      'America/Chicago',
    );
  });

  test('else the clinic’s', () => {
    expect(patientTimeZone({ phone: null, customFields: {} }, 'Europe/Paris')).toBe('Europe/Paris');
    expect(patientTimeZone({ phone: 'not a number', customFields: {} }, 'Europe/Brussels')).toBe(
      'Europe/Brussels',
    );
  });
});

describe('quiet hours on the patient’s clock', () => {
  const quiet = { start: '20:00', end: '08:00' };

  test('outside them: now', () => {
    const now = new Date('2026-03-02T10:00:00Z'); // 11:00 in Paris
    expect(outsideQuietHours(now, 'Europe/Paris', quiet)).toEqual(now);
  });

  test('in the evening: the next morning at the end; after midnight: that morning', () => {
    expect(outsideQuietHours(new Date('2026-03-02T21:30:00Z'), 'Europe/Paris', quiet).toISOString()).toBe(
      '2026-03-03T07:00:00.000Z',
    );
    expect(outsideQuietHours(new Date('2026-03-03T02:00:00Z'), 'Europe/Paris', quiet).toISOString()).toBe(
      '2026-03-03T07:00:00.000Z',
    );
  });

  test('the same instant is quiet in Paris and not in Tokyo', () => {
    const now = new Date('2026-03-02T21:30:00Z'); // 22:30 Paris, 06:30 Tokyo next day → quiet in both
    expect(outsideQuietHours(now, 'Asia/Tokyo', quiet).toISOString()).toBe('2026-03-02T23:00:00.000Z');
    const noonParis = new Date('2026-03-02T11:00:00Z'); // 12:00 Paris, 20:00 Tokyo
    expect(outsideQuietHours(noonParis, 'Europe/Paris', quiet)).toEqual(noonParis);
    expect(outsideQuietHours(noonParis, 'Asia/Tokyo', quiet).toISOString()).toBe('2026-03-02T23:00:00.000Z');
  });

  test('daytime quiet hours (12:00–14:00) end the same day', () => {
    expect(
      outsideQuietHours(new Date('2026-03-02T11:30:00Z'), 'Europe/Paris', {
        start: '12:00',
        end: '14:00',
      }).toISOString(),
    ).toBe('2026-03-02T13:00:00.000Z');
  });
});
