import Fastify from 'fastify';
import { verifyMetaSignature } from '../channels/whatsapp/webhook-signature.ts';
import type { SimulatedNumber } from './simulated-number.ts';
import { type SimulatorServerOptions, startSimulatorServer } from './simulator-server.ts';

export interface ReceivedWebhook {
  rawBody: string;
  signatureValid: boolean;
  headers: Record<string, string | string[] | undefined>;
  payload: unknown;
}

/**
 * A tiny stand-in for Careline's webhook endpoint: keeps the raw bytes, checks the signature on them
 * as Careline must, and answers with whatever status `respond` picks (200 by default).
 */
export async function startWebhookReceiver(appSecret: string) {
  const received: ReceivedWebhook[] = [];
  let respond: (attempt: number) => number = () => 200;
  const app = Fastify();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  app.post('/webhooks/whatsapp', async (request, reply) => {
    const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    const header = request.headers['x-hub-signature-256'];
    received.push({
      rawBody: raw.toString('utf8'),
      signatureValid: verifyMetaSignature(raw, typeof header === 'string' ? header : undefined, appSecret),
      headers: request.headers,
      payload: JSON.parse(raw.toString('utf8')),
    });
    return reply.code(respond(received.length)).send();
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: `${base}/webhooks/whatsapp`,
    received,
    /** `attempt` counts every POST received so far, this one included. */
    respondWith(pick: (attempt: number) => number) {
      respond = pick;
    },
    close: () => app.close(),
  };
}

export const TEST_NUMBER = {
  phoneNumberId: '106540352242922',
  displayPhoneNumber: '33186950000',
  wabaId: '102290129340398',
  accessToken: 'EAAtest-token-for-the-simulator',
  appSecret: 'test-app-secret',
} satisfies Omit<SimulatedNumber, 'webhookUrl'>;

/** A simulator server with one number whose webhooks go to a fresh receiver, on fast timings. */
export async function startSimulatorAndReceiver(
  options: Omit<SimulatorServerOptions, 'port' | 'numbers'> = {},
) {
  const receiver = await startWebhookReceiver(TEST_NUMBER.appSecret);
  const server = await startSimulatorServer({
    port: 0,
    numbers: [{ ...TEST_NUMBER, webhookUrl: receiver.url }],
    lifecycle: { sentAfterMs: 1, deliveredAfterMs: 1, readAfterMs: 1 },
    webhookRetry: { initialDelayMs: 5, factor: 2, maxAttempts: 4, timeoutMs: 2000 },
    ...options,
  });
  return {
    receiver,
    server,
    simulator: server.simulator,
    /** Calls the fake Graph API as Careline's WhatsApp adapter would. */
    async graph(body: unknown, init: { token?: string | null; phoneNumberId?: string } = {}) {
      const token = init.token === undefined ? TEST_NUMBER.accessToken : init.token;
      const response = await fetch(
        `${server.url}/v25.0/${init.phoneNumberId ?? TEST_NUMBER.phoneNumberId}/messages`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          },
          body: JSON.stringify(body),
        },
      );
      return { status: response.status, body: (await response.json()) as GraphAnswer };
    },
    async close() {
      await server.close();
      await receiver.close();
    },
  };
}

export function textTo(to: string, body: string) {
  return { messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body } };
}

// Loose views of Meta's payload for assertions; the tests check the fields they read.
export interface WebhookValue {
  messaging_product: string;
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: Array<{ profile: { name: string }; wa_id?: string; user_id?: string }>;
  messages?: Array<Record<string, unknown> & { id: string; timestamp: string; text: { body: string } }>;
  statuses?: Array<
    Record<string, unknown> & {
      id: string;
      status: string;
      timestamp: string;
      errors?: Array<{ code: number }>;
    }
  >;
}

interface MetaWebhook {
  object: string;
  entry: Array<{ id: string; changes: Array<{ field: string; value: WebhookValue }> }>;
}

export function webhookOf(received: ReceivedWebhook): MetaWebhook {
  return received.payload as MetaWebhook;
}

export function changeValue(received: ReceivedWebhook): WebhookValue {
  const value = webhookOf(received).entry[0]?.changes[0]?.value;
  if (!value) throw new Error('webhook without entry[0].changes[0].value');
  return value;
}

/** The statuses received for one message, in arrival order. */
export function statusesFor(received: ReceivedWebhook[], wamid: string) {
  return received
    .flatMap((webhook) => changeValue(webhook).statuses ?? [])
    .filter((status) => status.id === wamid);
}

/** Any Graph answer, loosely: tests read the fields the case at hand must have. */
export interface GraphAnswer {
  messaging_product: string;
  contacts: Array<{ input: string; wa_id: string }>;
  messages: Array<{ id: string }>;
  success: boolean;
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_data: { messaging_product: string; details: string };
    fbtrace_id: string;
  };
}

/** The wamid of an accepted send. */
export function wamidOf(answer: { body: GraphAnswer }): string {
  const id = answer.body.messages?.[0]?.id;
  if (!id) throw new Error(`send not accepted: ${JSON.stringify(answer.body)}`);
  return id;
}
