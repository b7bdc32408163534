import type { MetaAccountState } from './meta-account-state.ts';

/** A Messenger (`object: "page"`) or Instagram (`object: "instagram"`) webhook body with one event. */
export function messagingEnvelope(
  account: MetaAccountState,
  at: Date,
  item: Record<string, unknown>,
): unknown {
  return {
    object: account.app === 'messenger' ? 'page' : 'instagram',
    entry: [{ id: account.accountId, time: at.getTime(), messaging: [item] }],
  };
}

/** The frame every `messaging[]` item shares: who wrote, to whom, when (milliseconds). */
export function fromPatient(account: MetaAccountState, userId: string, at: Date): Record<string, unknown> {
  return { sender: { id: userId }, recipient: { id: account.accountId }, timestamp: at.getTime() };
}

export function toPatient(account: MetaAccountState, userId: string, at: Date): Record<string, unknown> {
  return { sender: { id: account.accountId }, recipient: { id: userId }, timestamp: at.getTime() };
}
