import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { CHANNEL_TYPES } from '../channel-accounts/channel-types.ts';
import { insertContact } from '../contacts/contact.repository.ts';
import { createOrg } from '../orgs/org.service.ts';
import { contactsWithConsent } from './consent.repository.ts';
import { CONSENT_PURPOSES } from './consent.schema.ts';
import { consentHistory, consentStates, currentConsent, recordConsent } from './consent.service.ts';

describe.each(TEST_ENGINES)('the consent ledger (%s)', (engine) => {
  let handle: DbHandle;
  let orgId: string;
  let otherOrgId: string;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    orgId = (await createOrg(handle.db, { name: 'Centre Belleville' })).id;
    otherOrgId = (await createOrg(handle.db, { name: 'Autre cabinet' })).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const patient = async (org = orgId) =>
    (await insertContact(handle.db, testKeyring, { orgId: org, displayName: 'Chloé' })).id;
  const line = (contactId: string, granted: boolean, textShown: string, at?: Date) => ({
    orgId,
    contactId,
    channel: 'whatsapp' as const,
    purpose: 'appointment_reminders' as const,
    granted,
    method: 'keyword' as const,
    textShown,
    ...(at ? { at } : {}),
  });

  test('the current state is the latest line, even when STOP and START are recorded in the same instant', async () => {
    const contactId = await patient();
    expect(await currentConsent(handle.db, orgId, contactId, 'whatsapp', 'appointment_reminders')).toBeNull();
    const at = new Date('2025-12-01T10:00:00Z');
    await handle.db.transaction(async (tx) => {
      await recordConsent(tx, testKeyring, line(contactId, false, 'STOP', at));
      await recordConsent(tx, testKeyring, line(contactId, true, 'START', at));
    });
    expect(
      await currentConsent(handle.db, orgId, contactId, 'whatsapp', 'appointment_reminders'),
    ).toMatchObject({
      granted: true,
      record: { method: 'keyword' },
    });
    // The words are stored sealed with the patient's key and open to what the patient typed.
    const history = await consentHistory(handle.db, orgId, contactId);
    expect(history.map((r) => r.textShown).join(' ')).not.toMatch(/STOP|START/);
    const opener = await testKeyring.opener(
      handle.db,
      orgId,
      history.map((r) => r.textShown),
    );
    expect(history.map((r) => opener.open(r.textShown, 'consent_records.text_shown'))).toEqual([
      'START',
      'STOP',
    ]);
    expect(
      await contactsWithConsent(handle.db, orgId, [contactId], 'whatsapp', 'appointment_reminders'),
    ).toEqual(new Set([contactId]));
  });

  test('every channel × purpose has a state for the inbox; unanswered ones are unknown', async () => {
    const contactId = await patient();
    await recordConsent(handle.db, testKeyring, line(contactId, false, 'STOP RAPPELS'));
    const states = await consentStates(handle.db, orgId, contactId);
    expect(states).toHaveLength(CHANNEL_TYPES.length * CONSENT_PURPOSES.length);
    expect(states.filter((s) => s.state !== 'unknown')).toEqual([
      expect.objectContaining({ channel: 'whatsapp', purpose: 'appointment_reminders', state: 'withdrawn' }),
    ]);
  });

  test('a batch of patients: only those whose latest word is yes, and only the clinic’s own', async () => {
    const [yes, no, never, foreign] = [
      await patient(),
      await patient(),
      await patient(),
      await patient(otherOrgId),
    ];
    if (!yes || !no || !never || !foreign) throw new Error('no patients');
    await recordConsent(handle.db, testKeyring, line(yes, true, 'Oui'));
    await recordConsent(handle.db, testKeyring, line(no, true, 'Oui'));
    await recordConsent(handle.db, testKeyring, line(no, false, 'STOP'));
    await recordConsent(handle.db, testKeyring, { ...line(foreign, true, 'Oui'), orgId: otherOrgId });
    expect(
      await contactsWithConsent(
        handle.db,
        orgId,
        [yes, no, never, foreign],
        'whatsapp',
        'appointment_reminders',
      ),
    ).toEqual(new Set([yes]));
    expect(await currentConsent(handle.db, orgId, foreign, 'whatsapp', 'appointment_reminders')).toBeNull();
  });
});
