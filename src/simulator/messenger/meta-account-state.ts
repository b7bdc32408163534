import type { PhoneAppItem } from '../phone-app-view.ts';
import type { WebhookDeliveryRecord } from '../webhook-dispatcher.ts';

export type MetaMessagingApp = 'messenger' | 'instagram';

/** One person as a Page (PSID) or an Instagram account (IGSID) knows them: ids are scoped to the account. */
export interface MetaUser {
  id: string;
  personKey: string;
  firstName: string;
  lastName: string | null;
  /** The person's last message: the 24-hour window (and HUMAN_AGENT's 7 days) run from it. */
  lastInboundAt: Date | null;
}

/** What a tappable element sends back when tapped. */
export interface MetaTap {
  type: 'postback' | 'quick_reply';
  title: string;
  payload: string;
}

export interface MetaMessage {
  mid: string;
  side: 'page' | 'patient';
  userId: string;
  at: Date;
  view: Pick<PhoneAppItem, 'kind' | 'text' | 'fileName' | 'buttons'>;
  taps: MetaTap[];
  /** The Send API body (page messages), kept for tests and the control API. */
  request: unknown;
  reaction: string | null;
  seen: boolean;
}

export interface StoredAttachment {
  id: string;
  bytes: Buffer | null;
  url: string | null;
  mimeType: string;
}

export interface MetaAccountState {
  app: MetaMessagingApp;
  /** Page id (Messenger) or Instagram professional account id: `entry[].id`. */
  accountId: string;
  name: string;
  username: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string | null;
  webhookUrl: string;
  users: Map<string, MetaUser>;
  userIdByPerson: Map<string, string>;
  messages: MetaMessage[];
  attachments: Map<string, StoredAttachment>;
  deliveries: WebhookDeliveryRecord[];
}
