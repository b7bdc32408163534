import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request as the receiver got it, verified with the subscription's secret by `Webhook.verify`. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  /** What `Webhook.verify` returned: the parsed body, or why the signature did not verify. */
  verified: { type: string; timestamp: string; data: Record<string, unknown> } | { error: string };
  /** The status this receiver answered. */
  answered: number;
}

/**
 * A receiver of Standard Webhooks on loopback, as a clinic's system would run one: it verifies each
 * request with the `standardwebhooks` package and answers with the next status planned for its path
 * (200 once the plan is used up).
 */
export interface WebhookReceiver {
  url(path: string): string;
  /** The secret requests to `path` are verified with. */
  trust(path: string, secret: string): void;
  /** The statuses the next requests to `path` get, in order. */
  plan(path: string, statuses: number[]): void;
  received(path: string): ReceivedWebhook[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const secrets = new Map<string, string>();
  const plans = new Map<string, number[]>();
  const log: ReceivedWebhook[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const raw = Buffer.concat(chunks).toString('utf8');
      const answered = plans.get(path)?.shift() ?? 200;
      log.push({
        path,
        headers: request.headers,
        raw,
        verified: verify(secrets.get(path), raw, request.headers),
        answered,
      });
      response
        .writeHead(answered, { 'content-type': 'text/plain' })
        .end(answered === 200 ? 'ok' : 'receiver down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    trust: (path, secret) => secrets.set(path, secret),
    plan: (path, statuses) => plans.set(path, [...statuses]),
    received: (path) => log.filter((r) => r.path === path),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function verify(
  secret: string | undefined,
  raw: string,
  headers: IncomingHttpHeaders,
): ReceivedWebhook['verified'] {
  if (secret === undefined) return { error: 'no secret for this path' };
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (typeof value === 'string') flat[name] = value;
  try {
    return new Webhook(secret).verify(raw, flat) as {
      type: string;
      timestamp: string;
      data: Record<string, unknown>;
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
