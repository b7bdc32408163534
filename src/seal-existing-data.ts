import { sealChannelSecretsStep } from './modules/channel-accounts/channel-secrets-seal-step.ts';
import { sealContactIdentitiesStep, sealContactsStep } from './modules/contacts/contact-seal-steps.ts';
import { patientColumnSealStep } from './modules/contacts/patient-column-seal-step.ts';
import type { SealStep } from './modules/keys/seal-in-place.ts';

/**
 * What a database written by an older Careline holds in plain text, sealed in place after start-up
 * (main.ts) and by `careline seal-existing-data`. Each module contributes the steps for its tables.
 */
export const SEAL_STEPS: readonly SealStep[] = [
  sealContactsStep,
  sealContactIdentitiesStep,
  patientColumnSealStep('appointments', 'reason'),
  patientColumnSealStep('consent_records', 'text_shown'),
  sealChannelSecretsStep,
];
