import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../platform/db/db.ts';
import { PermanentJobError } from '../../platform/jobs/job-errors.ts';
import {
  findContact,
  insertContact,
  listContacts,
  toE164,
  updateContact,
} from '../contacts/contact.service.ts';
import { cancelAppointment, findAppointment } from '../scheduling/appointment.service.ts';
import { listAppointmentTypes } from '../scheduling/appointment-type.service.ts';
import { bookAppointment, moveAppointment } from '../scheduling/booking.service.ts';
import { listLocations } from '../scheduling/location.service.ts';
import {
  changePractitioner,
  createPractitioner,
  listPractitioners,
} from '../scheduling/practitioner.service.ts';
import { listSchedules } from '../scheduling/schedule.service.ts';
import { SlotTakenError, SlotUnavailableError } from '../scheduling/scheduling-errors.ts';
import { FhirClient, FhirRequestError, type FhirResource } from './fhir-client.ts';
import { fhirCredentialsOf } from './fhir-connection.service.ts';
import { fileMessagesOfLinkedPatient } from './fhir-linked-patient.ts';
import { appointmentFacts, patientFacts, practitionerName } from './fhir-mappers.ts';
import {
  appendLog,
  deleteLink,
  findConnection,
  findLinkByLocal,
  findLinkByRemote,
  type NewLogEntry,
  saveLink,
} from './fhir-sync.repository.ts';
import type { FhirLink, FhirLinkedType, FhirSyncOutcome } from './fhir-sync.schema.ts';
import type { FhirSyncDeps } from './fhir-sync-deps.ts';

/** Appointments that will still happen are imported; the EHR keeps its own history. */
const IMPORTED_STATUSES = new Set(['booked', 'pending', 'proposed']);

type Entry = {
  resourceType: FhirLinkedType;
  remoteId: string;
  localId?: string;
  outcome: FhirSyncOutcome;
  message?: string;
};

/**
 * One import from the clinic's EHR: practitioners, then patients, then appointments, each matched to
 * Careline's record through the link table first. A patient not linked yet is matched by phone number
 * (E.164): one Careline patient is linked, none is created, several are left alone — merge them (the
 * duplicates Careline already suggests for one number) and the next import links the one left. An
 * appointment is booked through Careline's scheduling (never over another one): a clash is logged.
 * Every resource's outcome goes to the sync log; a failure of the server ends the run (`FhirRequestError`).
 */
export async function runFhirImport(
  deps: FhirSyncDeps,
  orgId: string,
  runId: string = randomUUID(),
): Promise<void> {
  const { db } = deps;
  const entries: Entry[] = [];
  const now = deps.clock.now();
  const log = (status: number | null, extra: NewLogEntry[] = []) =>
    appendLog(db, [
      ...entries.map((e) => ({
        orgId,
        runId,
        direction: 'import' as const,
        resourceType: e.resourceType,
        localId: e.localId ?? null,
        remoteId: e.remoteId,
        outcome: e.outcome,
        httpStatus: status,
        message: e.message ?? null,
        createdAt: now,
      })),
      ...extra,
    ]);
  const connection = await findConnection(db, orgId);
  const credentials = connection ? await fhirCredentialsOf(db, deps.keyring, connection) : undefined;
  if (!connection || !credentials) {
    await log(null, [
      failure(orgId, runId, now, 0, 'The EHR connection is not configured (server, token or key)'),
    ]);
    return;
  }
  const client = new FhirClient(deps.fetch, connection.baseUrl, credentials, deps.clock);
  try {
    for (const remote of await client.search('Practitioner'))
      entries.push(await importPractitioner(db, orgId, remote, now));
    for (const remote of await client.search('Patient'))
      entries.push(await importPatient(deps, orgId, remote, now));
    for (const remote of await client.search('Appointment'))
      entries.push(await importAppointment(deps, orgId, remote));
  } catch (error) {
    if (!(error instanceof FhirRequestError)) throw error;
    await log(200, [failure(orgId, runId, now, error.status, error.message)]);
    // A refusal (a key not registered, a URL that is not a FHIR server) waits for the next run.
    throw error.retryable ? error : new PermanentJobError(error.message);
  }
  await log(200);
}

