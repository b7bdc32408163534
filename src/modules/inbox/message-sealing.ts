import type { DbOrTx } from '../../platform/db/db.ts';
import type { Keyring, Opener } from '../keys/keyring.ts';
import type { Message, messages } from './message.schema.ts';
import { lexemesOfTexts, wordHashes } from './message-terms.ts';

export const MESSAGE_TEXT_PURPOSE = 'messages.text';
export const MESSAGE_CONTENT_PURPOSE = 'messages.content';

type MessageInsert = typeof messages.$inferInsert;

/** What a message says, in plain, and whose it is: that patient's key seals it. */
export interface PlainMessageParts {
  orgId: string;
  contactId: string;
  text: string | null | undefined;
  content: Record<string, unknown> | null | undefined;
}

/** The columns that hold what a message says, as stored. */
export type SealedMessageParts = Required<
  Pick<MessageInsert, 'text' | 'content' | 'contentSealed' | 'searchTerms'>
>;

/**
 * Text and content sealed with each patient's key, and the text's blind-index terms: one key lookup
 * per clinic and one stemming query for the whole batch. Content moves to content_sealed; the jsonb
 * column stays empty (no SQL reads it).
 */
export async function sealMessageParts(
  tx: DbOrTx,
  keyring: Keyring,
  items: readonly PlainMessageParts[],
): Promise<SealedMessageParts[]> {
  if (items.length === 0) return [];
  const lexemes = await lexemesOfTexts(
    tx,
    items.map((item) => item.text ?? ''),
  );
  const sealed: SealedMessageParts[] = [];
  for (const [orgId, group] of groupByOrg(items)) {
    const sealers = await keyring.patients(
      tx,
      orgId,
      group.map(({ item }) => item.contactId),
    );
    const index = await keyring.blindIndex(tx, orgId);
    for (const { item, at } of group) {
      const sealer = sealers.get(item.contactId);
      if (!sealer) throw new Error('A patient key was not loaded');
      sealed[at] = {
        text: sealer.sealNullable(item.text, MESSAGE_TEXT_PURPOSE),
        content: null,
        contentSealed: item.content
          ? sealer.seal(JSON.stringify(item.content), MESSAGE_CONTENT_PURPOSE)
          : null,
        searchTerms: wordHashes(index, lexemes[at] ?? []),
      };
    }
  }
  return sealed;
}

/** Rows to insert, sealed: `sealMessageParts` for each, the rest of the row as given. */
export async function sealMessages(
  tx: DbOrTx,
  keyring: Keyring,
  rows: ReadonlyArray<{ contactId: string; values: MessageInsert }>,
): Promise<MessageInsert[]> {
  const parts = await sealMessageParts(
    tx,
    keyring,
    rows.map(({ contactId, values }) => ({
      orgId: values.orgId,
      contactId,
      text: values.text,
      content: values.content,
    })),
  );
  return rows.map(({ values }, i) => ({ ...values, ...parts[i] }));
}

/**
 * The messages as readers need them: text and content opened (one key query per clinic). A message
 * whose patient was erased reads with null text and content; one stored before encryption reads as is.
 */
export async function openMessages(
  db: DbOrTx,
  keyring: Keyring,
  rows: readonly Message[],
): Promise<Message[]> {
  if (rows.length === 0) return [];
  const opened: Message[] = [];
  for (const [orgId, group] of groupByOrg(rows)) {
    const opener = await keyring.opener(
      db,
      orgId,
      group.flatMap(({ item }) => [item.text, item.contentSealed]),
    );
    for (const { item, at } of group) opened[at] = openMessage(opener, item);
  }
  return opened;
}

/** One message opened: see `openMessages`. */
export async function openOneMessage<M extends Message | undefined>(
  db: DbOrTx,
  keyring: Keyring,
  row: M,
): Promise<M> {
  if (!row) return row;
  const [opened] = await openMessages(db, keyring, [row]);
  return (opened ?? row) as M;
}

export function openMessage(opener: Opener, row: Message): Message {
  return {
    ...row,
    text: opener.open(row.text, MESSAGE_TEXT_PURPOSE),
    content:
      row.contentSealed === null
        ? row.content
        : contentOf(opener.open(row.contentSealed, MESSAGE_CONTENT_PURPOSE)),
  };
}

function contentOf(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  const parsed: unknown = JSON.parse(json);
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
}

function groupByOrg<T extends { orgId: string }>(
  items: readonly T[],
): Map<string, Array<{ item: T; at: number }>> {
  const groups = new Map<string, Array<{ item: T; at: number }>>();
  items.forEach((item, at) => {
    const group = groups.get(item.orgId) ?? [];
    group.push({ item, at });
    groups.set(item.orgId, group);
  });
  return groups;
}

/** The details (`content`) of a clinic's messages, opened: what code scanning them for file ids reads. */
export async function openContents(
  db: DbOrTx,
  keyring: Keyring,
  orgId: string,
  rows: ReadonlyArray<Pick<Message, 'content' | 'contentSealed'>>,
): Promise<Array<Record<string, unknown> | null>> {
  const opener = await keyring.opener(
    db,
    orgId,
    rows.map((r) => r.contentSealed),
  );
  return rows.map((r) =>
    r.contentSealed === null ? r.content : contentOf(opener.open(r.contentSealed, MESSAGE_CONTENT_PURPOSE)),
  );
}
