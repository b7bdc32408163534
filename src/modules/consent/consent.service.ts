import type { DbOrTx } from '../../platform/db/db.ts';
import { CHANNEL_TYPES, type ChannelType } from '../channel-accounts/channel-types.ts';
import type { Keyring } from '../keys/keyring.ts';
import {
  consentHistoryOf,
  insertConsentRecord,
  latestConsentRecord,
  latestConsentRecordsOf,
} from './consent.repository.ts';
import {
  CONSENT_PURPOSES,
  type ConsentMethod,
  type ConsentPurpose,
  type ConsentRecord,
} from './consent.schema.ts';

// What other modules may read or change here: they call this service, never the repository.
export {
  consentingChannelsOf,
  consentWithdrawals,
  contactsWithConsent,
  latestConsentWordsOf,
} from './consent.repository.ts';
export { CONSENT_PURPOSES } from './consent.schema.ts';

export interface ConsentInput {
  orgId: string;
  contactId: string;
  channel: ChannelType;
  purpose: ConsentPurpose;
  granted: boolean;
  method: ConsentMethod;
  /** The question or keyword exactly as the patient saw or typed it. */
  textShown: string;
  messageId?: string | null;
  recordedByUserId?: string | null;
  /** When it was given; now by default. */
  at?: Date;
}

/**
 * Adds a line to the ledger. Nothing is ever updated: the latest line is the current state. The words
 * shown are the patient's record: sealed with their key (erasing the patient makes them unreadable,
 * while the line itself, that consent was given or withdrawn and when, stays).
 */
export async function recordConsent(
  db: DbOrTx,
  keyring: Keyring,
  input: ConsentInput,
): Promise<ConsentRecord> {
  const sealer = await keyring.patient(db, input.orgId, input.contactId);
  const record = await insertConsentRecord(db, {
    orgId: input.orgId,
    contactId: input.contactId,
    channel: input.channel,
    purpose: input.purpose,
    granted: input.granted,
    method: input.method,
    textShown: sealer.seal(input.textShown, 'consent_records.text_shown'),
    messageId: input.messageId ?? null,
    recordedByUserId: input.recordedByUserId ?? null,
    ...(input.at ? { recordedAt: input.at } : {}),
  });
  return { ...record, textShown: input.textShown };
}

export interface CurrentConsent {
  granted: boolean;
  record: ConsentRecord;
}

/** What the patient last said about this purpose on this channel; null when never asked. */
export async function currentConsent(
  db: DbOrTx,
  orgId: string,
  contactId: string,
  channel: ChannelType,
  purpose: ConsentPurpose,
): Promise<CurrentConsent | null> {
  const record = await latestConsentRecord(db, orgId, contactId, channel, purpose);
  return record ? { granted: record.granted, record } : null;
}

/** One channel × purpose as the inbox shows it: `unknown` until the patient has answered. */
export interface ConsentState {
  channel: ChannelType;
  purpose: ConsentPurpose;
  state: 'granted' | 'withdrawn' | 'unknown';
  record: ConsentRecord | null;
}

/** Every channel × purpose of the patient, answered or not, in a stable order. */
export async function consentStates(db: DbOrTx, orgId: string, contactId: string): Promise<ConsentState[]> {
  const latest = await latestConsentRecordsOf(db, orgId, contactId);
  return CHANNEL_TYPES.flatMap((channel) =>
    CONSENT_PURPOSES.map((purpose): ConsentState => {
      const record = latest.find((r) => r.channel === channel && r.purpose === purpose) ?? null;
      const state = record === null ? 'unknown' : record.granted ? 'granted' : 'withdrawn';
      return { channel, purpose, state, record };
    }),
  );
}

/** The ledger's lines for the patient, newest first. */
export async function consentHistory(
  db: DbOrTx,
  orgId: string,
  contactId: string,
  limit = 200,
): Promise<ConsentRecord[]> {
  return consentHistoryOf(db, orgId, contactId, limit);
}
