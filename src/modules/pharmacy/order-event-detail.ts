import type { Opener } from '../keys/keyring.ts';

export const ORDER_EVENT_PURPOSE = 'prescription_order_events.detail';

/** The details of a timeline line, sealed with the patient's key (a reason, what was typed, a channel). */
export interface OrderEventDetail {
  via?: 'channel' | 'careline' | 'api';
  readyAt?: string;
  eta?: string;
  reason?: string;
  /** What the pharmacist typed, when an answer came as words. */
  text?: string;
  itemIds?: string[];
  itemId?: string;
  accepted?: boolean;
  /** Where the patient was told. */
  channel?: string;
  /** The approved template they were told with, outside the channel's window. */
  template?: string;
  /** Why the patient was not told, or the pharmacy could not be reached. */
  why?: string;
}

export function openEventDetail(opener: Opener, sealed: string | null): OrderEventDetail | null {
  const text = opener.open(sealed, ORDER_EVENT_PURPOSE);
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null ? (value as OrderEventDetail) : null;
}
