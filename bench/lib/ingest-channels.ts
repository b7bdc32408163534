import { randomBytes } from 'node:crypto';
import { signMetaPayload } from '../../src/channels/meta/webhook-signature.ts';
import { startBotApiStandIn } from '../../src/channels/telegram/bot-api-stand-in.test-support.ts';
import { patientText } from '../../test/support/meta-webhooks.ts';
import { type BenchClinic, careline } from './careline.ts';

export const INGEST_CHANNELS = ['whatsapp', 'telegram', 'messenger'] as const;
export type IngestChannel = (typeof INGEST_CHANNELS)[number];

/** What the load generator posts for one channel, and how a stored message is found again. */
export interface ChannelUnderLoad {
  path: string;
  /** One request per call: a new patient message each time, signed as the provider signs it. */
  requests(run: string, patients: number): () => { body: string; headers: Record<string, string> };
  /** The id the message is stored under, read back from the request body that was acknowledged. */
  storedIdOf(body: string): string | undefined;
  close(): Promise<void>;
}

/**
 * Adds the channel to the bench clinic with the `careline` command, as an operator would, and says what
 * its provider's deliveries look like. WhatsApp's account is the one `setUpClinic` made; Telegram's is
 * registered against a Bot API stand-in on 127.0.0.1 (getMe, setWebhook), which also takes the welcome
 * messages the clinic's flows answer with; Messenger's Page sends to nothing (127.0.0.1:9), as WhatsApp's
 * number does.
 */
export async function channelUnderLoad(
  channel: IngestChannel,
  env: Record<string, string>,
  clinic: BenchClinic,
): Promise<ChannelUnderLoad> {
  if (channel === 'whatsapp') return whatsappUnderLoad(clinic);
  if (channel === 'telegram') return telegramUnderLoad(env, clinic);
  return messengerUnderLoad(env, clinic);
}

/**
 * Distinct WhatsApp patient text messages, each with a wamid of its own, signed with the app secret. One
 * counter per generator: warm-up and measured runs against one server never send a wamid twice.
 */
export function whatsappRequests(
  run: string,
  patients: number,
  appSecret: string,
  phoneNumberId: string,
): () => { body: string; headers: Record<string, string> } {
  const tag = tagOf(run);
  let next = 0;
  return () => {
    const n = next++;
    const patient = n % patients;
    const body = patientText(
      phoneNumberId,
      `3361${String(patient).padStart(8, '0')}`,
      `wamid.BENCH${tag}${n}`,
      `Bonjour, message ${n} : puis-je avancer mon rendez-vous ?`,
      `Patient ${patient}`,
    );
    return { body, headers: { 'x-hub-signature-256': signMetaPayload(body, appSecret) } };
  };
}

function whatsappUnderLoad(clinic: BenchClinic): ChannelUnderLoad {
  return {
    path: '/webhooks/whatsapp',
    requests: (run, patients) => whatsappRequests(run, patients, clinic.appSecret, clinic.phoneNumberId),
    storedIdOf: (body) => /"id":"(wamid\.[^"]+)"/.exec(body)?.[1],
    close: async () => {},
  };
}

async function telegramUnderLoad(
  env: Record<string, string>,
  clinic: BenchClinic,
): Promise<ChannelUnderLoad> {
  const botToken = `7000000001:AAH${randomBytes(16).toString('hex')}`;
  const secretToken = `bench_${randomBytes(12).toString('hex')}`;
  const botApi = await startBotApiStandIn({ tokens: [botToken], allowHttp: true });
  const added = await careline(env, [
    'add-telegram-channel',
    '--org',
    clinic.slug,
    '--bot-token',
    botToken,
    '--secret-token',
    secretToken,
    '--api-url',
    botApi.url,
  ]);
  const accountId = /id=([0-9a-f-]{36})/.exec(added)?.[1];
  if (!accountId) throw new Error(`add-telegram-channel printed no id: "${added.trim()}"`);
  return {
    path: `/webhooks/telegram/${accountId}`,
    requests(_run, patients) {
      let next = 0;
      const base = 900_000_000 + Math.floor(Math.random() * 1000) * 100_000;
      return () => {
        const n = next++;
        const chat = 5_200_000_000 + (n % patients);
        const person = { first_name: 'Patient', last_name: String(n % patients) };
        const body = JSON.stringify({
          update_id: base + n,
          message: {
            message_id: base + n,
            date: Math.floor(Date.now() / 1000),
            chat: { id: chat, type: 'private', ...person },
            from: { id: chat, is_bot: false, language_code: 'fr', ...person },
            text: `Bonjour, message ${n} : puis-je avancer mon rendez-vous ?`,
          },
        });
        return { body, headers: { 'x-telegram-bot-api-secret-token': secretToken } };
      };
    },
    storedIdOf(body) {
      const message = /"message_id":(\d+).*?"chat":\{"id":(\d+)/.exec(body);
      return message ? `${message[2]}:${message[1]}` : undefined;
    },
    close: () => botApi.close(),
  };
}

async function messengerUnderLoad(
  env: Record<string, string>,
  clinic: BenchClinic,
): Promise<ChannelUnderLoad> {
  const pageId = '104000000000077';
  const appSecret = `bench-secret-${randomBytes(12).toString('hex')}`;
  await careline(env, [
    'add-messenger-channel',
    '--org',
    clinic.slug,
    '--page-id',
    pageId,
    '--page-access-token',
    `EAAG${randomBytes(12).toString('hex')}`,
    '--app-secret',
    appSecret,
    '--verify-token',
    `bench-verify-${randomBytes(6).toString('hex')}`,
    '--graph-url',
    'http://127.0.0.1:9',
    '--api-version',
    'v25.0',
  ]);
  return {
    path: '/webhooks/messenger',
    requests(run, patients) {
      const tag = tagOf(run);
      let next = 0;
      return () => {
        const n = next++;
        const now = Date.now();
        const body = JSON.stringify({
          object: 'page',
          entry: [
            {
              id: pageId,
              time: now,
              messaging: [
                {
                  sender: { id: `61000${String(n % patients).padStart(10, '0')}` },
                  recipient: { id: pageId },
                  timestamp: now,
                  message: { mid: `m_BENCH${tag}${n}`, text: `Bonjour, message ${n} : puis-je avancer ?` },
                },
              ],
            },
          ],
        });
        return { body, headers: { 'x-hub-signature-256': signMetaPayload(body, appSecret) } };
      };
    },
    storedIdOf: (body) => /"mid":"(m_BENCH[^"]+)"/.exec(body)?.[1],
    close: async () => {},
  };
}

function tagOf(run: string): string {
  return run.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}
