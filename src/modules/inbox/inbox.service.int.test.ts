import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import { WHATSAPP_WINDOW } from '../../channels/whatsapp/whatsapp-capabilities.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { fixedClock } from '../../platform/time/clock.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { insertContact } from '../contacts/contact.repository.ts';
import { automationOf } from '../flows/automation-control.service.ts';
import { queueClosingAutomation } from '../flows/conversation-automation.ts';
import { followInboundMessage } from '../ingest/follow-inbound-message.ts';
import { attachmentsOfMessages } from '../media/media.service.ts';
import { submitOutboundMessage } from '../outbox/outbound-submission.service.ts';
import { type OutboxClinic, outboxSenders, seedOutboxClinic } from '../outbox/outbox.test-support.ts';
import { latestOpenRedFlags } from '../safety/conversation-red-flags.ts';
import { countOpenConversations } from './conversation.repository.ts';
import { findConversation } from './conversation.service.ts';
import { LiveConversationExistsError, setConversationStatus } from './conversation-status.service.ts';
import type { ViewContext } from './conversation-view.service.ts';
import {
  appendInboundMessage,
  ConversationNotFoundError,
  getConversation,
  listConversations,
  listMessages,
  markConversationRead,
} from './inbox.service.ts';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(TEST_ENGINES)('the inbox: patients’ messages and their conversations (%s)', (engine) => {
  let handle: DbHandle;
  let clinic: OutboxClinic;
  let other: OutboxClinic;
  let wamid = 0;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    clinic = await seedOutboxClinic(handle.db, 'Centre de santé des Lilas', 'http://127.0.0.1:9');
    other = await seedOutboxClinic(handle.db, 'Cabinet Pasteur', 'http://127.0.0.1:9');
  });
  afterAll(async () => {
    await handle?.close();
  });

  const view = (now = at(60)): ViewContext => ({
    now,
    keyring: testKeyring,
    windowPolicyOf: (account) => (account.type === 'whatsapp' ? WHATSAPP_WINDOW : null),
    redFlagsOf: latestOpenRedFlags,
    automationOf,
  });

  const patient = async (of = clinic, name = 'Inès Moreau') =>
    (await insertContact(handle.db, testKeyring, { orgId: of.org.id, displayName: name })).id;

  /** The patient writes on one of the clinic's channels, as ingest stores it. */
  async function writes(
    contactId: string,
    text: string,
    occurredAt: Date,
    options: { account?: ChannelAccount; externalId?: string; of?: OutboxClinic } = {},
  ) {
    const of = options.of ?? clinic;
    wamid += 1;
    return handle.db.transaction((tx) =>
      appendInboundMessage(
        tx,
        testKeyring,
        {
          orgId: of.org.id,
          channelAccountId: (options.account ?? of.whatsapp).id,
          contactId,
          externalId: options.externalId ?? `wamid.INBOX-${wamid}`,
          type: 'text',
          text,
          content: null,
          replyToExternalId: null,
          occurredAt,
        },
        occurredAt,
        followInboundMessage,
      ),
    );
  }

  async function conversationOf(stored: Awaited<ReturnType<typeof writes>>, of = clinic) {
    if (stored.duplicate) throw new Error('stored as a duplicate');
    const conversation = await findConversation(handle.db, of.org.id, stored.message.conversationId);
    if (!conversation) throw new Error('no conversation');
    return conversation;
  }

  const texts = async (conversationId: string, orgId = clinic.org.id) =>
    (
      await listMessages(
        handle.db,
        testKeyring,
        orgId,
        conversationId,
        { limit: 50, seesMedical: true },
        attachmentsOfMessages,
      )
    ).data
      .map((m) => m.text)
      .toReversed();

  test('a first message opens a conversation; the next ones join it, each unread, the wait from the first', async () => {
    const contactId = await patient();
    const first = await conversationOf(await writes(contactId, 'Bonjour', at(0)));
    const second = await conversationOf(await writes(contactId, 'J’ai de la fièvre depuis hier', at(2)));

    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({
      status: 'open',
      contactId,
      channelAccountId: clinic.whatsapp.id,
      unreadCount: 2,
      lastInboundAt: at(2),
      lastMessageAt: at(2),
      waitingSince: at(0),
    });
    expect(await texts(first.id)).toEqual(['Bonjour', 'J’ai de la fièvre depuis hier']);
    const summary = await getConversation(handle.db, clinic.org.id, first.id, view(at(3)));
    expect(summary).toMatchObject({
      contact: { id: contactId, displayName: 'Inès Moreau' },
      lastMessage: expect.objectContaining({ text: 'J’ai de la fièvre depuis hier' }),
      window: { open: true, closesAt: new Date(at(2).getTime() + 24 * 3_600_000) },
    });
  });

  test('a delivery received twice is stored once and counted once', async () => {
    const contactId = await patient();
    const once = await writes(contactId, 'Ordonnance SVP', at(0), { externalId: 'wamid.TWICE' });
    const again = await writes(contactId, 'Ordonnance SVP', at(0), { externalId: 'wamid.TWICE' });

    expect(again).toEqual({ duplicate: true });
    const conversation = await conversationOf(once);
    expect(conversation.unreadCount).toBe(1);
    expect(await texts(conversation.id)).toEqual(['Ordonnance SVP']);
  });

  test('a message delivered late takes its place in the timeline, and the wait counts from it', async () => {
    const contactId = await patient();
    const conversation = await conversationOf(await writes(contactId, 'Deuxième', at(10)));
    await writes(contactId, 'Premier', at(5));

    expect(await texts(conversation.id)).toEqual(['Premier', 'Deuxième']);
    expect(await findConversation(handle.db, clinic.org.id, conversation.id)).toMatchObject({
      // The window runs from the latest message, whatever order they came in…
      lastInboundAt: at(10),
      lastMessageAt: at(10),
      // …and the patient has waited since their first unanswered one.
      waitingSince: at(5),
      unreadCount: 2,
    });
  });

  test('a message delivered after the clinic’s answer to it does not make the patient wait again', async () => {
    const contactId = await patient();
    const conversation = await conversationOf(await writes(contactId, 'Bonjour', at(0)));
    const answeredAt = new Date(at(7).getTime() + 400);
    const reply = await submitOutboundMessage(
      {
        db: handle.db,
        keyring: testKeyring,
        senders: outboxSenders(handle.db),
        clock: fixedClock(answeredAt),
      },
      {
        orgId: clinic.org.id,
        conversationId: conversation.id,
        message: { type: 'text', text: 'Bonjour, que pouvons-nous faire pour vous ?' },
        sentByApiKeyId: null,
      },
    );
    expect(reply.outcome).toBe('queued');
    const waitingSince = async () =>
      (await findConversation(handle.db, clinic.org.id, conversation.id))?.waitingSince;
    expect(await waitingSince()).toBeNull();

    // Written before the clinic answered, delivered after it.
    await writes(contactId, 'C’est pour un renouvellement', at(5));
    expect(await waitingSince()).toBeNull();
    // Stamped to the second, like every WhatsApp message: in the second of the answer, maybe after it.
    await writes(contactId, 'Ah, et une question', at(7));
    expect(await waitingSince()).toEqual(at(7));
    await writes(contactId, 'Vous êtes là ?', at(9));
    expect(await findConversation(handle.db, clinic.org.id, conversation.id)).toMatchObject({
      waitingSince: at(7),
      unreadCount: 4,
    });
  });

  test('the same patient on another channel of the clinic has a conversation of their own there', async () => {
    const contactId = await patient();
    const onWhatsApp = await conversationOf(await writes(contactId, 'Bonjour', at(0)));
    const onTelegram = await conversationOf(
      await writes(contactId, 'Bonjour de Telegram', at(1), { account: clinic.telegram }),
    );
    expect(onTelegram.id).not.toBe(onWhatsApp.id);
    expect(onTelegram.channelAccountId).toBe(clinic.telegram.id);
    expect(await texts(onWhatsApp.id)).toEqual(['Bonjour']);
  });

  test('after a conversation is closed the patient’s next message opens a new one; the old one reopens only once that is closed', async () => {
    const contactId = await patient();
    const old = await conversationOf(await writes(contactId, 'Merci, au revoir', at(0)));
    await setConversationStatus(handle.db, clinic.org.id, old.id, 'closed', at(5), queueClosingAutomation);

    const next = await conversationOf(await writes(contactId, 'Re-bonjour, une question', at(60)));
    expect(next.id).not.toBe(old.id);
    expect(next).toMatchObject({ status: 'open', unreadCount: 1, waitingSince: at(60) });
    expect(await findConversation(handle.db, clinic.org.id, old.id)).toMatchObject({
      status: 'closed',
      closedAt: at(5),
    });
    expect(await texts(next.id)).toEqual(['Re-bonjour, une question']);

    // An agent cannot reopen the old one beside it: one live conversation per patient and number.
    const refused = await setConversationStatus(
      handle.db,
      clinic.org.id,
      old.id,
      'open',
      at(61),
      queueClosingAutomation,
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LiveConversationExistsError);
    expect((refused as LiveConversationExistsError).liveConversationId).toBe(next.id);

    await setConversationStatus(handle.db, clinic.org.id, next.id, 'closed', at(62), queueClosingAutomation);
    expect(
      await setConversationStatus(handle.db, clinic.org.id, old.id, 'open', at(63), queueClosingAutomation),
    ).toMatchObject({
      status: 'open',
      closedAt: null,
    });
    // The patient's next message goes to the reopened conversation.
    expect((await conversationOf(await writes(contactId, 'Toujours là ?', at(64)))).id).toBe(old.id);
  });

  test('reading a conversation clears its unread messages, and the inbox badges follow', async () => {
    const badges = () => countOpenConversations(handle.db, clinic.org.id, null);
    const before = await badges();
    const contactId = await patient();
    const conversation = await conversationOf(await writes(contactId, 'Allô ?', at(0)));
    await writes(contactId, 'Il y a quelqu’un ?', at(1));

    expect(await badges()).toMatchObject({ all: before.all + 1, unread: before.unread + 2 });
    expect(await markConversationRead(handle.db, clinic.org.id, conversation.id, at(2))).toMatchObject({
      unreadCount: 0,
    });
    expect(await badges()).toMatchObject({ all: before.all + 1, unread: before.unread });
  });

  test('another clinic’s conversation is not found, listed, read or marked read', async () => {
    const theirs = await conversationOf(
      await writes(await patient(other, 'Paul Durand'), 'Bonjour', at(0), { of: other }),
      other,
    );
    const refusals = await Promise.all(
      [
        getConversation(handle.db, clinic.org.id, theirs.id, view()),
        listMessages(
          handle.db,
          testKeyring,
          clinic.org.id,
          theirs.id,
          { limit: 50, seesMedical: true },
          attachmentsOfMessages,
        ),
        markConversationRead(handle.db, clinic.org.id, theirs.id, at(1)),
      ].map((p) =>
        p.then(
          () => 'answered',
          (error: unknown) => error,
        ),
      ),
    );
    for (const refusal of refusals) expect(refusal).toBeInstanceOf(ConversationNotFoundError);

    const ours = await listConversations(handle.db, clinic.org.id, { limit: 500 }, view());
    expect(ours.data.map((c) => c.id)).not.toContain(theirs.id);
    // Untouched: still unread for the clinic it belongs to.
    expect(await findConversation(handle.db, other.org.id, theirs.id)).toMatchObject({ unreadCount: 1 });
  });
});
