import type { GraphErrorBody } from './graph-error.ts';
import type { StatusName } from './lifecycle-plan.ts';
import type { OutboundType } from './outbound-message.schema.ts';
import type { PatientMessageType } from './patient-message.ts';

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
  type: OutboundType;
  /** `to` (or `recipient`, a BSUID) as the business wrote it. */
  to: string;
  /** The phone's wa_id, or null when the message went to a business-scoped user id. */
  recipientWaId: string | null;
  recipientUserId: string | null;
  /** The text a patient reads: the body, a caption, a hydrated template body; empty for media alone. */
  text: string;
  acceptedAt: string;
  status: MessageStatus;
  statusHistory: Array<{ status: StatusName; at: string }>;
  /** Why the message will fail, when it was accepted only to fail (window closed, opted out, bad link). */
  failure?: { code: number; title: string };
}

/** A message a simulated patient sent to the business. */
export interface InboundRecord {
  wamid: string;
  type: PatientMessageType;
  waId?: string;
  bsuid?: string;
  name: string;
  /** The text body, caption or reply title; empty for kinds without text. */
  text: string;
  /** The media id the webhook carried, for media messages. */
  mediaId?: string;
  sentAt: string;
  /** When the business marked it as read through the Graph API. */
  readAt?: string;
}

/** One download of a media URL: how much of the file went out (as fast as the client read it). */
export interface MediaDownloadRecord {
  mediaId: string;
  startedAt: string;
  /** The whole file, as its Content-Length announced it. */
  size: number;
  /** Handed to the connection so far: a client that stops reading stops this too. */
  bytesServed: number;
  /** `served` once the last byte went out; `cut_off` when `cutMediaDownloadsAfterBytes` broke it. */
  outcome: 'streaming' | 'served' | 'cut_off';
}

/** What the fake Graph API answers to a send or mark-as-read. */
export interface GraphResponse {
  httpStatus: number;
  body: GraphErrorBody | SendAccepted | { success: true };
}

export interface SendAccepted {
  messaging_product: 'whatsapp';
  contacts: Array<{ input: string; wa_id?: string; user_id?: string }>;
  messages: Array<{ id: string; message_status?: 'accepted' }>;
}

/** @deprecated kept for callers of the text-only simulator; every send answers a `SendAccepted`. */
export type TextSendAccepted = SendAccepted;

export interface PatientSendResult {
  wamid: string;
  /** The status of the last delivery attempt; null if Careline never answered (or the webhook is held). */
  httpStatus: number | null;
  /** The media id the webhook carried, for media messages. */
  mediaId?: string;
}
