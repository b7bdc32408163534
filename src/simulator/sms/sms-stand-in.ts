import { z } from 'zod';
import { encodeFormFields } from '../../channels/form-fields.ts';
import { twilioSignature } from '../../channels/sms/verify-twilio-signature.ts';
import type { RandomSource } from '../random-source.ts';
import { SimulatorError } from '../simulator-error.ts';
import type { WebhookDeliveryRecord, WebhookDispatcher } from '../webhook-dispatcher.ts';

/*
 * Twilio's Programmable Messaging API as Careline's SMS numbers meet it, after Twilio's REST reference:
 * `GET /2010-04-01/Accounts/{AccountSid}.json`, `POST …/Messages.json` (form-encoded To, From, Body,
 * StatusCallback) with HTTP basic auth (AccountSid:AuthToken), the media of what patients sent under
 * `…/Messages/{MessageSid}/Media/{MediaSid}` (basic auth too), and the status callbacks of each message
 * (queued, sent, then delivered, or undelivered/failed with an ErrorCode); the patients' side (texts,
 * MMS, STOP/START/HELP as Twilio's Advanced Opt-Out reads them) posted to the number's webhook as
 * Twilio posts it: a form signed with X-Twilio-Signature.
 *
 * Errors are Twilio's bodies `{code, message, more_info, status}`: 20003 (401) for credentials it does
 * not know, 21211 for a To that is not a phone number, 21606 for a From that is not the account's,
 * 21602 for an empty Body, 21617 past 1,600 characters, 21610 to a patient who replied STOP.
 */

export interface SmsNumberInput {
  accountSid: string;
  authToken: string;
  /** The number, E.164. */
  from: string;
  name?: string;
  /** The number's "A message comes in" webhook (Twilio's console). */
  webhookUrl?: string;
}

export interface SmsAnswer {
  httpStatus: number;
  body: unknown;
}

