import { apiRequest } from '../api/http-client.ts';

/** The in-process WhatsApp simulator's control API (only there in demo mode). */
const SIM = '/simulator/_sim';

export interface SimulatedNumber {
  phoneNumberId: string;
  displayPhoneNumber: string;
  wabaId: string;
}

export interface SendRecord {
  receivedAt: string;
  request: unknown;
  response: { httpStatus: number };
  wamid?: string;
  status?: string;
}

export interface InboundRecord {
  wamid: string;
  type: string;
  waId?: string;
  name: string;
  text: string;
  sentAt: string;
  readAt?: string;
}

export interface SimTemplate {
  name: string;
  language: string;
  status: string;
  components: Array<{ type: string; text?: string; buttons?: Array<{ type: string; text?: string }> }>;
}

export type PatientMessage = { phoneNumberId: string; from: string; name: string } & (
  | { type: 'text'; text: string; replyTo?: string }
  | { type: 'image'; bytes: string; mimeType: string; caption?: string }
  | { type: 'button_reply'; replyTo: string; id: string; title: string }
  | { type: 'list_reply'; replyTo: string; id: string; title: string; description?: string }
  | { type: 'button'; replyTo?: string; payload: string; text: string }
);

/** An app account the simulator plays beside WhatsApp (Telegram bot, Messenger Page, Instagram or LINE account). */
export interface PhoneAppAccount {
  app: 'telegram' | 'messenger' | 'instagram' | 'line';
  accountId: string;
  name: string;
  handle: string;
}

/** One message of a conversation in such an app, as the simulator describes it for the phone. */
export interface PhoneAppItem {
  id: string;
  side: 'clinic' | 'me';
  at: string;
  kind:
    | 'text'
    | 'image'
    | 'video'
    | 'audio'
    | 'voice'
    | 'document'
    | 'sticker'
    | 'location'
    | 'contact'
    | 'tap';
  text: string | null;
  fileName: string | null;
  buttons: Array<{ id: string; title: string; kind: 'tap' | 'link'; url: string | null }>;
  reaction: string | null;
  edited: boolean;
  seen: boolean | null;
}

export type PhoneAppAction =
  | { type: 'text'; text: string }
  | { type: 'photo' | 'image'; bytes: string; mimeType: string }
  | { type: 'tap'; messageId: string; buttonId: string }
  | { type: 'read' };

const appPath = (account: PhoneAppAccount) =>
  `${SIM}/apps/${account.app}/${encodeURIComponent(account.accountId)}`;

export const simulatorApi = {
  apps: () => apiRequest<{ accounts: PhoneAppAccount[] }>(`${SIM}/apps`),
  appConversation: (account: PhoneAppAccount, person: string) =>
    apiRequest<{ items: PhoneAppItem[] }>(
      `${appPath(account)}/conversation?person=${encodeURIComponent(person)}`,
    ),
  appActs: (account: PhoneAppAccount, person: { key: string; name: string }, action: PhoneAppAction) =>
    apiRequest<{ httpStatus: number | null }>(`${appPath(account)}/patient-actions`, {
      method: 'POST',
      body: { person, action },
    }),
  numbers: () => apiRequest<{ numbers: SimulatedNumber[] }>(`${SIM}/numbers`),
  sent: (phoneNumberId: string) =>
    apiRequest<{ sends: SendRecord[] }>(`${SIM}/numbers/${encodeURIComponent(phoneNumberId)}/sent`),
  received: (phoneNumberId: string) =>
    apiRequest<{ messages: InboundRecord[] }>(`${SIM}/numbers/${encodeURIComponent(phoneNumberId)}/received`),
  templates: (wabaId: string) =>
    apiRequest<{ templates: SimTemplate[] }>(`${SIM}/wabas/${encodeURIComponent(wabaId)}/templates`),
  patientSends: (message: PatientMessage) =>
    apiRequest<{ wamid: string; httpStatus: number | null }>(`${SIM}/patient-messages`, {
      method: 'POST',
      body: message,
    }),
};
