import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import type { OutboundMessage } from '../../channels/channel.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import { findConversation } from '../inbox/conversation.service.ts';
import { appendInboundMessage, ConversationNotFoundError, listMessages } from '../inbox/inbox.service.ts';
import { followInboundMessage } from '../ingest/follow-inbound-message.ts';
import { attachmentsOfMessages } from '../media/media.service.ts';
import { syncTemplates } from '../templates/template.service.ts';
import {
  OutboundValidationError,
  type SubmissionDeps,
  submitOutboundMessage,
} from './outbound-submission.service.ts';
import {
  addOutboxPatient,
  type OutboxClinic,
  outboxSenders,
  seedOutboxClinic,
  sendJobOf,
} from './outbox.test-support.ts';

const HOUR = 3_600_000;
const NOW = new Date('2026-03-02T09:00:00.000Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

describe.each(TEST_ENGINES)('submitting a message to a patient (%s)', (engine) => {
  let handle: DbHandle;
  let clinic: OutboxClinic;
  let other: OutboxClinic;
  let deps: SubmissionDeps;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    // No test here sends: the bot's API is never called.
    clinic = await seedOutboxClinic(handle.db, 'Centre de santé du Canal', 'http://127.0.0.1:9');
    other = await seedOutboxClinic(handle.db, 'Cabinet Pasteur', 'http://127.0.0.1:9');
    deps = { db: handle.db, keyring: testKeyring, senders: outboxSenders(handle.db), clock: fixedClock(NOW) };
    await syncTemplates(
      handle.db,
      clinic.org.id,
      'whatsapp',
      clinic.wabaId,
      [
        {
          externalId: 'tpl-1',
          name: 'rappel_rdv',
          language: 'fr',
          category: 'UTILITY',
          status: 'APPROVED',
          parameterFormat: 'POSITIONAL',
          components: [{ type: 'BODY', text: 'Bonjour {{1}}, votre rendez-vous est le {{2}}.' }],
        },
      ],
      NOW,
    );
  });
  afterAll(async () => {
    await handle?.close();
  });

  const submit = (conversationId: string, message: OutboundMessage, orgId = clinic.org.id) =>
    submitOutboundMessage(deps, { orgId, conversationId, message, sentByApiKeyId: null });

  /** The conversation's timeline as the inbox shows it, oldest first. */
  async function timeline(conversationId: string, orgId = clinic.org.id) {
    const page = await listMessages(
      handle.db,
      testKeyring,
      orgId,
      conversationId,
      {
        limit: 50,
        seesMedical: true,
      },
      attachmentsOfMessages,
    );
    return page.data.toReversed();
  }

  async function refusal(promise: Promise<unknown>): Promise<OutboundValidationError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(OutboundValidationError);
    return error as OutboundValidationError;
  }

  test('a reply while the window is open is stored queued with its send job, and ends the patient’s wait', async () => {
    const patient = await addOutboxPatient(handle.db, clinic, 'whatsapp', ago(2));
    const submission = await submit(patient.conversationId, {
      type: 'text',
      text: 'Votre ordonnance est prête',
    });

    expect(submission.outcome).toBe('queued');
    expect(await timeline(patient.conversationId)).toEqual([
      expect.objectContaining({
        id: submission.message.id,
        direction: 'outbound',
        type: 'text',
        text: 'Votre ordonnance est prête',
        status: 'queued',
        failureReason: null,
      }),
    ]);
    expect(await sendJobOf(handle.db, submission.message.id)).toMatchObject({
      status: 'queued',
      orgId: clinic.org.id,
      payload: { messageId: submission.message.id, orgId: clinic.org.id },
    });
    expect(await findConversation(handle.db, clinic.org.id, patient.conversationId)).toMatchObject({
      waitingSince: null,
      lastMessageAt: NOW,
    });
  });

  test('free text after the 24-hour window is refused as window_closed, kept as refused, never queued', async () => {
    const lastWrote = ago(25);
    const patient = await addOutboxPatient(handle.db, clinic, 'whatsapp', lastWrote);
    const submission = await submit(patient.conversationId, { type: 'text', text: 'Des nouvelles ?' });

    expect(submission).toMatchObject({ outcome: 'refused', reason: 'window_closed' });
    if (submission.outcome !== 'refused') throw new Error('not refused');
    expect(submission.detail).toContain(new Date(lastWrote.getTime() + 24 * HOUR).toISOString());
    expect(submission.detail).toMatch(/template/);
    // The agent sees it did not go, and why; nothing will ever send it.
    expect(await timeline(patient.conversationId)).toEqual([
      expect.objectContaining({ text: 'Des nouvelles ?', status: 'refused', failureReason: 'window_closed' }),
    ]);
    expect(await sendJobOf(handle.db, submission.message.id)).toBeUndefined();
    // A message that never went does not end the patient's wait.
    expect(await findConversation(handle.db, clinic.org.id, patient.conversationId)).toMatchObject({
      waitingSince: lastWrote,
    });
  });

  test('a patient who never wrote has no window yet: free text is refused, saying so', async () => {
    const patient = await addOutboxPatient(handle.db, clinic, 'whatsapp', null);
    const submission = await submit(patient.conversationId, { type: 'text', text: 'Bonjour' });
    expect(submission).toMatchObject({
      outcome: 'refused',
      reason: 'window_closed',
      detail: expect.stringMatching(/has not written yet.*template/),
    });
  });

  test('an approved template goes out whatever the window; one the registry does not hold is refused, nothing stored', async () => {
    const patient = await addOutboxPatient(handle.db, clinic, 'whatsapp', ago(72));
    const template = (name: string, body: string[]): OutboundMessage => ({
      type: 'template',
      name,
      language: 'fr',
      components: { body },
    });

    const sent = await submit(patient.conversationId, template('rappel_rdv', ['Chloé', 'mardi 3 mars']));
    expect(sent.outcome).toBe('queued');
    expect(await sendJobOf(handle.db, sent.message.id)).toMatchObject({ status: 'queued' });

    const unknown = await refusal(submit(patient.conversationId, template('rappel_vaccin', ['Chloé'])));
    expect(unknown.violations).toEqual([
      expect.objectContaining({
        field: 'name',
        limit: expect.stringMatching(/no template "rappel_vaccin" in fr/),
      }),
    ]);
    const missingValue = await refusal(submit(patient.conversationId, template('rappel_rdv', ['Chloé'])));
    expect(missingValue.violations.map((v) => v.field)).toEqual(['components.body']);
    expect((await timeline(patient.conversationId)).map((m) => m.id)).toEqual([sent.message.id]);
  });

  test('a text longer than WhatsApp carries is refused naming the field; nothing is stored or queued', async () => {
    const patient = await addOutboxPatient(handle.db, clinic, 'whatsapp', ago(1));
    const error = await refusal(submit(patient.conversationId, { type: 'text', text: 'é'.repeat(4097) }));
    expect(error.violations).toEqual([expect.objectContaining({ field: 'text' })]);
    expect(error.message).toMatch(/^text: /);
    expect(await timeline(patient.conversationId)).toEqual([]);
  });

  test('Telegram has no window: a patient who wrote a month ago gets free text', async () => {
    const patient = await addOutboxPatient(handle.db, clinic, 'telegram', ago(24 * 30));
    const submission = await submit(patient.conversationId, {
      type: 'text',
      text: 'Vos résultats sont arrivés',
    });
    expect(submission.outcome).toBe('queued');
    expect(await sendJobOf(handle.db, submission.message.id)).toMatchObject({ status: 'queued' });
  });

  test('a reply may quote the patient’s message of this conversation, not one of another conversation', async () => {
    const patient = await addOutboxPatient(handle.db, clinic, 'whatsapp', ago(1));
    const elsewhere = await addOutboxPatient(handle.db, clinic, 'whatsapp', ago(1));
    const question = await patientWrote(patient.contactId, 'wamid.QUESTION-1', 'Je peux venir à 15 h ?');
    const foreign = await patientWrote(elsewhere.contactId, 'wamid.OTHER-1', 'Merci');

    const answer = await submit(patient.conversationId, {
      type: 'text',
      text: 'Oui, à tout à l’heure',
      replyToMessageId: question,
    });
    expect(answer.outcome).toBe('queued');
    expect(answer.message.replyToExternalId).toBe('wamid.QUESTION-1');

    const error = await refusal(
      submit(patient.conversationId, { type: 'text', text: 'Oui', replyToMessageId: foreign }),
    );
    expect(error.violations).toEqual([
      { field: 'replyToMessageId', limit: 'must be a message of this conversation that reached the patient' },
    ]);
  });

  test('another clinic’s conversation is not found, and nothing is written in it', async () => {
    const theirs = await addOutboxPatient(handle.db, other, 'whatsapp', ago(1));
    await expect(
      submit(theirs.conversationId, { type: 'text', text: 'Bonjour' }, clinic.org.id),
    ).rejects.toBeInstanceOf(ConversationNotFoundError);
    expect(await timeline(theirs.conversationId, other.org.id)).toEqual([]);
    // Nor does it answer to an id that is no conversation at all.
    await expect(
      submit('0b6f3c1e-4a52-4d8e-9b6a-3f0c2d1e5a7b', { type: 'text', text: 'Bonjour' }),
    ).rejects.toBeInstanceOf(ConversationNotFoundError);
  });

  /** The patient's WhatsApp message, stored as ingest stores it; its Careline id. */
  async function patientWrote(contactId: string, wamid: string, text: string): Promise<string> {
    const stored = await handle.db.transaction((tx) =>
      appendInboundMessage(
        tx,
        testKeyring,
        {
          orgId: clinic.org.id,
          channelAccountId: clinic.whatsapp.id,
          contactId,
          externalId: wamid,
          type: 'text',
          text,
          content: null,
          replyToExternalId: null,
          occurredAt: ago(0.5),
        },
        NOW,
        followInboundMessage,
      ),
    );
    if (stored.duplicate) throw new Error('already stored');
    return stored.message.id;
  }
});
