import { randomBytes } from 'node:crypto';
import { call, type Json } from '../../../test/e2e/inbox-support.ts';
import type { TestCareline, TestClinic } from '../../../test/support/test-careline.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { insertContact } from '../contacts/contact.repository.ts';
import type { Keyring } from '../keys/keyring.ts';
import { createAppointmentType } from './appointment-type.service.ts';
import { WEEKDAYS, type WeeklyRange } from './availability/weekly-schedule.ts';
import { createLocation } from './location.service.ts';
import { createPractitioner } from './practitioner.service.ts';
import { createSchedule } from './schedule.service.ts';
import type { AppointmentType, Location, Practitioner } from './scheduling.schema.ts';

/** What the scheduling tests share: a clinic's set-up, patients, and calls to the API. */

/** Every day of the week, 08:00–18:00 local time. */
export const EVERY_DAY: WeeklyRange[] = WEEKDAYS.map((day) => ({ day, start: '08:00', end: '18:00' }));

export interface SchedulingSetup {
  location: Json;
  practitioners: Json[];
  type: Json;
  schedules: Json[];
}

/** Sets a clinic up through the API as an administrator would: a place, practitioners, a type, hours. */
export async function setUpSchedulingApi(
  env: TestCareline,
  clinic: TestClinic,
  options: {
    timeZone?: string;
    practitioners?: Json[];
    type?: Json;
    hours?: WeeklyRange[];
  } = {},
): Promise<SchedulingSetup> {
  const location = await created(env, clinic, '/locations', {
    name: 'Cabinet Voltaire',
    address: '12 boulevard Voltaire, 75011 Paris',
    time_zone: options.timeZone ?? 'Europe/Paris',
  });
  const practitioners: Json[] = [];
  for (const practitioner of options.practitioners ?? [{ name: 'Dr Émilie Martin' }]) {
    practitioners.push(
      await created(env, clinic, '/practitioners', { specialty: 'general_practice', ...practitioner }),
    );
  }
  const type = await created(env, clinic, '/appointment-types', {
    key: `consultation-${randomBytes(3).toString('hex')}`,
    name: { fr: 'Consultation', en: 'Consultation' },
    duration_minutes: 30,
    slot_step_minutes: 30,
    minimum_notice_minutes: 60,
    horizon_days: 30,
    ...options.type,
  });
  const schedules: Json[] = [];
  for (const practitioner of practitioners) {
    schedules.push(
      await created(env, clinic, '/schedules', {
        practitioner_id: practitioner.id,
        location_id: location.id,
        hours: options.hours ?? EVERY_DAY,
      }),
    );
  }
  return { location, practitioners, type, schedules };
}

async function created(env: TestCareline, clinic: TestClinic, path: string, body: Json): Promise<Json> {
  const response = await call(env, clinic, 'POST', path, body);
  if (response.status !== 201)
    throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A patient of the clinic (as the inbox would have created them). */
export async function addPatient(db: DbOrTx, keyring: Keyring, orgId: string, name: string): Promise<string> {
  const contact = await insertContact(db, keyring, {
    orgId,
    displayName: name,
    phone: `+3361${Date.now() % 10_000_000}`,
  });
  return contact.id;
}

export interface SlotJson {
  start: string;
  end: string;
  practitioner: { id: string; name: string };
  location: { id: string; name: string };
  time_zone: string;
}

export async function slotsOf(env: TestCareline, clinic: TestClinic, query: string): Promise<SlotJson[]> {
  const response = await call(env, clinic, 'GET', `/slots?${query}`);
  if (response.status !== 200)
    throw new Error(`GET /slots?${query}: ${response.status} ${JSON.stringify(response.body)}`);
  const { data } = response.body;
  if (!Array.isArray(data)) throw new Error('GET /slots answered no data');
  return data as SlotJson[];
}

/** The same set-up through the services, for tests of the services themselves. */
export async function seedScheduling(
  db: DbOrTx,
  orgId: string,
  options: {
    timeZone?: string;
    practitioners?: Array<{ name: string; specialty?: string; languages?: string[] }>;
    type?: Partial<Parameters<typeof createAppointmentType>[2]>;
    hours?: WeeklyRange[];
  } = {},
): Promise<{ location: Location; practitioners: Practitioner[]; type: AppointmentType }> {
  const location = await createLocation(db, orgId, {
    name: 'Cabinet Voltaire',
    address: '12 boulevard Voltaire, 75011 Paris',
    timeZone: options.timeZone ?? 'Europe/Paris',
  });
  const practitioners: Practitioner[] = [];
  for (const p of options.practitioners ?? [{ name: 'Dr Émilie Martin' }]) {
    const practitioner = await createPractitioner(db, orgId, {
      name: p.name,
      specialty: p.specialty ?? 'general_practice',
      ...(p.languages === undefined ? {} : { languages: p.languages }),
    });
    practitioners.push(practitioner);
    await createSchedule(db, orgId, {
      practitionerId: practitioner.id,
      locationId: location.id,
      hours: options.hours ?? EVERY_DAY,
    });
  }
  const type = await createAppointmentType(db, orgId, {
    key: `consultation-${randomBytes(3).toString('hex')}`,
    name: { fr: 'Consultation', en: 'Consultation' },
    durationMinutes: 30,
    slotStepMinutes: 30,
    minimumNoticeMinutes: 60,
    horizonDays: 30,
    ...options.type,
  });
  return { location, practitioners, type };
}
