import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDb, TEST_ENGINES } from '../../../test/support/test-db.ts';
import type { DbHandle } from '../../platform/db/create-db.ts';
import { createOrg } from '../orgs/org.service.ts';
import {
  BadCursorError,
  CannedReplyNotFoundError,
  changeCannedReply,
  createCannedReply,
  DuplicateShortcutError,
  listCannedReplies,
  removeCannedReply,
} from './canned-reply.service.ts';

describe.each(TEST_ENGINES)('canned replies (%s)', (engine) => {
  let handle: DbHandle;
  let orgId: string;
  let otherOrgId: string;

  beforeAll(async () => {
    handle = await openTestDb(engine);
    orgId = (await createOrg(handle.db, { name: 'Centre médical Oberkampf' })).id;
    otherOrgId = (await createOrg(handle.db, { name: 'Cabinet Pasteur' })).id;
  });
  afterAll(async () => {
    await handle?.close();
  });

  const save = (shortcut: string, text = `Texte de /${shortcut}`, org = orgId) =>
    createCannedReply(handle.db, { orgId: org, shortcut, text, language: null, createdByUserId: null });

  async function shortcuts(prefix: string, org = orgId, limit = 50): Promise<string[]> {
    return (await listCannedReplies(handle.db, org, { prefix, limit })).data.map((r) => r.shortcut);
  }

  /** Every page of a listing, as the composer loads them. */
  async function allPages(prefix: string, limit: number): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await listCannedReplies(handle.db, orgId, {
        prefix,
        limit,
        ...(cursor !== undefined ? { cursor } : {}),
      });
      pages.push(page.data.map((r) => r.shortcut));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return pages;
  }

  test('listed in shortcut order, the same on every engine, and paged without a gap or a repeat', async () => {
    for (const shortcut of ['rdv_tard', 'rdv-annule', 'rdv2', 'rdv', 'rdvconfirme']) await save(shortcut);
    // Byte order: '-' < '2' < '_' < 'c', whatever the database's collation says.
    expect(await shortcuts('rdv')).toEqual(['rdv', 'rdv-annule', 'rdv2', 'rdv_tard', 'rdvconfirme']);
    expect(await allPages('rdv', 2)).toEqual([['rdv', 'rdv-annule'], ['rdv2', 'rdv_tard'], ['rdvconfirme']]);
  });

  test('what the agent types after "/" is matched literally: "_" and "%" are no wildcards', async () => {
    for (const shortcut of ['bilan_sang', 'bilanxsang', 'bilan-sang']) await save(shortcut);
    expect(await shortcuts('bilan_')).toEqual(['bilan_sang']);
    expect(await shortcuts('bilan%')).toEqual([]);
    expect(await shortcuts('bilan')).toEqual(['bilan-sang', 'bilan_sang', 'bilanxsang']);
  });

  test('a shortcut is the clinic’s own: a second one is refused naming it, another clinic may have it', async () => {
    const first = await save('horaires', 'Ouvert de 8 h à 19 h.');
    const refused = await save('horaires', 'Fermé le dimanche.').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DuplicateShortcutError);
    expect(refused).toMatchObject({ shortcut: 'horaires', message: expect.stringContaining('/horaires') });
    expect((await listCannedReplies(handle.db, orgId, { prefix: 'horaires', limit: 5 })).data).toEqual([
      expect.objectContaining({ id: first.id, text: 'Ouvert de 8 h à 19 h.' }),
    ]);

    const theirs = await save('horaires', 'Ouvert de 9 h à 18 h.', otherOrgId);
    expect(theirs.id).not.toBe(first.id);
    expect(await shortcuts('horaires', otherOrgId)).toEqual(['horaires']);
  });

  test('a change keeps the fields not given; taking another reply’s shortcut is refused and changes nothing', async () => {
    const reply = await createCannedReply(handle.db, {
      orgId,
      shortcut: 'vaccin',
      text: 'Le vaccin est disponible.',
      language: 'fr',
      createdByUserId: null,
    });
    await save('grippe');

    expect(
      await changeCannedReply(handle.db, orgId, reply.id, { text: 'Le vaccin arrive lundi.' }),
    ).toMatchObject({
      shortcut: 'vaccin',
      text: 'Le vaccin arrive lundi.',
      language: 'fr',
    });
    // Refused inside a caller's transaction, which goes on and commits what else it did.
    await handle.db.transaction(async (tx) => {
      await expect(changeCannedReply(tx, orgId, reply.id, { shortcut: 'grippe' })).rejects.toMatchObject({
        name: 'DuplicateShortcutError',
        shortcut: 'grippe',
      });
      await changeCannedReply(tx, orgId, reply.id, { language: null });
    });
    expect((await listCannedReplies(handle.db, orgId, { prefix: 'vaccin', limit: 5 })).data).toEqual([
      expect.objectContaining({
        id: reply.id,
        shortcut: 'vaccin',
        text: 'Le vaccin arrive lundi.',
        language: null,
      }),
    ]);
    expect(await shortcuts('grippe')).toEqual(['grippe']);
  });

  test('another clinic’s reply is not found to change or remove, and stays as it was', async () => {
    const theirs = await save('confidentiel', 'Réservé au cabinet Pasteur', otherOrgId);
    await expect(changeCannedReply(handle.db, orgId, theirs.id, { text: 'Piraté' })).rejects.toBeInstanceOf(
      CannedReplyNotFoundError,
    );
    await expect(removeCannedReply(handle.db, orgId, theirs.id)).rejects.toBeInstanceOf(
      CannedReplyNotFoundError,
    );
    expect(
      (await listCannedReplies(handle.db, otherOrgId, { prefix: 'confidentiel', limit: 5 })).data,
    ).toEqual([expect.objectContaining({ id: theirs.id, text: 'Réservé au cabinet Pasteur' })]);
    expect(await shortcuts('confidentiel')).toEqual([]);

    await removeCannedReply(handle.db, otherOrgId, theirs.id);
    expect(await shortcuts('confidentiel', otherOrgId)).toEqual([]);
    await expect(removeCannedReply(handle.db, otherOrgId, theirs.id)).rejects.toBeInstanceOf(
      CannedReplyNotFoundError,
    );
  });

  test('a cursor this service did not hand out is refused', async () => {
    for (const cursor of ['!!!', Buffer.from("rdv' or 1=1 --").toString('base64url')]) {
      await expect(listCannedReplies(handle.db, orgId, { cursor, limit: 5 })).rejects.toBeInstanceOf(
        BadCursorError,
      );
    }
  });
});
