import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import { testKeyring } from '../../../test/support/test-keyring.ts';
import { journalWebhook, markWebhookProcessed } from '../../channels/webhook-journal.repository.ts';
import { channelWebhookQueue } from '../../channels/webhook-queues.ts';
import { FieldCipher } from '../../platform/crypto/field-cipher.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { jobs } from '../../platform/jobs/job.schema.ts';
import type { ChannelAccount } from '../channel-accounts/channel-account.schema.ts';
import { addWhatsAppAccount } from '../channel-accounts/whatsapp-account.service.ts';
import { createOrg } from '../orgs/org.service.ts';
import { alerts } from './alert.schema.ts';
import {
  type AlertKind,
  AlertNotFoundError,
  AlertNotRetryableError,
  closeAlertsOfForgottenDeliveries,
  isRetryable,
  openAlerts,
  raiseAlert,
  resolveAlert,
  retryAlert,
} from './alert.service.ts';

const T0 = new Date('2026-03-02T09:00:00.000Z');
const cipher = FieldCipher.forKey(randomBytes(32));
let nextNumber = 100_000_200_000;

describe.each(TEST_ENGINES)('operator alerts (%s)', (engine) => {
  let handle: DbHandle;
  let delivery = 0;

  beforeAll(async () => {
    handle = await openTestDb(engine);
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** A clinic with one WhatsApp number. */
  async function clinic(name: string): Promise<{ orgId: string; account: ChannelAccount }> {
    const org = await createOrg(handle.db, { name, slug: `alerts-${randomBytes(4).toString('hex')}` });
    nextNumber += 1;
    const account = await addWhatsAppAccount(handle.db, testKeyring, {
      orgId: org.id,
      phoneNumberId: String(nextNumber),
      accessToken: 'token-0123456789',
      appSecret: 'secret-0123456789',
      verifyToken: 'verify-0123456789',
    });
    return { orgId: org.id, account };
  }

  /** A delivery from Meta, journaled (body kept, encrypted) with its processing job. */
  async function journaled(account: ChannelAccount): Promise<number> {
    delivery += 1;
    const body = Buffer.from(JSON.stringify({ object: 'whatsapp_business_account', entry: [], n: delivery }));
    const id = await journalWebhook(handle.db, cipher, account, body, {
      queue: channelWebhookQueue,
      priority: 0,
      maxAttempts: 10,
      sequenceKey: null,
    });
    if (id === undefined) throw new Error('already journaled');
    return id;
  }

  const raise = (
    of: { orgId: string; account: ChannelAccount },
    kind: AlertKind,
    detail: string,
    webhookEventId?: number,
  ) =>
    raiseAlert(
      handle.db,
      {
        orgId: of.orgId,
        channelAccountId: of.account.id,
        kind,
        detail,
        ...(webhookEventId ? { webhookEventId } : {}),
      },
      T0,
    );

  const queuedJobsOf = async (webhookEventId: number) =>
    (
      await handle.db
        .select()
        .from(jobs)
        .where(
          and(
            eq(jobs.queue, channelWebhookQueue.name),
            eq(jobs.status, 'queued'),
            sql`(${jobs.payload}->>'webhookEventId')::bigint = ${webhookEventId}`,
          ),
        )
    ).length;

  test('the same trouble raises one open alert; once resolved, it raises a new one', async () => {
    const lilas = await clinic('Centre de santé des Lilas');
    await raise(lilas, 'channel_token_invalid', 'WhatsApp: the access token was refused (190)');
    await raise(lilas, 'channel_token_invalid', 'WhatsApp: the access token was refused (190)');
    const [open] = await openAlerts(handle.db, lilas.orgId);
    expect(await openAlerts(handle.db, lilas.orgId)).toEqual([
      expect.objectContaining({
        kind: 'channel_token_invalid',
        channelAccountId: lilas.account.id,
        resolvedAt: null,
      }),
    ]);
    if (!open) throw new Error('no alert');
    expect(isRetryable(open)).toBe(false);

    expect(await resolveAlert(handle.db, lilas.orgId, open.id, T0)).toMatchObject({
      id: open.id,
      resolvedAt: T0,
    });
    expect(await openAlerts(handle.db, lilas.orgId)).toEqual([]);
    await expect(resolveAlert(handle.db, lilas.orgId, open.id, T0)).rejects.toBeInstanceOf(
      AlertNotFoundError,
    );

    await raise(lilas, 'channel_token_invalid', 'WhatsApp: the access token was refused again (190)');
    const again = await openAlerts(handle.db, lilas.orgId);
    expect(again).toHaveLength(1);
    expect(again[0]?.id).not.toBe(open.id);
  });

  test('a delivery that could not be stored is retried: queued again, its alert closed', async () => {
    const port = await clinic('Maison de santé du Port');
    const event = await journaled(port.account);
    await raise(port, 'inbound_not_stored', 'A delivery could not be stored: value too long', event);
    const [alert] = await openAlerts(handle.db, port.orgId);
    if (!alert) throw new Error('no alert');
    expect(isRetryable(alert)).toBe(true);
    const before = await queuedJobsOf(event);

    expect(await retryAlert(handle.db, port.orgId, alert.id, T0)).toMatchObject({
      id: alert.id,
      resolvedAt: T0,
    });
    expect(await queuedJobsOf(event)).toBe(before + 1);
    expect(await openAlerts(handle.db, port.orgId)).toEqual([]);
    // Closed: a second retry has nothing to act on.
    await expect(retryAlert(handle.db, port.orgId, alert.id, T0)).rejects.toBeInstanceOf(AlertNotFoundError);
  });

  test('nothing to retry: a token to replace, or a delivery whose body is forgotten; the alert stays open', async () => {
    const canal = await clinic('Centre de santé du Canal');
    await raise(canal, 'channel_token_invalid', 'WhatsApp: the access token was refused (190)');
    const event = await journaled(canal.account);
    await raise(canal, 'inbound_not_stored', 'A delivery could not be stored', event);
    await markWebhookProcessed(handle.db, event, T0);
    const before = await queuedJobsOf(event);

    for (const alert of await openAlerts(handle.db, canal.orgId)) {
      await expect(retryAlert(handle.db, canal.orgId, alert.id, T0)).rejects.toBeInstanceOf(
        AlertNotRetryableError,
      );
    }
    expect(await openAlerts(handle.db, canal.orgId)).toHaveLength(2);
    expect(await queuedJobsOf(event)).toBe(before);
  });

  test('a delivery has one open alert: that it could not be stored replaces that items of it were refused', async () => {
    const parc = await clinic('Clinique du Parc');
    const event = await journaled(parc.account);
    await raise(
      parc,
      'inbound_item_refused',
      'A message without a usable sender was kept as received',
      event,
    );
    await raise(
      parc,
      'inbound_item_refused',
      'A message without a usable sender was kept as received',
      event,
    );
    expect((await openAlerts(handle.db, parc.orgId)).map((a) => a.kind)).toEqual(['inbound_item_refused']);

    await raise(parc, 'inbound_not_stored', 'A delivery could not be stored', event);
    expect((await openAlerts(handle.db, parc.orgId)).map((a) => a.kind)).toEqual(['inbound_not_stored']);
  });

  test('when the journal forgets a delivery, its open alert closes saying why', async () => {
    const gare = await clinic('Cabinet de la Gare');
    const forgotten = await journaled(gare.account);
    const kept = await journaled(gare.account);
    await raise(gare, 'inbound_not_stored', 'A delivery could not be stored.', forgotten);
    await raise(gare, 'inbound_not_stored', 'Another delivery could not be stored.', kept);

    const note = 'Its body was erased after 30 days: there is nothing left to retry.';
    expect(await closeAlertsOfForgottenDeliveries(handle.db, [forgotten], note, T0)).toBe(1);
    expect((await openAlerts(handle.db, gare.orgId)).map((a) => a.webhookEventId)).toEqual([kept]);
    expect(await handle.db.select().from(alerts).where(eq(alerts.webhookEventId, forgotten))).toEqual([
      expect.objectContaining({ resolvedAt: T0, detail: `A delivery could not be stored. ${note}` }),
    ]);
    expect(await closeAlertsOfForgottenDeliveries(handle.db, [forgotten], note, T0)).toBe(0);
  });

  test('another clinic’s alert is not listed, resolved or retried, and stays open for its clinic', async () => {
    const ours = await clinic('Cabinet Pasteur');
    const theirs = await clinic('Centre médical Oberkampf');
    const event = await journaled(theirs.account);
    await raise(theirs, 'inbound_not_stored', 'A delivery could not be stored', event);
    const [alert] = await openAlerts(handle.db, theirs.orgId);
    if (!alert) throw new Error('no alert');

    expect(await openAlerts(handle.db, ours.orgId)).toEqual([]);
    await expect(resolveAlert(handle.db, ours.orgId, alert.id, T0)).rejects.toBeInstanceOf(
      AlertNotFoundError,
    );
    await expect(retryAlert(handle.db, ours.orgId, alert.id, T0)).rejects.toBeInstanceOf(AlertNotFoundError);
    expect(await openAlerts(handle.db, theirs.orgId)).toEqual([expect.objectContaining({ id: alert.id })]);
  });
});
