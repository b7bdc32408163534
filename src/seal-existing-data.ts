import type { Logger } from 'pino';
import { sealChannelSecretsStep } from './modules/channel-accounts/channel-secrets-seal-step.ts';
import { sealContactIdentitiesStep, sealContactsStep } from './modules/contacts/contact-seal-steps.ts';
import { patientColumnSealStep } from './modules/contacts/patient-column-seal-step.ts';
import { sealCsatCommentsStep } from './modules/flows/csat-seal-step.ts';
import { sealFlowStatesStep } from './modules/flows/flow-state-seal-step.ts';
import { sealMessagesStep } from './modules/inbox/message-seal-step.ts';
import type { Keyring } from './modules/keys/keyring.ts';
import { type SealReport, type SealStep, sealInPlace } from './modules/keys/seal-in-place.ts';
import { sealMediaFileNamesStep } from './modules/media/media-seal-step.ts';
import { sealRedFlagWordsStep } from './modules/safety/red-flag-seal-step.ts';
import type { Db } from './platform/db/db.ts';
import { describeErrorSafely } from './platform/safe-error.ts';

/**
 * What a database written by an older Careline holds in plain text, sealed in place after start-up
 * (main.ts) and by `careline seal-existing-data`. Each module contributes the steps for its tables.
 */
export const SEAL_STEPS: readonly SealStep[] = [
  sealMessagesStep,
  sealRedFlagWordsStep,
  sealCsatCommentsStep,
  sealFlowStatesStep,
  sealMediaFileNamesStep,
  sealContactsStep,
  sealContactIdentitiesStep,
  patientColumnSealStep('appointments', 'reason'),
  patientColumnSealStep('consent_records', 'text_shown'),
  sealChannelSecretsStep,
];

/** Seals what is still plain, then says what it did; a failure is logged and retried at next start. */
export async function sealExistingData(
  db: Db,
  keyring: Keyring,
  logger: Pick<Logger, 'info' | 'error'>,
): Promise<SealReport[] | null> {
  try {
    const reports = await sealInPlace(db, keyring, SEAL_STEPS);
    const sealed = reports.filter((report) => report.sealed > 0);
    if (sealed.length > 0) logger.info({ sealed }, 'sealed data an older version stored in plain text');
    return reports;
  } catch (error) {
    logger.error(
      { error: describeErrorSafely(error) },
      'sealing existing data stopped; it resumes at next start',
    );
    return null;
  }
}