/** Twilio's default opt-out, opt-in and help keywords (Advanced Opt-Out), a whole message each. */
const OPT_OUT = new Set(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit']);
const OPT_IN = new Set(['start', 'unstop', 'yes']);
const HELP = new Set(['help', 'info']);

/** Numbers that, given as a patient's, make the carrier refuse: 30003 unreachable, 30007 filtered. */
export const UNREACHABLE_NUMBER = '+15005550009';
export const FILTERED_NUMBER = '+15005550010';

export interface SmsMessage {
  sid: string;
  side: 'patient' | 'clinic';
  body: string;
  at: string;
  status: string;
  errorCode: number | null;
  media: Array<{ sid: string; mimeType: string }>;
}

interface SmsPerson {
  phone: string;
  optedOut: boolean;
  messages: SmsMessage[];
}

interface SmsNumber {
  accountSid: string;
  authToken: string;
  from: string;
  name: string;
  webhookUrl: string | null;
  people: Map<string, SmsPerson>;
  media: Map<string, { messageSid: string; bytes: Buffer; mimeType: string }>;
  deliveries: WebhookDeliveryRecord[];
}

const E164 = /^\+[1-9]\d{6,14}$/;

export const smsPatientInputSchema = z.object({
  person: z.object({ phone: z.string().regex(E164) }),
  action: z.object({
    text: z.string().max(1600).optional(),
    media: z
      .array(z.object({ bytes: z.string().max(7_000_000).describe('base64'), mimeType: z.string().max(100) }))
      .max(10)
      .optional(),
  }),
});
export type SmsPatientInput = z.infer<typeof smsPatientInputSchema>;

export interface SmsPatientActResult {
  messageSid: string;
  /** Twilio's reading of the text (`OptOutType`): STOP, START or HELP; null for any other text. */
  optOutType: string | null;
  httpStatus: number | null;
}

/** A stand-in for Twilio's Messaging API. Knows nothing of Fastify; sms.routes.ts adapts it. */
export class SmsStandIn {
  readonly #now: () => Date;
  readonly #random: RandomSource;
  readonly #dispatcher: WebhookDispatcher;
  readonly #numbers = new Map<string, SmsNumber>();

  constructor(options: { now: () => Date; random: RandomSource; dispatcher: WebhookDispatcher }) {
    this.#now = options.now;
    this.#random = options.random;
    this.#dispatcher = options.dispatcher;
  }

  /** Adds a number of an account; the same number again updates its credentials and webhook. */
  registerNumber(input: SmsNumberInput): { app: 'sms'; accountId: string; name: string } {
    if (!/^AC[0-9a-f]{32}$/.test(input.accountSid))
      throw new SimulatorError('invalid_input', 'accountSid', 'an account SID is AC and 32 hex digits');
    if (!/^[A-Za-z0-9]{16,128}$/.test(input.authToken))
      throw new SimulatorError('invalid_input', 'authToken', 'an auth token is 32 letters and digits');
    if (!E164.test(input.from))
      throw new SimulatorError('invalid_input', 'from', 'the number is E.164, e.g. +33757123456');
    const known = this.#numbers.get(input.from);
    const number: SmsNumber = {
      accountSid: input.accountSid,
      authToken: input.authToken,
      from: input.from,
      name: input.name ?? known?.name ?? `SMS ${input.from}`,
      webhookUrl: input.webhookUrl ?? known?.webhookUrl ?? null,
      people: known?.people ?? new Map(),
      media: known?.media ?? new Map(),
      deliveries: known?.deliveries ?? [],
    };
    this.#numbers.set(input.from, number);
    return { app: 'sms', accountId: number.from, name: number.name };
  }

  /** `GET /2010-04-01/Accounts/{sid}.json`. */
  account(authorization: string | undefined, accountSid: string): SmsAnswer {
    const number = this.#authorized(authorization, accountSid);
    if (number === null) return twilioError(401, 20003, 'Authenticate');
    return {
      httpStatus: 200,
      body: { sid: accountSid, friendly_name: number.name, status: 'active', type: 'Full' },
    };
  }

  /** `POST /2010-04-01/Accounts/{sid}/Messages.json`. */
  createMessage(
    authorization: string | undefined,
    accountSid: string,
    form: Record<string, string>,
  ): SmsAnswer {
    const owner = this.#authorized(authorization, accountSid);
    if (owner === null) return twilioError(401, 20003, 'Authenticate');
    const to = form.To ?? '';
    if (!E164.test(to)) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    const number = this.#numbers.get(form.From ?? '');
    if (!number || number.accountSid !== accountSid)
      return twilioError(
        400,
        21606,
        `The From phone number ${form.From ?? ''} is not a valid, SMS-capable inbound phone number or short code for your account.`,
      );
    const body = form.Body ?? '';
    if (body === '' && form.MediaUrl === undefined)
      return twilioError(400, 21602, 'Message body is required.');
    if (body.length > 1600)
      return twilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');
    const person = this.#person(number, to);
    if (person.optedOut) return twilioError(400, 21610, 'Attempt to send to unsubscribed recipient');
    const sid = `SM${this.#hex(32)}`;
    const message: SmsMessage = {
      sid,
      side: 'clinic',
      body,
      at: this.#now().toISOString(),
      status: 'queued',
      errorCode: null,
      media: [],
    };
    person.messages.push(message);
    const callback = form.StatusCallback;
    if (callback !== undefined && /^https?:\/\//.test(callback))
      this.#reportStatuses(number, message, to, callback);
    return {
      httpStatus: 201,
      body: {
        sid,
        account_sid: accountSid,
        from: number.from,
        to,
        body,
        status: 'queued',
        direction: 'outbound-api',
        num_segments: '1',
        num_media: '0',
        api_version: '2010-04-01',
        date_created: this.#now().toUTCString(),
        error_code: null,
        error_message: null,
        uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
      },
    };
  }

  /** `GET /2010-04-01/Accounts/{sid}/Messages/{MessageSid}/Media/{MediaSid}`: the bytes, basic auth. */
  media(
    authorization: string | undefined,
    accountSid: string,
    mediaSid: string,
  ): SmsAnswer & { bytes?: Buffer; mimeType?: string } {
    const owner = this.#authorized(authorization, accountSid);
    if (owner === null) return twilioError(401, 20003, 'Authenticate');
    for (const number of this.#numbers.values()) {
      if (number.accountSid !== accountSid) continue;
      const held = number.media.get(mediaSid);
      if (held) return { httpStatus: 200, body: null, bytes: held.bytes, mimeType: held.mimeType };
    }
    return twilioError(404, 20404, `The requested resource /Media/${mediaSid} was not found`);
  }

  conversation(from: string, phone: string): SmsMessage[] {
    return this.#number(from).people.get(phone)?.messages ?? [];
  }

  deliveries(from: string): WebhookDeliveryRecord[] {
    return this.#number(from).deliveries;
  }

  /** A patient texts the number; Twilio reads STOP/START/HELP first, then posts the message signed. */
  async patientActs(from: string, input: SmsPatientInput, apiBaseUrl: string): Promise<SmsPatientActResult> {
    const number = this.#number(from);
    const person = this.#person(number, input.person.phone);
    const text = input.action.text ?? '';
    const media = input.action.media ?? [];
    if (text === '' && media.length === 0)
      throw new SimulatorError('invalid_input', 'action', 'a text or at least one file');
    const keyword = text.trim().toLowerCase();
    let optOutType: string | null = null;
    if (OPT_OUT.has(keyword)) {
      person.optedOut = true;
      optOutType = 'STOP';
    } else if (OPT_IN.has(keyword)) {
      person.optedOut = false;
      optOutType = 'START';
    } else if (HELP.has(keyword)) optOutType = 'HELP';
    const messageSid = `${media.length > 0 ? 'MM' : 'SM'}${this.#hex(32)}`;
    const fields: Record<string, string> = {
      ToCountry: 'FR',
      ToState: '',
      SmsMessageSid: messageSid,
      NumMedia: String(media.length),
      ToCity: '',
      FromZip: '',
      SmsSid: messageSid,
      FromState: '',
      SmsStatus: 'received',
      FromCity: '',
      Body: text,
      FromCountry: 'FR',
      To: number.from,
      ...(optOutType === null ? {} : { OptOutType: optOutType }),
      MessagingServiceSid: '',
      ToZip: '',
      NumSegments: '1',
      MessageSid: messageSid,
      AccountSid: number.accountSid,
      From: person.phone,
      ApiVersion: '2010-04-01',
    };
    const held: SmsMessage['media'] = [];
    media.forEach((file, i) => {
      const mediaSid = `ME${this.#hex(32)}`;
      number.media.set(mediaSid, {
        messageSid,
        bytes: Buffer.from(file.bytes, 'base64'),
        mimeType: file.mimeType,
      });
      held.push({ sid: mediaSid, mimeType: file.mimeType });
      const base = apiBaseUrl.replace(/\/+$/, '');
      fields[`MediaContentType${i}`] = file.mimeType;
      fields[`MediaUrl${i}`] =
        `${base}/2010-04-01/Accounts/${number.accountSid}/Messages/${messageSid}/Media/${mediaSid}`;
    });
    person.messages.push({
      sid: messageSid,
      side: 'patient',
      body: text,
      at: this.#now().toISOString(),
      status: 'received',
      errorCode: null,
      media: held,
    });
    if (!number.webhookUrl) return { messageSid, optOutType, httpStatus: null };
    const record = this.#post(number, number.webhookUrl, fields, messageSid, 'message');
    const final = await record;
    return { messageSid, optOutType, httpStatus: final.attempts.at(-1)?.httpStatus ?? null };
  }

  /** Posts the message's status callbacks in order: queued, sent, then delivered or the carrier's error. */
  #reportStatuses(number: SmsNumber, message: SmsMessage, to: string, url: string): void {
    const error = to === UNREACHABLE_NUMBER ? 30003 : to === FILTERED_NUMBER ? 30007 : null;
    const steps: Array<[string, number | null]> = [
      ['queued', null],
      ['sent', null],
      error === null ? ['delivered', null] : [error === 30003 ? 'undelivered' : 'failed', error],
    ];
    for (const [status, errorCode] of steps) {
      const fields: Record<string, string> = {
        ApiVersion: '2010-04-01',
        MessageStatus: status,
        SmsSid: message.sid,
        SmsStatus: status,
        To: to,
        From: number.from,
        MessageSid: message.sid,
        AccountSid: number.accountSid,
        ...(errorCode === null ? {} : { ErrorCode: String(errorCode) }),
      };
      message.status = status;
      message.errorCode = errorCode;
      void this.#post(number, url, fields, message.sid, `status:${status}`);
    }
  }

  #post(
    number: SmsNumber,
    url: string,
    fields: Record<string, string>,
    messageSid: string,
    eventType: string,
  ): Promise<WebhookDeliveryRecord> {
    const { record, settled } = this.#dispatcher.deliver({
      phoneNumberId: number.from,
      url,
      body: encodeFormFields(fields),
      signature: '',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'TwilioProxy/1.1',
        'x-twilio-signature': twilioSignature(number.authToken, url, fields),
      },
      event: { kind: 'sms_event', messageSid, eventType },
      duplicate: false,
      badSignature: false,
    });
    number.deliveries.push(record);
    return settled;
  }

  #authorized(authorization: string | undefined, accountSid: string): SmsNumber | null {
    const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(authorization ?? '');
    if (!match?.[1]) return null;
    const [sid, token] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
    if (sid !== accountSid) return null;
    for (const number of this.#numbers.values())
      if (number.accountSid === sid && number.authToken === token) return number;
    return null;
  }

  #number(from: string): SmsNumber {
    const number = this.#numbers.get(from);
    if (!number)
      throw new SimulatorError('unknown_number', 'accountId', 'no such SMS number in the simulator');
    return number;
  }

  #person(number: SmsNumber, phone: string): SmsPerson {
    const known = number.people.get(phone);
    if (known) return known;
    const person: SmsPerson = { phone, optedOut: false, messages: [] };
    number.people.set(phone, person);
    return person;
  }

  #hex(length: number): string {
    return this.#random
      .bytes(Math.ceil(length / 2))
      .toString('hex')
      .slice(0, length);
  }
}

/** Twilio's error body, with its documentation link. */
function twilioError(httpStatus: number, code: number, message: string): SmsAnswer {
  return {
    httpStatus,
    body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status: httpStatus },
  };
}
