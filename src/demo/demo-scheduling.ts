import { createAppointmentType } from '../modules/scheduling/appointment-type.service.ts';
import type { WeeklyRange } from '../modules/scheduling/availability/weekly-schedule.ts';
import { createLocation } from '../modules/scheduling/location.service.ts';
import { createPractitioner } from '../modules/scheduling/practitioner.service.ts';
import { createSchedule } from '../modules/scheduling/schedule.service.ts';
import type { DbOrTx } from '../platform/db/db.ts';

/** What the rest of the demo books into. */
export interface DemoAgenda {
  locationId: string;
  timeZone: string;
  /** Dr Sophie Martin, general practice, Monday to Friday. */
  generalPractitionerId: string;
  consultationTypeId: string;
  consultationMinutes: number;
}

const weekdays = (days: WeeklyRange['day'][], ranges: Array<[string, string]>): WeeklyRange[] =>
  days.flatMap((day) => ranges.map(([start, end]) => ({ day, start, end })));

/**
 * The demo clinic's agenda: one place, three practitioners with their weekly hours, and a 20-minute
 * consultation, so a patient can book by chat from the first minute.
 */
export async function seedDemoScheduling(db: DbOrTx, orgId: string): Promise<DemoAgenda> {
  const location = await createLocation(db, orgId, {
    name: 'Clinique du Parc',
    address: '12 rue des Lilas, 75011 Paris',
    timeZone: 'Europe/Paris',
  });
  const team = [
    {
      name: 'Dr Sophie Martin',
      specialty: 'general_practice',
      languages: ['fr', 'en'],
      hours: weekdays(
        ['mon', 'tue', 'wed', 'thu', 'fri'],
        [
          ['08:30', '12:30'],
          ['14:00', '18:30'],
        ],
      ),
    },
    {
      name: 'Dr Karim Benali',
      specialty: 'paediatrics',
      languages: ['fr'],
      hours: weekdays(
        ['mon', 'tue', 'thu'],
        [
          ['09:00', '12:00'],
          ['14:00', '17:00'],
        ],
      ),
    },
    {
      name: 'Dr Léa Dubois',
      specialty: 'dermatology',
      languages: ['fr', 'en'],
      hours: weekdays(['wed', 'fri', 'sat'], [['09:00', '13:00']]),
    },
  ];
  const practitionerIds: string[] = [];
  for (const member of team) {
    const practitioner = await createPractitioner(db, orgId, {
      name: member.name,
      specialty: member.specialty,
      languages: member.languages,
    });
    await createSchedule(db, orgId, {
      practitionerId: practitioner.id,
      locationId: location.id,
      hours: member.hours,
    });
    practitionerIds.push(practitioner.id);
  }
  const consultation = await createAppointmentType(db, orgId, {
    key: 'consultation',
    name: { fr: 'Consultation', en: 'Consultation' },
    durationMinutes: 20,
    bufferAfterMinutes: 0,
    minimumNoticeMinutes: 60,
    horizonDays: 60,
    slotStepMinutes: 20,
  });
  const [generalPractitionerId] = practitionerIds;
  if (generalPractitionerId === undefined) throw new Error('the demo agenda has no practitioner');
  return {
    locationId: location.id,
    timeZone: location.timeZone,
    generalPractitionerId,
    consultationTypeId: consultation.id,
    consultationMinutes: consultation.durationMinutes,
  };
}
