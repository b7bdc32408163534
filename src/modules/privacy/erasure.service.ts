import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { Db } from '../../platform/db/db.ts';
import type { MediaStore } from '../../platform/media/media-store.ts';
import type { Clock } from '../../platform/time/clock.ts';
import type { Keyring } from '../keys/keyring.ts';
import { findStaffByIds } from '../users/user.service.ts';
import { insertErasure, listErasures } from './erasure.repository.ts';
import type { Erasure } from './erasure.schema.ts';
import { lockErasureScope } from './erasure-scope.ts';
import { ERASURE_STEPS, type ErasureContext, type ErasureStep } from './erasure-steps.ts';

export interface ErasureDeps {
  mediaStore: MediaStore;
  cipher: FieldCipher;
  keyring: Keyring;
  logger: Logger;
  clock: Clock;
  /** The steps to run (default ERASURE_STEPS): a caller adds its own, e.g. destroying a data key. */
  steps?: readonly ErasureStep[];
}

export interface EraseInput {
  orgId: string;
  contactId: string;
  byUserId: string | null;
  byApiKeyId?: string | null;
  /** When given, must be the patient's name (see erasureConfirmationOf), or nothing is erased. */
  confirmation?: string;
}

export class PatientNotFoundError extends Error {
  override name = 'PatientNotFoundError';
}

export class ErasureNotConfirmedError extends Error {
  override name = 'ErasureNotConfirmedError';
}

/**
 * Erases one patient of a clinic: every row of theirs, in one transaction, then their files' encrypted
 * bytes. What remains is an `erasures` record: the clinic, who erased, when, a random reference and
 * counts, never who was erased. A later message from the same number makes a new patient.
 */
export async function erasePatient(db: Db, deps: ErasureDeps, input: EraseInput): Promise<Erasure> {
  const afterCommit: Array<() => Promise<void>> = [];
  const erasure = await db.transaction(async (tx) => {
    const scope = await lockErasureScope(tx, deps.keyring, input.orgId, input.contactId);
    if (!scope) throw new PatientNotFoundError('No such patient in this clinic');
    if (
      input.confirmation !== undefined &&
      !confirms(input.confirmation, erasureConfirmationOf(scope.contact))
    ) {
      throw new ErasureNotConfirmedError('The confirmation is not the patient’s name');
    }
    const context: ErasureContext = {
      now: deps.clock.now(),
      scope,
      mediaStore: deps.mediaStore,
      cipher: deps.cipher,
      keyring: deps.keyring,
      afterCommit: (work) => afterCommit.push(work),
    };
    const removed: Record<string, number> = {};
    for (const step of deps.steps ?? ERASURE_STEPS) removed[step.name] = await step.run(tx, context);
    return insertErasure(tx, {
      orgId: input.orgId,
      reference: newErasureReference(),
      erasedByUserId: input.byUserId,
      erasedByApiKeyId: input.byApiKeyId ?? null,
      removed,
    });
  });
  for (const work of afterCommit) {
    try {
      await work();
    } catch (error) {
      // The rows are gone, so the bytes are unreadable noise without their keys' index; say so, by reference.
      deps.logger.error(
        { erasure: erasure.reference, err: error instanceof Error ? error.name : 'unknown' },
        'an erased patient’s file could not be deleted from the media store',
      );
    }
  }
  return erasure;
}

/** The clinic's erasures, newest first, each with who erased by name (or e-mail); null for an API key. */
export async function listClinicErasures(
  db: Db,
  orgId: string,
  limit: number,
): Promise<Array<{ erasure: Erasure; by: string | null }>> {
  const erasures = await listErasures(db, orgId, limit);
  const staff = await findStaffByIds(
    db,
    orgId,
    erasures.flatMap((e) => (e.erasedByUserId ? [e.erasedByUserId] : [])),
  );
  const nameOf = new Map(staff.map((member) => [member.id, member.name ?? member.email]));
  return erasures.map((erasure) => ({
    erasure,
    by: erasure.erasedByUserId ? (nameOf.get(erasure.erasedByUserId) ?? null) : null,
  }));
}

/** ER- and 12 letters or digits, without look-alikes (0/O, 1/I/L): a clinic reads it out on the phone. */
export function newErasureReference(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const bytes = randomBytes(12);
  return `ER-${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

/** What an administrator must type to confirm: the patient's name, or their number when they have none. */
export function erasureConfirmationOf(contact: { displayName: string | null; phone: string | null }): string {
  return contact.displayName ?? contact.phone ?? 'ERASE';
}

/** Typed confirmations compare without case or extra spaces: the check is against a slip, not a secret. */
export function confirms(typed: string, expected: string): boolean {
  const normalise = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return normalise(typed) === normalise(expected);
}
