import type { GraphErrorBody } from './graph-error.ts';
import type { StatusName } from './lifecycle-plan.ts';

export type MessageStatus = 'accepted' | StatusName;

/** One `POST …/messages` the business made, as received and as answered. */
export interface SendRecord {
  receivedAt: string;
  request: unknown;
  response: { httpStatus: number; body: unknown };
  /** Set when the send was accepted. */
  wamid?: string;
}

/** A send as the control API shows it: with the message's status at the time of asking. */
export interface SendRecordView extends SendRecord {
  status?: MessageStatus;
}

/** A message the business sent and the simulator accepted. */
export interface SimulatedMessage {
  wamid: string;
  phoneNumberId: string;
  /** `to` (or `recipient`, a BSUID) as the business wrote it. */
  to: string;
  /** The phone's wa_id, or null when the message went to a business-scoped user id. */
  recipientWaId: string | null;
  recipientUserId: string | null;
  text: string;
  acceptedAt: string;
  status: MessageStatus;
  statusHistory: Array<{ status: StatusName; at: string }>;
}

/** A message a simulated patient sent to the business. */
export interface InboundRecord {
  wamid: string;
  waId?: string;
  bsuid?: string;
  name: string;
  text: string;
  sentAt: string;
  /** When the business marked it as read through the Graph API. */
  readAt?: string;
}

/** What the fake Graph API answers to a send or mark-as-read. */
export interface GraphResponse {
  httpStatus: number;
  body: GraphErrorBody | TextSendAccepted | { success: true };
}

export interface TextSendAccepted {
  messaging_product: 'whatsapp';
  contacts: Array<{ input: string; wa_id?: string; user_id?: string }>;
  messages: Array<{ id: string }>;
}

export interface PatientSendResult {
  wamid: string;
  /** The status of the last delivery attempt; null if Careline never answered. */
  httpStatus: number | null;
}
