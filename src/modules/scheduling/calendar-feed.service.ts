import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findOrgByRef } from '../orgs/org.service.ts';
import { appointmentRows } from './appointment.repository.ts';
import { appointmentsCalendar } from './availability/appointments-calendar.ts';
import { findPractitionerForFeed, updatePractitioner } from './practitioner.repository.ts';
import { SchedulingNotFoundError } from './scheduling-errors.ts';

/** The feed shows the last three months and everything ahead, cancellations included (so calendars drop them). */
const FEED_PAST_MS = 92 * 24 * 60 * 60_000;
const FEED_MAX = 5000;

/**
 * A new secret token for the practitioner's iCalendar feed, replacing any earlier one (whoever had the
 * old link loses it). Only its SHA-256 is kept: the token is shown this once.
 */
export async function createCalendarFeedToken(
  db: DbOrTx,
  orgId: string,
  practitionerId: string,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const updated = await updatePractitioner(db, orgId, practitionerId, { feedTokenHash: sha256(token) });
  if (!updated) throw new SchedulingNotFoundError('Practitioner');
  return token;
}

/**
 * The practitioner's appointments as an iCalendar feed, or undefined when the token does not open it
 * (an unknown practitioner and a wrong token look the same). What leaves the clinic is the time, the
 * place and "Rendez-vous" with the type: never the patient's name nor the reason.
 */
export async function practitionerCalendarFeed(
  db: DbOrTx,
  keyring: Keyring,
  practitionerId: string,
  token: string,
  now: Date,
): Promise<string | undefined> {
  const practitioner = await findPractitionerForFeed(db, practitionerId);
  if (!practitioner?.feedTokenHash || !sameHash(practitioner.feedTokenHash, sha256(token))) return undefined;
  const { orgId } = practitioner;
  const rows = await appointmentRows(db, keyring, orgId, {
    practitionerId,
    endsAfter: new Date(now.getTime() - FEED_PAST_MS),
    limit: FEED_MAX,
  });
  const org = await findOrgByRef(db, orgId);
  return appointmentsCalendar({
    practitionerName: practitioner.name,
    timeZone: org?.timeZone ?? 'Europe/Paris',
    now: now.toISOString(),
    appointments: rows.map(({ appointment, location, type }) => ({
      id: appointment.id,
      start: appointment.start.toISOString(),
      end: appointment.end.toISOString(),
      status: appointment.status,
      summary: type ? `Rendez-vous · ${type.name.fr}` : 'Rendez-vous',
      location: { name: location.name, ...(location.address ? { address: location.address } : {}) },
      updatedAt: appointment.updatedAt.toISOString(),
    })),
  });
}

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
