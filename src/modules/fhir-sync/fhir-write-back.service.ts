import { PermanentJobError } from '../../platform/jobs/job-errors.ts';
import { findContact } from '../contacts/contact.service.ts';
import { findAppointment } from '../scheduling/appointment.service.ts';
import { findPractitioner } from '../scheduling/practitioner.service.ts';
import { FhirClient, FhirRequestError, type FhirResource } from './fhir-client.ts';
import { fhirCredentialsOf } from './fhir-connection.service.ts';
import { fileMessagesOfLinkedPatient } from './fhir-linked-patient.ts';
import { toFhirAppointment, toFhirPatient, toFhirPractitioner } from './fhir-mappers.ts';
import { appendLog, findConnection, findLinkByLocal, saveLink } from './fhir-sync.repository.ts';
import type { FhirLinkedType, FhirSyncOutcome } from './fhir-sync.schema.ts';
import type { FhirSyncDeps } from './fhir-sync-deps.ts';

/**
 * Writes one appointment's current state to the clinic's EHR: updates the Appointment it is linked to,
 * or creates it (and its Patient and Practitioner when the EHR does not know them yet). A notice for
 * an appointment already in step (just imported, or already written) writes nothing. A failure the
 * server may get over (5xx, 429, no answer) is logged and thrown for the job to retry with exponential
 * backoff; a refusal (4xx) is logged and ends the job.
 */
export async function writeBackAppointment(
  deps: FhirSyncDeps,
  job: WriteBackJob & { appointmentId: string },
): Promise<void> {
  const { db, keyring } = deps;
  const { orgId, appointmentId } = job;
  const appointment = await findAppointment(db, orgId, appointmentId);
  if (!appointment) return;
  const link = await findLinkByLocal(db, orgId, 'Appointment', appointmentId);
  if (link?.localUpdatedAt?.getTime() === appointment.updatedAt.getTime()) return;
  // Only what will happen is created in the EHR; a change to an appointment it never had stays here.
  if (!link && appointment.status !== 'booked' && appointment.status !== 'proposed') return;
  await withEhr(deps, job, 'Appointment', appointmentId, async (client) => {
    const patientId = await remoteIdOf(deps, client, orgId, 'Patient', appointment.contactId, async () => {
      const contact = await findContact(db, keyring, orgId, appointment.contactId);
      return toFhirPatient({
        id: appointment.contactId,
        displayName: contact?.displayName ?? null,
        phone: contact?.phone ?? null,
      });
    });
    const practitionerId = await remoteIdOf(
      deps,
      client,
      orgId,
      'Practitioner',
      appointment.practitionerId,
      async () =>
        toFhirPractitioner({
          name: (await findPractitioner(db, orgId, appointment.practitionerId))?.name ?? 'Practitioner',
        }),
    );
    const resource = toFhirAppointment({
      status: appointment.status,
      start: appointment.start,
      end: appointment.end,
      patientRemoteId: patientId,
      practitionerRemoteId: practitionerId,
      ...(link ? { remoteId: link.remoteId } : {}),
    });
    const written = link
      ? await client.update({ ...resource, id: link.remoteId })
      : await client.create(resource);
    await saveLinkTo(deps, orgId, 'Appointment', appointmentId, written, appointment.updatedAt);
    return { outcome: link ? 'updated' : 'created', status: link ? 200 : 201, remoteId: written.id ?? null };
  });
}

/** Which job writes back, and how many times it has tried. */
export interface WriteBackJob {
  orgId: string;
  attempts: number;
  maxAttempts: number;
}

/**
 * Runs one write-back with a client signed in to the clinic's EHR, and logs its outcome. A failure the
 * server may get over (5xx, 429, no answer) is logged and thrown for the job to retry with exponential
 * backoff; a refusal (4xx), or the last attempt, is logged and ends the job.
 */
export async function withEhr(
  deps: FhirSyncDeps,
  job: WriteBackJob,
  resourceType: FhirLinkedType,
  localId: string,
  work: (
    client: FhirClient,
  ) => Promise<{ outcome: FhirSyncOutcome; status: number | null; remoteId: string | null }>,
): Promise<void> {
  const { db, keyring } = deps;
  const { orgId } = job;
  const connection = await findConnection(db, orgId);
  if (!connection?.enabled) return;
  const log = (
    outcome: FhirSyncOutcome,
    status: number | null,
    message: string | null,
    remoteId: string | null = null,
  ) =>
    appendLog(db, [
      {
        orgId,
        runId: null,
        direction: 'write_back',
        resourceType,
        localId,
        remoteId,
        outcome,
        httpStatus: status,
        message,
        createdAt: deps.clock.now(),
      },
    ]);
  const credentials = await fhirCredentialsOf(db, keyring, connection);
  if (!credentials) {
    await log('failed', null, 'The EHR connection is not configured (token or key)');
    throw new PermanentJobError('the EHR connection is not configured');
  }
  try {
    const done = await work(new FhirClient(deps.fetch, connection.baseUrl, credentials, deps.clock));
    await log(done.outcome, done.status, null, done.remoteId);
  } catch (error) {
    if (!(error instanceof FhirRequestError)) throw error;
    if (error.retryable && job.attempts < job.maxAttempts) {
      await log(
        'retrying',
        error.status || null,
        `${error.message}; tried ${job.attempts} time(s), will try again`,
      );
      throw error;
    }
    await log('failed', error.status || null, error.message);
    throw new PermanentJobError(error.message);
  }
}

/** The EHR's id for a Careline record, creating the resource there when it has none yet. */
export async function remoteIdOf(
  deps: FhirSyncDeps,
  client: FhirClient,
  orgId: string,
  resourceType: FhirLinkedType,
  localId: string,
  build: () => Promise<FhirResource>,
): Promise<string> {
  const link = await findLinkByLocal(deps.db, orgId, resourceType, localId);
  if (link) return link.remoteId;
  const created = await client.create(await build());
  if (!created.id) throw new FhirRequestError(201, `create ${resourceType}: the answer has no id`);
  await saveLinkTo(deps, orgId, resourceType, localId, created, deps.clock.now());
  if (resourceType === 'Patient')
    await fileMessagesOfLinkedPatient(deps.db, orgId, localId, deps.clock.now());
  await appendLog(deps.db, [
    {
      orgId,
      runId: null,
      direction: 'write_back',
      resourceType,
      localId,
      remoteId: created.id,
      outcome: 'created',
      httpStatus: 201,
      message: null,
      createdAt: deps.clock.now(),
    },
  ]);
  return created.id;
}

export async function saveLinkTo(
  deps: FhirSyncDeps,
  orgId: string,
  resourceType: FhirLinkedType,
  localId: string,
  remote: FhirResource,
  localUpdatedAt: Date,
): Promise<void> {
  if (!remote.id) throw new FhirRequestError(200, `write ${resourceType}: the answer has no id`);
  await saveLink(deps.db, {
    orgId,
    resourceType,
    localId,
    remoteId: remote.id,
    remoteVersionId: remote.meta?.versionId ?? null,
    remoteLastUpdated: remote.meta?.lastUpdated ? new Date(remote.meta.lastUpdated) : null,
    localUpdatedAt,
  });
}