function failure(orgId: string, runId: string, now: Date, status: number, message: string): NewLogEntry {
  return {
    orgId,
    runId,
    direction: 'import',
    resourceType: 'Bundle',
    outcome: 'failed',
    httpStatus: status === 0 ? null : status,
    message,
    createdAt: now,
  };
}

function remoteVersion(remote: FhirResource) {
  return {
    remoteVersionId: remote.meta?.versionId ?? null,
    remoteLastUpdated: remote.meta?.lastUpdated ? new Date(remote.meta.lastUpdated) : null,
  };
}

function sameVersion(link: { remoteVersionId: string | null }, remote: FhirResource): boolean {
  return link.remoteVersionId !== null && link.remoteVersionId === (remote.meta?.versionId ?? null);
}

async function importPractitioner(
  db: DbOrTx,
  orgId: string,
  remote: FhirResource,
  now: Date,
): Promise<Entry> {
  const remoteId = remote.id ?? '';
  const name = practitionerName(remote);
  const link = await findLinkByRemote(db, orgId, 'Practitioner', remoteId);
  const base = { resourceType: 'Practitioner' as const, remoteId };
  if (link && sameVersion(link, remote)) return { ...base, localId: link.localId, outcome: 'unchanged' };
  if (!name) return { ...base, outcome: 'skipped', message: 'The practitioner has no name' };
  const known = await listPractitioners(db, orgId);
  if (link) {
    if (known.find((p) => p.id === link.localId)?.name !== name)
      await changePractitioner(db, orgId, link.localId, { name });
    await saveLink(db, { ...link, ...remoteVersion(remote), localUpdatedAt: now });
    return { ...base, localId: link.localId, outcome: 'updated' };
  }
  const sameName = known.filter((p) => p.name.toLowerCase() === name.toLowerCase());
  const [match] = sameName;
  if (sameName.length > 1)
    return {
      ...base,
      outcome: 'ambiguous',
      message: `${sameName.length} practitioners have this name in Careline`,
    };
  const localId = match
    ? match.id
    : (await createPractitioner(db, orgId, { name, specialty: 'general_practice' })).id;
  if (match && (await findLinkByLocal(db, orgId, 'Practitioner', match.id)))
    return {
      ...base,
      outcome: 'ambiguous',
      message: 'The practitioner of this name is already linked to another EHR record',
    };
  await saveLink(db, {
    orgId,
    resourceType: 'Practitioner',
    localId,
    remoteId,
    ...remoteVersion(remote),
    localUpdatedAt: now,
  });
  return { ...base, localId, outcome: match ? 'linked' : 'created' };
}

async function importPatient(
  deps: FhirSyncDeps,
  orgId: string,
  remote: FhirResource,
  now: Date,
): Promise<Entry> {
  const { db, keyring } = deps;
  const remoteId = remote.id ?? '';
  const base = { resourceType: 'Patient' as const, remoteId };
  const facts = patientFacts(remote);
  const phone = facts.phones.map((p) => toE164(p)).find((p) => p !== undefined) ?? null;
  const found = await findLinkByRemote(db, orgId, 'Patient', remoteId);
  const link = found && (await followMerges(deps, orgId, found));
  if (link && sameVersion(link, remote)) return { ...base, localId: link.localId, outcome: 'unchanged' };
  if (link) {
    // The EHR is the record of the patient's name and number; Careline's other fields stay.
    await updateContact(
      db,
      keyring,
      orgId,
      link.localId,
      { displayName: facts.displayName, ...(phone ? { phone } : {}) },
      now,
    );
    await saveLink(db, { ...link, ...remoteVersion(remote), localUpdatedAt: now });
    return { ...base, localId: link.localId, outcome: 'updated' };
  }
  const named = await patientNamed(deps, orgId, facts.carelineIds);
  const matches = named
    ? [named]
    : phone
      ? (await listContacts(db, keyring, orgId, { phone, limit: 5 })).data
      : [];
  if (matches.length > 1) {
    return {
      ...base,
      outcome: 'ambiguous',
      message:
        `The phone number matches ${matches.length} Careline patients: nothing was linked. Merge them ` +
        '(Patients › Possible duplicates) and the next import links the one left.',
    };
  }
  const [match] = matches;
  if (match) {
    if (await findLinkByLocal(db, orgId, 'Patient', match.id)) {
      return {
        ...base,
        outcome: 'ambiguous',
        message:
          'The phone number is that of a Careline patient already linked to another EHR patient: nothing was linked.',
      };
    }
    await db.transaction(async (tx) => {
      await saveLink(tx, {
        orgId,
        resourceType: 'Patient',
        localId: match.id,
        remoteId,
        ...remoteVersion(remote),
        localUpdatedAt: now,
      });
      await fileMessagesOfLinkedPatient(tx, orgId, match.id, now);
    });
    return { ...base, localId: match.id, outcome: 'linked' };
  }
  const created = await db.transaction(async (tx) => {
    const contact = await insertContact(tx, keyring, { orgId, displayName: facts.displayName, phone });
    await saveLink(tx, {
      orgId,
      resourceType: 'Patient',
      localId: contact.id,
      remoteId,
      ...remoteVersion(remote),
      localUpdatedAt: now,
    });
    return contact;
  });
  return { ...base, localId: created.id, outcome: 'created' };
}

