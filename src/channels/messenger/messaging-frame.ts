import type { z } from 'zod';
import type { Sender } from '../inbound-event.ts';
import type { EntryScope } from './messenger-other-event.ts';
import type { messagingFrameSchema } from './messenger-wire.schema.ts';

/** The common part of a `messaging[]` item: who, to whom, when; its one event key sits beside it. */
export type MessagingFrame = z.output<typeof messagingFrameSchema>;

/** The person who wrote: Messenger and Instagram give only their scoped id (PSID / IGSID), never a phone. */
export function senderOf(frame: MessagingFrame): Sender | null {
  const id = frame.sender?.id ?? null;
  return id === null ? null : { id, phone: null, bsuid: null, parentBsuid: null, name: null, username: null };
}

/** The keys every event of an entry shares. */
export function eventBase(scope: EntryScope): Pick<EntryScope, 'channel' | 'accountId'> {
  return { channel: scope.channel, accountId: scope.accountId };
}
