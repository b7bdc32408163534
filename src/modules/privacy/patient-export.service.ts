import { Readable } from 'node:stream';
import { ZipArchive } from 'archiver';
import type { Db } from '../../platform/db/db.ts';
import { MediaNotFoundError, type MediaStore } from '../../platform/media/media-store.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { Keyring } from '../keys/keyring.ts';
import { archiveEntryName } from './archive-entry-name.ts';
import { type PatientRecord, readPatientRecord } from './patient-record.ts';

/**
 * The version of patient.json's shape (README: "Patients' rights (GDPR) and retention"). 2: an identity's
 * business-scoped id is `scoped_id`, for every channel (1 called it `bsuid`).
 */
export const PATIENT_EXPORT_FORMAT = 'careline-patient-export/2';

export interface PatientArchive {
  /** A name for the download; the patient's id, never their name (it would land in logs and history). */
  fileName: string;
  /** The zip, made as it is read: files are decrypted one after another, never held whole. */
  stream: Readable;
}

/**
 * One patient's data for their right of access and portability: patient.json (profile, identities,
 * custom fields, tags, consents, appointments, conversations with every message and staff note) and
 * their files, decrypted, under files/. Undefined when the patient is not in this clinic.
 */
export async function exportPatient(
  db: Db,
  deps: { mediaStore: MediaStore; keyring: Keyring; clock: Clock },
  input: { orgId: string; contactId: string },
): Promise<PatientArchive | undefined> {
  const record = await db.transaction(
    (tx) => readPatientRecord(tx, deps.keyring, input.orgId, input.contactId),
    {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    },
  );
  if (!record) return undefined;
  const paths = archivePaths(record);
  const document = patientDocument(record, paths, deps.clock.now());
  const zip = new ZipArchive({ zlib: { level: 6 } });
  zip.append(`${JSON.stringify(document, null, 2)}\n`, { name: 'patient.json' });
  for (const file of record.files) {
    const path = paths.get(file.id);
    if (!path || !file.storageKey) continue;
    zip.append(Readable.from(decrypted(deps.mediaStore, input.orgId, file.storageKey)), { name: path });
  }
  // Errors reach the reader through the stream (the download stops short); nothing to await here.
  zip.finalize().catch(() => undefined);
  return { fileName: `patient-${record.contact.id}.zip`, stream: zip };
}

/** Opened only when the archive reaches it: one file's handle and segment in memory at a time. */
async function* decrypted(store: MediaStore, orgId: string, key: string): AsyncGenerator<Buffer> {
  let reader: Awaited<ReturnType<MediaStore['open']>>;
  try {
    reader = await store.open(orgId, key);
  } catch (error) {
    // Listed in patient.json but gone from the store (deleted by hand): an empty entry, not a broken archive.
    if (error instanceof MediaNotFoundError) return;
    throw error;
  }
  yield* reader.chunks();
}

function archivePaths(record: PatientRecord): Map<string, string> {
  const paths = new Map<string, string>();
  record.files.forEach((file, i) => {
    if (file.status !== 'stored' || !file.storageKey) return;
    const number = String(i + 1).padStart(3, '0');
    paths.set(file.id, `files/${number}-${archiveEntryName(file.fileName, `${file.kind}-${file.id}`)}`);
  });
  return paths;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function patientDocument(record: PatientRecord, paths: Map<string, string>, at: Date) {
  const { contact } = record;
  return {
    format: PATIENT_EXPORT_FORMAT,
    exported_at: at.toISOString(),
    patient: {
      id: contact.id,
      display_name: contact.displayName,
      phone: contact.phone,
      language: contact.language,
      tags: contact.tags,
      custom_fields: contact.customFields,
      created_at: iso(contact.createdAt),
      updated_at: iso(contact.updatedAt),
    },
    identities: record.identities.map((i) => ({
      channel: i.channelType,
      external_id: i.externalId,
      phone: i.phone,
      scoped_id: i.scopedId,
      username: i.username,
      profile_name: i.profileName,
      marketing_opt_out_at: iso(i.marketingOptOutAt),
      created_at: iso(i.createdAt),
    })),
    consents: record.consents.map((c) => ({
      channel: c.channel,
      purpose: c.purpose,
      granted: c.granted,
      method: c.method,
      text_shown: c.textShown,
      recorded_at: iso(c.recordedAt),
    })),
    groups: record.groups.map((g) => ({ id: g.groupId, name: g.name, added_at: iso(g.addedAt) })),
    prescription_orders: record.prescriptionOrders.map((o) => ({
      id: o.order.id,
      reference: o.order.reference,
      pharmacy: o.pharmacy.name,
      fulfilment: o.order.fulfilment,
      delivery_address: o.deliveryAddress,
      note: o.note,
      step: o.order.step,
      status: o.status,
      ready_at: iso(o.order.readyAt),
      eta: iso(o.order.eta),
      decline_reason: o.declineReason,
      created_at: iso(o.order.createdAt),
      medicines: o.items.map((i) => ({
        medication: i.medication,
        strength: i.strength,
        form: i.form,
        quantity: i.quantity,
        posology: i.posology,
        substitution_allowed: i.substitutionAllowed,
        availability: i.availability,
        substitute: i.substitute,
      })),
    })),
    appointments: record.appointments.map(({ appointment: a, practitioner, location, type }) => ({
      id: a.id,
      start: iso(a.start),
      end: iso(a.end),
      status: a.status,
      reason: a.reason,
      practitioner,
      location,
      type,
      source: a.source,
      confirmed_at: iso(a.confirmedAt),
      cancelled_at: iso(a.cancelledAt),
      cancelled_by: a.cancelledBy,
      created_at: iso(a.createdAt),
    })),
    conversations: record.conversations.map((c) => ({
      id: c.id,
      status: c.status,
      created_at: iso(c.createdAt),
      closed_at: iso(c.closedAt),
      messages: record.messages
        .filter(({ message }) => message.conversationId === c.id)
        .map(({ message: m, author }) => ({
          id: m.id,
          direction: m.direction,
          type: m.type,
          text: m.text,
          content: m.content,
          status: m.status,
          occurred_at: iso(m.occurredAt),
          status_at: iso(m.statusAt),
          edited_at: iso(m.editedAt),
          deleted_at: iso(m.deletedAt),
          retention_erased_at: iso(m.retentionErasedAt),
          author: author ?? null,
          reactions: record.reactions
            .filter((r) => r.messageId === m.id)
            .map((r) => ({ direction: r.direction, emoji: r.emoji, reacted_at: iso(r.reactedAt) })),
          files: record.files
            .filter((f) => f.messageId === m.id || (f.messageId === null && sentIn(m.content, f.id)))
            .map((f) => ({
              kind: f.kind,
              mime_type: f.mimeType,
              file_name: f.fileName,
              size: f.size,
              sha256: f.sha256,
              archive_path: paths.get(f.id) ?? null,
            })),
        })),
    })),
  };
}

function sentIn(content: Record<string, unknown> | null, fileId: string): boolean {
  return content !== null && JSON.stringify(content).includes(fileId);
}