/**
 * The link of a patient merged away since it was made moves to the record that survived the merge: the
 * EHR's patient is now that one (an unmerge moves nothing back; the next import links what it finds).
 */
async function followMerges(
  deps: FhirSyncDeps,
  orgId: string,
  link: FhirLink,
): Promise<FhirLink | undefined> {
  let localId = link.localId;
  for (let hops = 0; hops < 10; hops += 1) {
    const contact = await findContact(deps.db, deps.keyring, orgId, localId);
    if (!contact) return undefined;
    if (contact.mergedIntoId === null) {
      if (localId === link.localId) return link;
      // The survivor may be linked to another EHR patient already: then this link is dropped.
      if (await findLinkByLocal(deps.db, orgId, 'Patient', localId)) {
        await deleteLink(deps.db, orgId, 'Patient', link.localId);
        return undefined;
      }
      await deleteLink(deps.db, orgId, 'Patient', link.localId);
      // No version kept: the survivor's name and number are taken from the EHR at once.
      const moved = {
        ...link,
        localId,
        remoteVersionId: null,
        remoteLastUpdated: null,
        localUpdatedAt: null,
      };
      await saveLink(deps.db, moved);
      return moved;
    }
    localId = contact.mergedIntoId;
  }
  return undefined;
}

/** The Careline patient the EHR names by Careline's own id, when it is this clinic's and not merged away. */
async function patientNamed(deps: FhirSyncDeps, orgId: string, carelineIds: readonly string[]) {
  for (const id of carelineIds) {
    const contact = await findContact(deps.db, deps.keyring, orgId, id);
    if (contact && contact.mergedIntoId === null) return contact;
  }
  return undefined;
}

async function importAppointment(deps: FhirSyncDeps, orgId: string, remote: FhirResource): Promise<Entry> {
  const { db, keyring, reminders } = deps;
  const now = deps.clock.now();
  const remoteId = remote.id ?? '';
  const base = { resourceType: 'Appointment' as const, remoteId };
  const facts = appointmentFacts(remote);
  if (!facts?.start || !facts.end)
    return { ...base, outcome: 'skipped', message: 'The appointment has no start or end' };
  const link = await findLinkByRemote(db, orgId, 'Appointment', remoteId);
  if (link && sameVersion(link, remote)) return { ...base, localId: link.localId, outcome: 'unchanged' };
  const patient = facts.patientId ? await findLinkByRemote(db, orgId, 'Patient', facts.patientId) : undefined;
  const practitioner = facts.practitionerId
    ? await findLinkByRemote(db, orgId, 'Practitioner', facts.practitionerId)
    : undefined;
  if (!patient || !practitioner) {
    return {
      ...base,
      outcome: 'skipped',
      message: 'Its patient or practitioner is not linked to Careline (see their entries)',
    };
  }
  try {
    if (link) return { ...base, ...(await updateImported(deps, orgId, link, remote, facts)) };
    if (!IMPORTED_STATUSES.has(facts.status) || new Date(facts.start) <= now)
      return { ...base, outcome: 'skipped', message: `Not imported: ${facts.status}, or already past` };
    const minutes = Math.round((new Date(facts.end).getTime() - new Date(facts.start).getTime()) / 60_000);
    const where = await placeAndType(db, orgId, practitioner.localId, minutes);
    if (typeof where === 'string') return { ...base, outcome: 'conflict', message: where };
    const booked = await db.transaction(async (tx) => {
      const appointment = await bookAppointment(tx, keyring, reminders, orgId, {
        contactId: patient.localId,
        practitionerId: practitioner.localId,
        locationId: where.locationId,
        appointmentTypeId: where.typeId,
        start: new Date(facts.start ?? '').toISOString(),
        reason: facts.reason,
        source: 'api',
        now,
      });
      await saveLink(tx, {
        orgId,
        resourceType: 'Appointment',
        localId: appointment.id,
        remoteId,
        ...remoteVersion(remote),
        localUpdatedAt: appointment.updatedAt,
      });
      return appointment;
    });
    return { ...base, localId: booked.id, outcome: 'created' };
  } catch (error) {
    if (error instanceof SlotTakenError)
      return {
        ...base,
        outcome: 'conflict',
        message: 'The practitioner already has an appointment at that time in Careline',
      };
    if (error instanceof SlotUnavailableError)
      return {
        ...base,
        outcome: 'conflict',
        message: `Not bookable in Careline at that time: ${error.message}`,
      };
    throw error;
  }
}

/** A linked appointment changed in the EHR: cancelled, or moved, in Careline too. */
async function updateImported(
  deps: FhirSyncDeps,
  orgId: string,
  link: { localId: string; remoteId: string },
  remote: FhirResource,
  facts: { status: string; start: string | null },
): Promise<{ localId: string; outcome: FhirSyncOutcome }> {
  const { db, keyring, reminders } = deps;
  const now = deps.clock.now();
  const local = await findAppointment(db, orgId, link.localId);
  if (!local) return { localId: link.localId, outcome: 'skipped' };
  return db.transaction(async (tx) => {
    let current = local;
    if (facts.status === 'cancelled' && local.status !== 'cancelled') {
      current = await cancelAppointment(tx, reminders, orgId, local.id, { by: 'staff', now });
    } else if (
      IMPORTED_STATUSES.has(facts.status) &&
      local.status === 'booked' &&
      facts.start !== null &&
      new Date(facts.start).getTime() !== local.start.getTime()
    ) {
      current = await moveAppointment(tx, keyring, reminders, orgId, local.id, {
        start: new Date(facts.start).toISOString(),
        source: 'api',
        now,
      });
      await deleteLink(tx, orgId, 'Appointment', local.id);
    }
    await saveLink(tx, {
      orgId,
      resourceType: 'Appointment',
      localId: current.id,
      remoteId: link.remoteId,
      ...remoteVersion(remote),
      localUpdatedAt: current.updatedAt,
    });
    return { localId: current.id, outcome: current === local ? 'unchanged' : 'updated' };
  });
}

/** Where and as what an EHR appointment is booked: the practitioner's place, a type of its length. */
async function placeAndType(
  db: DbOrTx,
  orgId: string,
  practitionerId: string,
  minutes: number,
): Promise<{ locationId: string; typeId: string } | string> {
  const [schedule] = await listSchedules(db, orgId, { practitionerId });
  const locationId = schedule?.locationId ?? (await listLocations(db, orgId))[0]?.id;
  if (!locationId) return 'The clinic has no place in Careline to book it at';
  const types = (await listAppointmentTypes(db, orgId)).filter(
    (t) => t.active && (t.practitionerIds.length === 0 || t.practitionerIds.includes(practitionerId)),
  );
  const type = types.find((t) => t.durationMinutes === minutes);
  if (!type) return `No active appointment type of ${minutes} minutes for this practitioner in Careline`;
  return { locationId, typeId: type.id };
}
